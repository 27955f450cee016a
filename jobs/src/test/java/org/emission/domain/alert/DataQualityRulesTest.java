package org.emission.domain.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emission.domain.Fixtures.cst;
import static org.emission.domain.Fixtures.minute;
import static org.emission.domain.alert.DeviceRulesTest.snapshot;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.emission.domain.DataFlag;
import org.emission.domain.Determination;
import org.emission.domain.Fixtures;
import org.emission.domain.PollutantCodes;
import org.emission.domain.aggregate.Hours;
import org.emission.domain.aggregate.OutletDay;
import org.emission.domain.aggregate.OutletHour;
import org.emission.domain.cems.PollutantMinute;
import org.emission.domain.registry.Outlet;
import org.emission.domain.registry.OutletKind;
import org.junit.jupiter.api.Test;

class DataQualityRulesTest {

  private static final String SO2 = PollutantCodes.SO2;
  private static final Instant H = cst("2024-03-01T10:00");
  private final Outlet outlet = Fixtures.stack();

  private static Instant at(int minute) {
    return H.plusSeconds(60L * minute);
  }

  private static PollutantMinute so2(int minute, DataFlag flag, double value, double flow) {
    return minute(SO2, at(minute), 1, flag, value, value, flow);
  }

  private static String time(int minute) {
    return at(minute).atOffset(org.emission.domain.Cst.OFFSET).toLocalDateTime().toString();
  }

