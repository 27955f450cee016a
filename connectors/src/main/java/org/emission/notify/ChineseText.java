package org.emission.notify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.emission.records.AlertEvent;

/**
 * Chinese text of an alert record, e.g. 【超标告警】排放口 DA001 SO2 小时均值 46.8 mg/m³，超过特别排放限值 30（超标 0.56
 * 倍），开始于 2025-01-15 10:00. Times in China Standard Time; the multiple is (C − L) / L.
 */
final class ChineseText implements AlertText {

  @Override
  public String labelSeparator() {
    return "：";
  }

  @Override
  public AlertMessage compose(AlertEvent e) {
    Lifecycle lifecycle = Lifecycle.parse(e.lifecycle());
    String kind = AlertKinds.name(e.kind(), Language.ZH);
    String title = "【" + kind + titleSuffix(lifecycle) + "】";
    String subject = subject(e);
    String summary =
        switch (String.valueOf(e.kind())) {
          case "EXCEEDANCE" -> exceedance(e, lifecycle, subject);
          case "EARLY_WARNING" -> earlyWarning(e, lifecycle, subject);
          default -> other(e, lifecycle, subject, kind);
        };
    return new AlertMessage(
        title, subject, summary, details(e, lifecycle), lifecycle == Lifecycle.CLOSED);
  }

  private static String titleSuffix(Lifecycle lifecycle) {
    if (lifecycle == Lifecycle.UPDATED) {
      return "告警更新";
    }
    return lifecycle == Lifecycle.CLOSED ? "告警解除" : "告警";
  }

  private static String subject(AlertEvent e) {
    String where = e.outletId() != null ? "排放口 " + e.outletId() : "数采仪 " + e.mn();
    return e.pollutant() == null
        ? where
        : where + " " + Pollutants.name(e.pollutant(), Language.ZH);
  }

  private static String exceedance(AlertEvent e, Lifecycle lifecycle, String subject) {
    String mean = e.detail() != null && e.detail().startsWith("day ") ? "日均值" : "小时均值";
    String peak = peak(e);
    if (lifecycle == Lifecycle.CLOSED) {
      String against =
          e.limitValue() == null
              ? ""
              : "（"
                  + limitKind(e.limitKind())
                  + " "
                  + Values.number(e.limitValue())
                  + (e.multiple() == null ? "" : "，超标 " + Values.multiple(e.multiple()) + " 倍")
                  + "）";
      return subject + " 超标已解除" + period(e) + "，期间最高" + mean + " " + peak + against;
    }
    String over =
        e.limitValue() == null
            ? ""
            : "，超过"
                + limitKind(e.limitKind())
                + " "
                + Values.number(e.limitValue())
                + (e.multiple() == null ? "" : "（超标 " + Values.multiple(e.multiple()) + " 倍）");
    String verb = lifecycle == Lifecycle.UPDATED ? mean + "升至 " : mean + " ";
    return subject + " " + verb + peak + over + "，开始于 " + Values.time(e.start());
  }

  private static String earlyWarning(AlertEvent e, Lifecycle lifecycle, String subject) {
    if (lifecycle == Lifecycle.CLOSED) {
      return subject + " 超标预警已解除" + period(e);
    }
    String verb = lifecycle == Lifecycle.UPDATED ? " 预计小时均值升至 " : " 预计小时均值 ";
    String limit =
        e.limitValue() == null
            ? ""
            : "（" + limitKind(e.limitKind()) + " " + Values.number(e.limitValue()) + "）";
    return subject + verb + peak(e) + "，有超标风险" + limit + "，开始于 " + Values.time(e.start());
  }

  private static String other(AlertEvent e, Lifecycle lifecycle, String subject, String kind) {
    if (lifecycle == Lifecycle.CLOSED) {
      return subject + " " + kind + "已解除" + period(e);
    }
    String value = "";
    if (e.peakValue() != null) {
      value =
          (lifecycle == Lifecycle.UPDATED ? "，最新值 " : "，当前值 ")
              + Values.number(e.peakValue())
              + (e.limitValue() == null
                  ? ""
                  : "（" + limitKind(e.limitKind()) + " " + Values.number(e.limitValue()) + "）");
    }
    String state = lifecycle == Lifecycle.UPDATED ? "持续" : "";
    return subject + " " + kind + state + value + "，开始于 " + Values.time(e.start());
  }

  private static String peak(AlertEvent e) {
    return e.peakValue() == null
        ? "未知"
        : Values.withUnit(Values.number(e.peakValue()), Pollutants.unit(e.pollutant()));
  }

  /** ，2025-01-15 10:00 至 2025-01-15 13:00（持续 3 小时）. */
  private static String period(AlertEvent e) {
    if (e.end() == null) {
      return "，开始于 " + Values.time(e.start());
    }
    Duration lasted = Values.between(e.start(), e.end());
    return "，"
        + Values.time(e.start())
        + " 至 "
        + Values.time(e.end())
        + (lasted == null ? "" : "（持续 " + duration(lasted) + "）");
  }

  static String duration(Duration d) {
    long minutes = d.toMinutes();
    if (minutes < 1) {
      return "不足 1 分钟";
    }
    List<String> parts = new ArrayList<>();
    if (minutes >= 1440) {
      parts.add(minutes / 1440 + " 天");
    }
    if (minutes % 1440 >= 60) {
      parts.add(minutes % 1440 / 60 + " 小时");
    }
    if (minutes % 60 > 0) {
      parts.add(minutes % 60 + " 分钟");
    }
    return String.join(" ", parts);
  }

  static String limitKind(String kind) {
    return switch (String.valueOf(kind)) {
      case "standard" -> "排放标准限值";
      case "special" -> "特别排放限值";
      case "ultra_low" -> "超低排放限值";
      case "permit" -> "许可排放限值";
      case "threshold" -> "阈值";
      default -> "限值";
    };
  }

  private static List<AlertMessage.Detail> details(AlertEvent e, Lifecycle lifecycle) {
    List<AlertMessage.Detail> d = new ArrayList<>();
    add(d, "级别", severity(e.severity()));
    add(d, "状态", lifecycle == null ? e.lifecycle() : state(lifecycle));
    add(d, "企业", e.enterpriseId());
    add(d, "排放口", e.outletId());
    add(d, "数采仪 MN", e.mn());
    if (e.pollutant() != null) {
      add(d, "监测因子", Pollutants.name(e.pollutant(), Language.ZH) + "（" + e.pollutant() + "）");
    }
    add(d, "限值依据", e.limitSource());
    add(d, "说明", e.detail());
    add(d, "变更时间", Values.time(e.at()));
    add(d, "告警编号", e.alertId() + "（第 " + e.revision() + " 版）");
    return d;
  }

  private static String state(Lifecycle lifecycle) {
    return switch (lifecycle) {
      case OPENED -> "开始";
      case UPDATED -> "更新";
      case CLOSED -> "解除";
    };
  }

  private static String severity(String severity) {
    return switch (String.valueOf(severity)) {
      case "CRITICAL" -> "严重";
      case "WARNING" -> "警告";
      case "INFO" -> "提示";
      default -> severity;
    };
  }

  private static void add(List<AlertMessage.Detail> details, String label, String value) {
    if (value != null && !value.isBlank()) {
      details.add(new AlertMessage.Detail(label, value));
    }
  }
}
