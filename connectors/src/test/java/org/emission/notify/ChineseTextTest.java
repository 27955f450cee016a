package org.emission.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.util.Map;
import org.emission.records.AlertEvent;
import org.junit.jupiter.api.Test;

class ChineseTextTest {
  private final ChineseText text = new ChineseText();

  @Test
  void exceedanceOpenedReadsAsTheBureauWritesIt() {
    AlertMessage m = text.compose(Alerts.exceedanceOpened("id-1"));

    assertThat(m.headline())
        .isEqualTo(
            "【超标告警】排放口 WH-DA001 SO2 小时均值 46.8 mg/m³，超过特别排放限值 30（超标 0.56 倍），"
                + "开始于 2025-01-15 10:00");
    assertThat(m.subject()).isEqualTo("排放口 WH-DA001 SO2");
    assertThat(m.closing()).isFalse();
    assertThat(m.details())
        .extracting(AlertMessage.Detail::label, AlertMessage.Detail::value)
        .containsExactly(
            tuple("级别", "严重"),
            tuple("状态", "开始"),
            tuple("企业", "WH-E001"),
            tuple("排放口", "WH-DA001"),
            tuple("数采仪 MN", "MN150300000001"),
            tuple("监测因子", "SO2（a21026）"),
            tuple("限值依据", "GB 13223-2011 表2"),
            tuple("说明", "hour a21026 46.800 vs special limit 30 mg/m3 (GB 13223-2011 表2)"),
            tuple("变更时间", "2025-01-15 11:00"),
            tuple("告警编号", "id-1（第 1 版）"));
  }

  @Test
  void exceedanceUpdatedAndClosed() {
    assertThat(text.compose(Alerts.exceedanceUpdated("id-1")).headline())
        .isEqualTo(
            "【超标告警更新】排放口 WH-DA001 SO2 小时均值升至 52.3 mg/m³，超过特别排放限值 30（超标 0.74 倍），"
                + "开始于 2025-01-15 10:00");
    AlertMessage closed = text.compose(Alerts.exceedanceClosed("id-1"));
    assertThat(closed.headline())
        .isEqualTo(
            "【超标告警解除】排放口 WH-DA001 SO2 超标已解除，2025-01-15 10:00 至 2025-01-15 13:00（持续 3 小时），"
                + "期间最高小时均值 52.3 mg/m³（特别排放限值 30，超标 0.74 倍）");
    assertThat(closed.closing()).isTrue();
    assertThat(closed.details()).contains(new AlertMessage.Detail("状态", "解除"));
  }

  @Test
  void timesAreShownInChinaStandardTimeWhateverTheRecordsOffset() {
    AlertEvent utc = Alerts.exceedanceOpened("id-2");
    AlertEvent shifted =
        new AlertEvent(
            utc.schema(),
            utc.alertId(),
            utc.kind(),
            utc.severity(),
            utc.lifecycle(),
            utc.revision(),
            utc.outletId(),
            utc.enterpriseId(),
            utc.mn(),
            utc.pollutant(),
            utc.start().withOffsetSameInstant(java.time.ZoneOffset.UTC),
            null,
            utc.at(),
            utc.peakValue(),
            utc.limitValue(),
            "ultra_low",
            utc.limitSource(),
            utc.multiple(),
            "day a21026 46.800 vs ultra_low limit 30 mg/m3");

    assertThat(text.compose(shifted).summary())
        .isEqualTo("排放口 WH-DA001 SO2 日均值 46.8 mg/m³，超过超低排放限值 30（超标 0.56 倍），开始于 2025-01-15 10:00");
  }

  @Test
  void everyKindHasItsChineseName() {
    Map<String, String> names =
        Map.ofEntries(
            Map.entry("EXCEEDANCE", "超标"),
            Map.entry("EARLY_WARNING", "超标预警"),
            Map.entry("DEVICE_OFFLINE", "数采仪离线"),
            Map.entry("DATA_GAP", "数据缺失"),
            Map.entry("LOW_TRANSMISSION_RATE", "传输有效率不足"),
            Map.entry("FLAT_LINE", "数据恒值（疑似造假）"),
            Map.entry("DILUTION", "疑似稀释排放"),
            Map.entry("ZERO_FLOW_WITH_POLLUTANT", "零流量有浓度"),
            Map.entry("CALIBRATION_TOO_LONG", "校准超时"),
            Map.entry("MAINTENANCE_TOO_LONG", "维护超时"),
            Map.entry("CALIBRATION_TOO_OFTEN", "校准过频"),
            Map.entry("OUT_OF_RANGE", "超量程"),
            Map.entry("LOGGER_HOUR_MISMATCH", "小时值与分钟值不符"),
            Map.entry("STOPPED_BUT_EMITTING", "停产仍排放"),
            Map.entry("OPERATING_BUT_SILENT", "生产无数据"));
    assertThat(AlertKinds.known()).containsExactlyInAnyOrderElementsOf(names.keySet());
    names.forEach(
        (kind, zh) -> {
          assertThat(text.compose(Alerts.of("k", kind, "WARNING", "OPENED")).title())
              .isEqualTo("【" + zh + "告警】");
          assertThat(text.compose(Alerts.of("k", kind, "WARNING", "CLOSED")).title())
              .isEqualTo("【" + zh + "告警解除】");
        });
  }

  @Test
  void otherKindsShowValueThresholdAndDuration() {
    assertThat(text.compose(Alerts.of("k", "DEVICE_OFFLINE", "WARNING", "OPENED")).headline())
        .isEqualTo("【数采仪离线告警】排放口 WH-DA002 数采仪离线，当前值 75（阈值 60），开始于 2025-01-15 10:00");
    assertThat(text.compose(Alerts.of("k", "DEVICE_OFFLINE", "WARNING", "UPDATED")).summary())
        .isEqualTo("排放口 WH-DA002 数采仪离线持续，最新值 75（阈值 60），开始于 2025-01-15 10:00");
    assertThat(text.compose(Alerts.of("k", "DEVICE_OFFLINE", "WARNING", "CLOSED")).summary())
        .isEqualTo("排放口 WH-DA002 数采仪离线已解除，2025-01-15 10:00 至 2025-01-15 11:35（持续 1 小时 35 分钟）");
  }

  @Test
  void durations() {
    assertThat(ChineseText.duration(Duration.ofSeconds(30))).isEqualTo("不足 1 分钟");
    assertThat(ChineseText.duration(Duration.ofMinutes(45))).isEqualTo("45 分钟");
    assertThat(ChineseText.duration(Duration.ofHours(27).plusMinutes(5)))
        .isEqualTo("1 天 3 小时 5 分钟");
  }

  @Test
  void englishWhenConfigured() {
    assertThat(new EnglishText().compose(Alerts.exceedanceOpened("id-1")).headline())
        .isEqualTo(
            "[Exceedance alert] Outlet WH-DA001 SO2 hourly mean 46.8 mg/m³ over the special"
                + " emission limit 30 (multiple 0.56), since 2025-01-15 10:00");
  }
}
