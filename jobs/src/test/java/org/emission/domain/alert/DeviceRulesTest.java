package org.emission.domain.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emission.domain.Fixtures.cst;
import static org.emission.domain.Fixtures.packet;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.emission.domain.Fixtures;
import org.emission.domain.cems.MinuteDerivation;
import org.emission.domain.cems.MinuteRecords;
import org.emission.domain.cems.MinuteSnapshot;
import org.emission.domain.registry.Outlet;
import org.emission.domain.registry.OutletStatus;
import org.junit.jupiter.api.Test;

class DeviceRulesTest {

  private final Outlet outlet = Fixtures.stack();

  /** A 1-minute snapshot with SO2, O2 and flow (m3/h) as given, flags as given. */
  static MinuteSnapshot snapshot(
      Outlet outlet, String time, String so2, String so2Flag, String o2, String flow) {
    return MinuteDerivation.derive(
        MinuteRecords.fromMinutePacket(
            packet("2051", time)
                .p("a21026", "Avg", so2, "Flag", so2Flag)
                .p("a19001", "Avg", o2, "Flag", so2Flag)
                .p("a00000", "Avg", flow, "Flag", so2Flag)
                .build(),
            outlet),
        outlet);
  }

  @Test
  void deviceOfflineOnTheProcessingTimeClock() {
    DeviceOfflineRule rule = new DeviceOfflineRule();
    AlertThresholds t = AlertThresholds.defaults();
    rule.onPacket(cst("2024-03-01T10:00:05"));
    // 10:20: silent 20 minutes < 30
    assertThat(rule.onTick(outlet, cst("2024-03-01T10:20"), t)).isEmpty();
    // 10:35:05: silent 35 minutes >= 30 -> OPENED, start = last receive time
    List<Alert> opened = rule.onTick(outlet, cst("2024-03-01T10:35:05"), t);
    assertThat(opened)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(AlertKind.DEVICE_OFFLINE);
              assertThat(a.start()).isEqualTo(cst("2024-03-01T10:00:05"));
              assertThat(a.pollutant()).isNull();
              assertThat(a.peakValue()).isEqualByComparingTo("35");
              assertThat(a.id()).isEqualTo("9dc7fb0a-ef29-581f-ab37-594ccb426ca3");
            });
    assertThat(rule.onTick(outlet, cst("2024-03-01T10:45"), t)).isEmpty();
    List<Alert> closed = rule.onPacket(cst("2024-03-01T10:50"));
    assertThat(closed)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.lifecycle()).isEqualTo(AlertLifecycle.CLOSED);
              assertThat(a.end()).isEqualTo(cst("2024-03-01T10:50"));
              assertThat(a.id()).isEqualTo(opened.get(0).id());
            });
  }

  @Test
  void dataGapOpensOnMissingMinutesAndClosesWhenBackfilled() {
    DataGapRule rule = new DataGapRule();
    AlertThresholds t = AlertThresholds.defaults();
    rule.onRecord(outlet, cst("2024-03-01T10:00"), cst("2024-03-01T10:01"), t);
    rule.onRecord(outlet, cst("2024-03-01T10:01"), cst("2024-03-01T10:02"), t);
    // 10:04 after frontier 10:02: 2 missing < 5 -> no alert
    assertThat(rule.onRecord(outlet, cst("2024-03-01T10:04"), cst("2024-03-01T10:05"), t))
        .isEmpty();
    // 10:13 after frontier 10:05: 10:05..10:12 = 8 missing minutes -> OPENED
    List<Alert> opened = rule.onRecord(outlet, cst("2024-03-01T10:13"), cst("2024-03-01T10:14"), t);
    assertThat(opened)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(AlertKind.DATA_GAP);
              assertThat(a.id())
                  .isEqualTo(
                      AlertIds.of("OUT-1", null, AlertKind.DATA_GAP, cst("2024-03-01T10:05")));
              assertThat(a.start()).isEqualTo(cst("2024-03-01T10:05"));
              assertThat(a.peakValue()).isEqualByComparingTo("8");
              assertThat(a.severity()).isEqualTo(Severity.INFO);
            });
    // a backfilled 10-minute record 10:05..10:10 fills 5: UPDATED with 3 missing
    List<Alert> updated =
        rule.onRecord(outlet, cst("2024-03-01T10:05"), cst("2024-03-01T10:10"), t);
    assertThat(updated)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.lifecycle()).isEqualTo(AlertLifecycle.UPDATED);
              assertThat(a.peakValue()).isEqualByComparingTo("3");
            });
    // the rest 10:10..10:13 -> CLOSED at the gap end 10:13
    List<Alert> closed = rule.onRecord(outlet, cst("2024-03-01T10:10"), cst("2024-03-01T10:13"), t);
    assertThat(closed)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.lifecycle()).isEqualTo(AlertLifecycle.CLOSED);
              assertThat(a.end()).isEqualTo(cst("2024-03-01T10:13"));
              assertThat(a.id()).isEqualTo(opened.get(0).id());
            });
    assertThat(rule.openGaps()).isZero();
  }

  @Test
  void anUnfilledGapIsClosedAfterTheRetention() {
    DataGapRule rule = new DataGapRule();
    AlertThresholds t = AlertThresholds.builder().dataGapRetentionHours(24).build();
    rule.onRecord(outlet, cst("2024-03-01T10:00"), cst("2024-03-01T10:01"), t);
    rule.onRecord(outlet, cst("2024-03-01T11:00"), cst("2024-03-01T11:01"), t);
    // 24 h later the 10:01..11:00 gap expires
    List<Alert> expired =
        rule.onRecord(outlet, cst("2024-03-02T11:05"), cst("2024-03-02T11:06"), t);
    assertThat(expired)
        .anySatisfy(
            a -> {
              assertThat(a.lifecycle()).isEqualTo(AlertLifecycle.CLOSED);
              assertThat(a.start()).isEqualTo(cst("2024-03-01T10:01"));
              assertThat(a.detail()).startsWith("not backfilled within 24 h; 59 minutes missing");
            });
  }

  @Test
  void stoppedButEmitting() {
    Outlet stopped = Fixtures.stackWithStatus(OutletStatus.STOPPED, LocalDate.of(2024, 2, 1));
    StoppedButEmittingRule rule = new StoppedButEmittingRule();
    AlertThresholds t = AlertThresholds.defaults();
    List<Alert> out = new java.util.ArrayList<>();
    // 10 minutes with SO2 25 and flow 300,000 m3/h although stopped since 2024-02-01
    for (int m = 0; m < 10; m++) {
      out.addAll(
          rule.onMinute(
              stopped,
              snapshot(stopped, "2024-03-01T10:0" + m + ":00", "25", "N", "9", "300000"),
              t));
    }
    assertThat(out)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(AlertKind.STOPPED_BUT_EMITTING);
              assertThat(a.start()).isEqualTo(cst("2024-03-01T10:00"));
              assertThat(a.peakValue()).isEqualByComparingTo("300000");
              assertThat(a.id())
                  .isEqualTo(
                      AlertIds.of(
                          "OUT-1", null, AlertKind.STOPPED_BUT_EMITTING, cst("2024-03-01T10:00")));
            });
    // flow 0: CLOSED
    List<Alert> closed =
        rule.onMinute(stopped, snapshot(stopped, "2024-03-01T10:10:00", "25", "N", "9", "0"), t);
    assertThat(closed).extracting(Alert::lifecycle).containsExactly(AlertLifecycle.CLOSED);
    assertThat(closed.get(0).id()).isEqualTo(out.get(0).id());
    assertThat(closed.get(0).end()).isEqualTo(cst("2024-03-01T10:10"));
    // before status_since the outlet counts as operating: no alert
    StoppedButEmittingRule before = new StoppedButEmittingRule();
    for (int m = 0; m < 15; m++) {
      assertThat(
              before.onMinute(
                  stopped,
                  snapshot(stopped, "2024-01-31T10:" + (10 + m) + ":00", "25", "N", "9", "300000"),
                  t))
          .isEmpty();
    }
  }

  @Test
  void operatingButSilentInEventTimeAndOnTicks() {
    OperatingButSilentRule rule = new OperatingButSilentRule();
    AlertThresholds t = AlertThresholds.builder().silentHours(1).build();
    rule.onMinute(outlet, snapshot(outlet, "2024-03-01T10:00:00", "25", "N", "9", "300000"), t);
    // last active = end of 10:00 = 10:01; only F flags from 10:01 on
    List<Alert> out = new java.util.ArrayList<>();
    Instant t0 = cst("2024-03-01T10:01");
    for (int m = 0; m < 60; m++) {
      String time =
          t0.plusSeconds(60L * m)
              .atOffset(org.emission.domain.Cst.OFFSET)
              .toLocalDateTime()
              .toString();
      out.addAll(rule.onMinute(outlet, snapshot(outlet, time, "0", "F", "20.9", "0"), t));
    }
    // the F record at 11:00 ends at 11:01: 60 minutes after 10:01 -> OPENED, start 10:01
    assertThat(out)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(AlertKind.OPERATING_BUT_SILENT);
              assertThat(a.id())
                  .isEqualTo(
                      AlertIds.of(
                          "OUT-1", null, AlertKind.OPERATING_BUT_SILENT, cst("2024-03-01T10:01")));
              assertThat(a.start()).isEqualTo(cst("2024-03-01T10:01"));
              assertThat(a.detail()).contains("only stop (F) flags");
            });
    List<Alert> closed =
        rule.onMinute(outlet, snapshot(outlet, "2024-03-01T11:01:00", "25", "N", "9", "300000"), t);
    assertThat(closed).extracting(Alert::lifecycle).containsExactly(AlertLifecycle.CLOSED);
    assertThat(closed.get(0).id()).isEqualTo(out.get(0).id());

    // nothing at all: the last packet (the 11:01 minute) was received at 11:02:10; a tick an
    // hour after that opens it, from the end of the last active minute (11:02)
    long received = cst("2024-03-01T11:02:10").toEpochMilli();
    assertThat(rule.onTick(outlet, cst("2024-03-01T11:30"), received, t)).isEmpty();
    assertThat(rule.onTick(outlet, cst("2024-03-01T12:02"), received, t)).isEmpty();
    assertThat(rule.onTick(outlet, cst("2024-03-01T12:02:10"), received, t))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.start()).isEqualTo(cst("2024-03-01T11:02"));
              assertThat(a.detail()).contains("no data for 60 minutes");
            });
  }

  @Test
  void operatingButSilentTicksOnTheReceiveClockNotTheLoggersClock() {
    AlertThresholds t = AlertThresholds.builder().silentHours(1).build();
    OperatingButSilentRule rule = new OperatingButSilentRule();
    // a logger whose clock is 3 hours behind: its 08:00 minute arrives at 11:01
    assertThat(
            rule.onMinute(
                outlet, snapshot(outlet, "2024-03-01T08:00:00", "25", "N", "9", "300000"), t))
        .isEmpty();
    long received = cst("2024-03-01T11:01").toEpochMilli();
    // a tick at 11:30 (3.5 hours after its data time, 29 minutes after its packet) is not silence
    assertThat(rule.onTick(outlet, cst("2024-03-01T11:30"), received, t)).isEmpty();
    // and a logger never heard from is not judged at all
    assertThat(
            new OperatingButSilentRule().onTick(outlet, cst("2024-03-01T11:30"), Long.MIN_VALUE, t))
        .isEmpty();
  }
}
