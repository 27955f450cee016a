package org.emission.notify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.emission.records.AlertEvent;

/**
 * English text of an alert record, e.g. [Exceedance alert] Outlet DA001 SO2 hourly mean 46.8 mg/m³
 * over the special emission limit 30 (multiple 0.56), since 2025-01-15 10:00 (UTC+8).
 */
final class EnglishText implements AlertText {

  @Override
  public String labelSeparator() {
    return ": ";
  }

  @Override
  public AlertMessage compose(AlertEvent e) {
    Lifecycle lifecycle = Lifecycle.parse(e.lifecycle());
    String kind = AlertKinds.name(e.kind(), Language.EN);
    String title = "[" + kind + titleSuffix(lifecycle) + "] ";
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
      return " alert update";
    }
    return lifecycle == Lifecycle.CLOSED ? " alert cleared" : " alert";
  }

  private static String subject(AlertEvent e) {
    String where = e.outletId() != null ? "Outlet " + e.outletId() : "Logger " + e.mn();
    return e.pollutant() == null
        ? where
        : where + " " + Pollutants.name(e.pollutant(), Language.EN);
  }

  private static String exceedance(AlertEvent e, Lifecycle lifecycle, String subject) {
    String mean =
        e.detail() != null && e.detail().startsWith("day ") ? "daily mean" : "hourly mean";
    String limit =
        e.limitValue() == null
            ? ""
            : limitKind(e.limitKind())
                + " "
                + Values.number(e.limitValue())
                + (e.multiple() == null ? "" : " (multiple " + Values.multiple(e.multiple()) + ")");
    if (lifecycle == Lifecycle.CLOSED) {
      return subject
          + " exceedance cleared"
          + period(e)
          + ", peak "
          + mean
          + " "
          + peak(e)
          + (limit.isEmpty() ? "" : " over the " + limit);
    }
    String verb = lifecycle == Lifecycle.UPDATED ? " now " : " ";
    return subject
        + " "
        + mean
        + verb
        + peak(e)
        + (limit.isEmpty() ? "" : " over the " + limit)
        + ", since "
        + Values.time(e.start());
  }

  private static String earlyWarning(AlertEvent e, Lifecycle lifecycle, String subject) {
    if (lifecycle == Lifecycle.CLOSED) {
      return subject + " early warning cleared" + period(e);
    }
    String verb =
        lifecycle == Lifecycle.UPDATED ? " projected hourly mean now " : " projected hourly mean ";
    String limit =
        e.limitValue() == null
            ? ""
            : " may exceed the " + limitKind(e.limitKind()) + " " + Values.number(e.limitValue());
    return subject + verb + peak(e) + limit + ", since " + Values.time(e.start());
  }

  private static String other(AlertEvent e, Lifecycle lifecycle, String subject, String kind) {
    String what = kind.toLowerCase(Locale.ROOT);
    if (lifecycle == Lifecycle.CLOSED) {
      return subject + ": " + what + " cleared" + period(e);
    }
    String value = "";
    if (e.peakValue() != null) {
      value =
          (lifecycle == Lifecycle.UPDATED ? ", latest value " : ", value ")
              + Values.number(e.peakValue())
              + (e.limitValue() == null
                  ? ""
                  : " (" + limitKind(e.limitKind()) + " " + Values.number(e.limitValue()) + ")");
    }
    String state = lifecycle == Lifecycle.UPDATED ? " continues" : "";
    return subject + ": " + what + state + value + ", since " + Values.time(e.start());
  }

  private static String peak(AlertEvent e) {
    return e.peakValue() == null
        ? "unknown"
        : Values.withUnit(Values.number(e.peakValue()), Pollutants.unit(e.pollutant()));
  }

  private static String period(AlertEvent e) {
    if (e.end() == null) {
      return ", since " + Values.time(e.start());
    }
    Duration lasted = Values.between(e.start(), e.end());
    return ", "
        + Values.time(e.start())
        + " to "
        + Values.time(e.end())
        + (lasted == null ? "" : " (" + duration(lasted) + ")");
  }

  static String duration(Duration d) {
    long minutes = d.toMinutes();
    if (minutes < 1) {
      return "under 1 min";
    }
    List<String> parts = new ArrayList<>();
    if (minutes >= 1440) {
      parts.add(minutes / 1440 + " d");
    }
    if (minutes % 1440 >= 60) {
      parts.add(minutes % 1440 / 60 + " h");
    }
    if (minutes % 60 > 0) {
      parts.add(minutes % 60 + " min");
    }
    return String.join(" ", parts);
  }

  static String limitKind(String kind) {
    return switch (String.valueOf(kind)) {
      case "standard" -> "standard limit";
      case "special" -> "special emission limit";
      case "ultra_low" -> "ultra-low emission limit";
      case "permit" -> "permit limit";
      case "threshold" -> "threshold";
      default -> "limit";
    };
  }

  private static List<AlertMessage.Detail> details(AlertEvent e, Lifecycle lifecycle) {
    List<AlertMessage.Detail> d = new ArrayList<>();
    add(d, "Severity", e.severity());
    add(d, "State", lifecycle == null ? e.lifecycle() : lifecycle.name().toLowerCase(Locale.ROOT));
    add(d, "Enterprise", e.enterpriseId());
    add(d, "Outlet", e.outletId());
    add(d, "Logger MN", e.mn());
    if (e.pollutant() != null) {
      add(d, "Pollutant", Pollutants.name(e.pollutant(), Language.EN) + " (" + e.pollutant() + ")");
    }
    add(d, "Limit source", e.limitSource());
    add(d, "Detail", e.detail());
    add(d, "Changed at", e.at() == null ? null : Values.time(e.at()) + " UTC+8");
    add(d, "Alert id", e.alertId() + " (revision " + e.revision() + ")");
    return d;
  }

  private static void add(List<AlertMessage.Detail> details, String label, String value) {
    if (value != null && !value.isBlank()) {
      details.add(new AlertMessage.Detail(label, value));
    }
  }
}