  @Test
  void flatLineOpensAfterHoursOfIdenticalValuesAndClosesOnChange() {
    FlatLineRule rule = new FlatLineRule();
    AlertThresholds t = AlertThresholds.builder().flatLineHours(1).build();
    List<Alert> out = new ArrayList<>();
    // 12.345 every minute for 70 minutes, with 10 stop (F) minutes in between that do not count:
    // operating minutes reach 60 at minute 69 -> OPENED with start at the run start 10:00
    for (int m = 0; m < 70; m++) {
      DataFlag flag = m >= 20 && m < 30 ? DataFlag.F : DataFlag.N;
      out.addAll(rule.onMinute(outlet, so2(m, flag, flag == DataFlag.F ? 0 : 12.345, 1e6), t));
    }
    assertThat(out)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(AlertKind.FLAT_LINE);
              assertThat(a.start()).isEqualTo(H);
              assertThat(a.at()).isEqualTo(at(70));
              assertThat(a.peakValue()).isEqualByComparingTo("12.345");
              assertThat(a.id()).isEqualTo(AlertIds.of("OUT-1", SO2, AlertKind.FLAT_LINE, H));
            });
    // 12.3455 is within the 0.001 tolerance: still flat; 12.5 is a change -> CLOSED
    assertThat(rule.onMinute(outlet, so2(70, DataFlag.N, 12.3455, 1e6), t)).isEmpty();
    assertThat(rule.onMinute(outlet, so2(71, DataFlag.N, 12.5, 1e6), t))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.lifecycle()).isEqualTo(AlertLifecycle.CLOSED);
              assertThat(a.end()).isEqualTo(at(71));
              assertThat(a.id()).isEqualTo(AlertIds.of("OUT-1", SO2, AlertKind.FLAT_LINE, H));
            });
  }

  @Test
  void dilutionWhenO2IsNearAmbientWhileOperatingWithFlow() {
    DilutionRule rule = new DilutionRule();
    AlertThresholds t = AlertThresholds.builder().dilutionMinMinutes(3).build();
    // O2 19.5 % >= 19 % with flow 500,000 m3/h for 3 minutes -> OPENED at the run start
    assertThat(rule.onMinute(outlet, snapshot(outlet, time(0), "5", "N", "19.5", "500000"), t))
        .isEmpty();
    assertThat(rule.onMinute(outlet, snapshot(outlet, time(1), "5", "N", "19.8", "500000"), t))
        .isEmpty();
    List<Alert> opened =
        rule.onMinute(outlet, snapshot(outlet, time(2), "5", "N", "19.6", "500000"), t);
    assertThat(opened)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(AlertKind.DILUTION);
              assertThat(a.id())
                  .isEqualTo(AlertIds.of("OUT-1", PollutantCodes.O2, AlertKind.DILUTION, H));
              assertThat(a.pollutant()).isEqualTo(PollutantCodes.O2);
              assertThat(a.start()).isEqualTo(H);
              assertThat(a.peakValue()).isEqualByComparingTo("19.8");
              assertThat(a.limitValue()).isEqualByComparingTo("19");
            });
    List<Alert> closed =
        rule.onMinute(outlet, snapshot(outlet, time(3), "5", "N", "9", "500000"), t);
    assertThat(closed)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.lifecycle()).isEqualTo(AlertLifecycle.CLOSED);
              assertThat(a.end()).isEqualTo(at(3));
              assertThat(a.id()).isEqualTo(opened.get(0).id());
            });
    // without flow there is no dilution
    DilutionRule noFlow = new DilutionRule();
    for (int m = 10; m < 20; m++) {
      assertThat(noFlow.onMinute(outlet, snapshot(outlet, time(m), "5", "N", "20.5", "0"), t))
          .isEmpty();
    }
  }

  @Test
  void zeroFlowWithPollutant() {
    ZeroFlowRule rule = new ZeroFlowRule();
    AlertThresholds t = AlertThresholds.builder().zeroFlowMinMinutes(2).build();
    assertThat(rule.onMinute(outlet, so2(0, DataFlag.N, 30, 0), t)).isEmpty();
    List<Alert> opened = rule.onMinute(outlet, so2(1, DataFlag.N, 42, 0), t);
    assertThat(opened)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(AlertKind.ZERO_FLOW_WITH_POLLUTANT);
              assertThat(a.id())
                  .isEqualTo(AlertIds.of("OUT-1", SO2, AlertKind.ZERO_FLOW_WITH_POLLUTANT, H));
              assertThat(a.start()).isEqualTo(H);
              assertThat(a.peakValue()).isEqualByComparingTo("42");
            });
    assertThat(rule.onMinute(outlet, so2(2, DataFlag.N, 30, 500_000), t))
        .extracting(Alert::lifecycle, Alert::id)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(AlertLifecycle.CLOSED, opened.get(0).id()));
  }

  @Test
  void calibrationAndMaintenanceTooLong() {
    CalibrationRule rule = new CalibrationRule();
    AlertThresholds t =
        AlertThresholds.builder().calibrationMaxMinutes(30).maintenanceMaxMinutes(60).build();
    List<Alert> out = new ArrayList<>();
    // C from 10:00 for 31 minutes: the 31st minute exceeds 30 -> OPENED, start 10:00
    for (int m = 0; m < 31; m++) {
      out.addAll(rule.onMinute(outlet, so2(m, DataFlag.C, 0, 1e6), t));
    }
    assertThat(out)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(AlertKind.CALIBRATION_TOO_LONG);
              assertThat(a.start()).isEqualTo(H);
              assertThat(a.id())
                  .isEqualTo(AlertIds.of("OUT-1", SO2, AlertKind.CALIBRATION_TOO_LONG, H));
              assertThat(a.peakValue()).isEqualByComparingTo("31");
            });
    // back to N at 10:31 -> CLOSED at 10:31
    assertThat(rule.onMinute(outlet, so2(31, DataFlag.N, 30, 1e6), t))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(AlertKind.CALIBRATION_TOO_LONG);
              assertThat(a.lifecycle()).isEqualTo(AlertLifecycle.CLOSED);
              assertThat(a.end()).isEqualTo(at(31));
              assertThat(a.detail()).isEqualTo("calibration lasted 31 minutes");
              assertThat(a.id())
                  .isEqualTo(AlertIds.of("OUT-1", SO2, AlertKind.CALIBRATION_TOO_LONG, H));
            });
    // M from 10:40 for 61 minutes (one 1-minute and six 10-minute records) -> MAINTENANCE_TOO_LONG
    out.clear();
    out.addAll(rule.onMinute(outlet, so2(40, DataFlag.M, 0, 1e6), t));
    for (int i = 0; i < 6; i++) {
      out.addAll(
          rule.onMinute(outlet, minute(SO2, at(41 + 10 * i), 10, DataFlag.M, 0.0, 0.0, 1e6), t));
    }
    assertThat(out)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(AlertKind.MAINTENANCE_TOO_LONG);
              assertThat(a.start()).isEqualTo(at(40));
              assertThat(a.id())
                  .isEqualTo(AlertIds.of("OUT-1", SO2, AlertKind.MAINTENANCE_TOO_LONG, at(40)));
            });
    assertThat(rule.onMinute(outlet, so2(101, DataFlag.N, 30, 1e6), t))
        .extracting(Alert::kind, Alert::lifecycle)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                AlertKind.MAINTENANCE_TOO_LONG, AlertLifecycle.CLOSED));
  }

  @Test
  void calibrationTooOftenInOneCstDay() {
    CalibrationRule rule = new CalibrationRule();
    AlertThresholds t = AlertThresholds.builder().calibrationMaxPerDay(2).build();
    List<Alert> out = new ArrayList<>();
    // four 5-minute calibrations on 2024-03-01 at 10:00, 11:00, 12:00, 13:00
    for (int c = 0; c < 4; c++) {
      for (int m = 0; m < 5; m++) {
        out.addAll(rule.onMinute(outlet, so2(60 * c + m, DataFlag.C, 0, 1e6), t));
      }
      out.addAll(rule.onMinute(outlet, so2(60 * c + 5, DataFlag.N, 30, 1e6), t));
    }
    // the 3rd period (> 2) opens, the 4th updates the count; start = 00:00 +08:00 of the day
    assertThat(out)
        .extracting(Alert::lifecycle)
        .containsExactly(AlertLifecycle.OPENED, AlertLifecycle.UPDATED);
    assertThat(out.get(0).kind()).isEqualTo(AlertKind.CALIBRATION_TOO_OFTEN);
    assertThat(out.get(0).start()).isEqualTo(cst("2024-03-01T00:00"));
    assertThat(out.get(0).id())
        .isEqualTo(
            AlertIds.of("OUT-1", SO2, AlertKind.CALIBRATION_TOO_OFTEN, cst("2024-03-01T00:00")));
    assertThat(out.get(0).peakValue()).isEqualByComparingTo("3");
    assertThat(out.get(1).peakValue()).isEqualByComparingTo("4");
    // the first minute of the next CST day closes it at the day's end
    List<Alert> closed =
        rule.onMinute(
            outlet, minute(SO2, cst("2024-03-02T00:00"), 1, DataFlag.N, 30.0, 30.0, 1e6), t);
    assertThat(closed)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.lifecycle()).isEqualTo(AlertLifecycle.CLOSED);
              assertThat(a.end()).isEqualTo(cst("2024-03-02T00:00"));
              assertThat(a.id()).isEqualTo(out.get(0).id());
            });
  }

  @Test
  void outOfRangeByFlagTOrConfiguredRange() {
    OutOfRangeRule rule = new OutOfRangeRule();
    AlertThresholds t = AlertThresholds.builder().analyserRanges(Map.of(SO2, 200.0)).build();
    assertThat(rule.onMinute(outlet, so2(0, DataFlag.N, 150, 1e6), t)).isEmpty();
    List<Alert> opened = rule.onMinute(outlet, so2(1, DataFlag.N, 250, 1e6), t);
    assertThat(opened)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(AlertKind.OUT_OF_RANGE);
              assertThat(a.id())
                  .isEqualTo(AlertIds.of("OUT-1", SO2, AlertKind.OUT_OF_RANGE, at(1)));
              assertThat(a.start()).isEqualTo(at(1));
              assertThat(a.peakValue()).isEqualByComparingTo("250");
              assertThat(a.limitValue()).isEqualByComparingTo("200");
            });
    // flag T keeps it open; 180 is not a new peak
    assertThat(rule.onMinute(outlet, so2(2, DataFlag.T, 180, 1e6), t)).isEmpty();
    assertThat(rule.onMinute(outlet, so2(3, DataFlag.N, 300, 1e6), t))
        .singleElement()
        .satisfies(a -> assertThat(a.lifecycle()).isEqualTo(AlertLifecycle.UPDATED));
    assertThat(rule.onMinute(outlet, so2(4, DataFlag.N, 150, 1e6), t))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.lifecycle()).isEqualTo(AlertLifecycle.CLOSED);
              assertThat(a.peakValue()).isEqualByComparingTo("300");
              assertThat(a.id()).isEqualTo(opened.get(0).id());
            });
  }

  @Test
  void loggerHourMismatch() {
    LoggerMismatchRule rule = new LoggerMismatchRule();
    AlertThresholds t = AlertThresholds.defaults();
    // computed 30.0, logger 33.4: |3.4| > max(1, 0.05 × 30 = 1.5) -> OPENED
    List<Alert> opened = rule.onHour(outlet, withLogger(Hours.measured(SO2, H, 30, 30), "33.4"), t);
    assertThat(opened)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(AlertKind.LOGGER_HOUR_MISMATCH);
              assertThat(a.id())
                  .isEqualTo(AlertIds.of("OUT-1", SO2, AlertKind.LOGGER_HOUR_MISMATCH, H));
              assertThat(a.start()).isEqualTo(H);
              assertThat(a.peakValue()).isEqualByComparingTo("3.4");
              assertThat(a.limitValue()).isEqualByComparingTo("1.5");
            });
    // next hour: computed 30, logger 30.8: 0.8 <= 1.5 -> CLOSED at 11:00
    List<Alert> closed =
        rule.onHour(
            outlet, withLogger(Hours.measured(SO2, cst("2024-03-01T11:00"), 30, 30), "30.8"), t);
    assertThat(closed)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.lifecycle()).isEqualTo(AlertLifecycle.CLOSED);
              assertThat(a.end()).isEqualTo(cst("2024-03-01T11:00"));
              assertThat(a.id()).isEqualTo(opened.get(0).id());
            });
  }

  private static OutletHour withLogger(OutletHour h, String loggerAvg) {
    return new OutletHour(
        h.outletId(),
        h.pollutant(),
        h.kind(),
        h.hourStart(),
        h.version(),
        h.determination(),
        h.invalidReason(),
        h.validMinutes(),
        h.convertibleMinutes(),
        h.stopMinutes(),
        h.invalidMinutes(),
        h.missingMinutes(),
        h.overRangeMinutes(),
        h.requiredValidMinutes(),
        h.availabilityPercent(),
        h.concentration(),
        h.convertedConcentration(),
        h.min(),
        h.max(),
        h.flowM3h(),
        h.massRateKgH(),
        h.massKg(),
        h.massDetermination(),
        h.massInvalidReason(),
        h.substitution(),
        h.volumeM3(),
        new BigDecimal(loggerAvg),
        null,
        null,
        "N");
  }

  @Test
  void lowTransmissionRate() {
    TransmissionRateRule rule = new TransmissionRateRule();
    AlertThresholds t = AlertThresholds.defaults();
    // 2024-03-01: 1296 of 1440 expected minutes = 90 % < 95 % -> OPENED
    List<Alert> opened = rule.onDay(outlet, day(LocalDate.of(2024, 3, 1), 1296), t);
    assertThat(opened)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(AlertKind.LOW_TRANSMISSION_RATE);
              assertThat(a.id())
                  .isEqualTo(
                      AlertIds.of(
                          "OUT-1", SO2, AlertKind.LOW_TRANSMISSION_RATE, cst("2024-03-01T00:00")));
              assertThat(a.start()).isEqualTo(cst("2024-03-01T00:00"));
              assertThat(a.peakValue()).isEqualByComparingTo("90");
              assertThat(a.limitValue()).isEqualByComparingTo("95");
            });
    // 03-02: 1152 / 1440 = 80 % -> UPDATED (lower); 03-03: 1383 / 1440 = 96.042 % -> CLOSED
    assertThat(rule.onDay(outlet, day(LocalDate.of(2024, 3, 2), 1152), t))
        .singleElement()
        .satisfies(a -> assertThat(a.peakValue()).isEqualByComparingTo("80"));
    assertThat(rule.onDay(outlet, day(LocalDate.of(2024, 3, 3), 1383), t))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.lifecycle()).isEqualTo(AlertLifecycle.CLOSED);
              assertThat(a.end()).isEqualTo(cst("2024-03-03T00:00"));
              assertThat(a.detail())
                  .isEqualTo("2024-03-03: 1383 valid of 1440 expected minutes = 96.042 %");
              assertThat(a.id()).isEqualTo(opened.get(0).id());
            });
  }

  private static OutletDay day(LocalDate d, int validMinutes) {
    BigDecimal percent =
        BigDecimal.valueOf(100.0 * validMinutes / 1440).setScale(3, java.math.RoundingMode.HALF_UP);
    return new OutletDay(
        "OUT-1",
        SO2,
        OutletKind.FLUE_GAS,
        d,
        org.emission.domain.Cst.startOf(d),
        1,
        Determination.MEASURED,
        null,
        24,
        0,
        0,
        20,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        0,
        0,
        null,
        validMinutes,
        1440,
        percent,
        null,
        null,
        null,
        null);
  }
}
