package org.emission.domain.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emission.domain.Fixtures.cst;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.emission.domain.Fixtures;
import org.emission.domain.InvalidReason;
import org.emission.domain.PollutantCodes;
import org.emission.domain.aggregate.DayState;
import org.emission.domain.aggregate.Hours;
import org.emission.domain.aggregate.OutletDay;
import org.emission.domain.registry.Averaging;
import org.emission.domain.registry.Enterprise;
import org.emission.domain.registry.LimitInForce;
import org.emission.domain.registry.LimitKind;
import org.emission.domain.registry.LimitRule;
import org.emission.domain.registry.Outlet;
import org.emission.domain.registry.OutletKind;
import org.emission.domain.registry.Registry;
import org.junit.jupiter.api.Test;

class ExceedanceRuleTest {

  private static final String SO2 = PollutantCodes.SO2;
  private final Outlet outlet = Fixtures.stack();
  private final LimitInForce limit = Limits.so2UltraLow();
  private final ExceedanceRule rule = new ExceedanceRule();

  @Test
  void opensUpdatesAndClosesAnExceedanceEpisode() {
    // 10:00 converted 40 > 35: multiple (40 − 35) / 35 = 0.142857 -> 0.143
    List<Alert> opened =
        rule.onHour(outlet, Hours.measured(SO2, cst("2024-03-01T10:00"), 40, 40), limit);
    assertThat(opened)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.lifecycle()).isEqualTo(AlertLifecycle.OPENED);
              assertThat(a.kind()).isEqualTo(AlertKind.EXCEEDANCE);
              assertThat(a.severity()).isEqualTo(Severity.CRITICAL);
              assertThat(a.id()).isEqualTo("3d17eb64-ad40-59e9-90b5-9968d30e945a");
              assertThat(a.start()).isEqualTo(cst("2024-03-01T10:00"));
              assertThat(a.end()).isNull();
              assertThat(a.peakValue()).isEqualByComparingTo("40");
              assertThat(a.limitValue()).isEqualByComparingTo("35");
              assertThat(a.limitKind()).isEqualTo("ultra_low");
              assertThat(a.limitSource()).isEqualTo("ultra-low 10/35/50");
              assertThat(a.exceedanceMultiple()).isEqualByComparingTo("0.143");
              assertThat(a.enterpriseId()).isEqualTo("ENT-1");
              assertThat(a.mn()).isEqualTo(Fixtures.MN);
              assertThat(a.revision()).isEqualTo(1);
            });
    // 11:00 converted 52.5: multiple 17.5 / 35 = 0.5 -> UPDATED, same id
    List<Alert> updated =
        rule.onHour(outlet, Hours.measured(SO2, cst("2024-03-01T11:00"), 52.5, 50), limit);
    assertThat(updated)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.lifecycle()).isEqualTo(AlertLifecycle.UPDATED);
              assertThat(a.id()).isEqualTo(opened.get(0).id());
              assertThat(a.exceedanceMultiple()).isEqualByComparingTo("0.5");
              assertThat(a.revision()).isEqualTo(2);
            });
    // 12:00 invalid (calibration): not judged
    assertThat(
            rule.onHour(
                outlet,
                Hours.invalid(SO2, cst("2024-03-01T12:00"), InvalidReason.CALIBRATION),
                limit))
        .isEmpty();
    // 13:00 converted 30 <= 35: CLOSED at 13:00
    List<Alert> closed =
        rule.onHour(outlet, Hours.measured(SO2, cst("2024-03-01T13:00"), 30, 30), limit);
    assertThat(closed)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.lifecycle()).isEqualTo(AlertLifecycle.CLOSED);
              assertThat(a.id()).isEqualTo(opened.get(0).id());
              assertThat(a.end()).isEqualTo(cst("2024-03-01T13:00"));
              assertThat(a.peakValue()).isEqualByComparingTo("52.5");
              assertThat(a.revision()).isEqualTo(3);
            });
    assertThat(rule.isOpen()).isFalse();

    // late revision of 12:00 (now valid, 45) lies inside the closed episode: nothing new
    assertThat(
            rule.onHour(
                outlet, Hours.measured(SO2, cst("2024-03-01T12:00"), 45, 45).withVersion(2), limit))
        .isEmpty();
    // late revision of 08:00 (36 > 35) outside every episode: its own one-hour episode
    List<Alert> late =
        rule.onHour(
            outlet, Hours.measured(SO2, cst("2024-03-01T08:00"), 36, 36).withVersion(2), limit);
    assertThat(late)
        .extracting(Alert::lifecycle)
        .containsExactly(AlertLifecycle.OPENED, AlertLifecycle.CLOSED);
    assertThat(late.get(1).end()).isEqualTo(cst("2024-03-01T09:00"));
    assertThat(late.get(0).id())
        .isEqualTo(AlertIds.of("OUT-1", SO2, AlertKind.EXCEEDANCE, cst("2024-03-01T08:00")));
  }

  @Test
  void exactlyAtTheLimitIsNotAnExceedanceAndNoLimitMeansNoJudgement() {
    assertThat(rule.onHour(outlet, Hours.measured(SO2, cst("2024-03-01T10:00"), 35, 35), limit))
        .isEmpty();
    assertThat(rule.onHour(outlet, Hours.measured(SO2, cst("2024-03-01T11:00"), 500, 500), null))
        .isEmpty();
  }

  @Test
  void specialLimitFromMidnightOpensAnExceedanceAtTheNewLimit() {
    // power PM: standard 30 until 2022-12-31, special 20 from 2023-01-01 (内政发〔2020〕26号)
    Registry registry =
        Registry.of(
            List.of(new Enterprise("ENT-1", "Power", "Wuhai", "Haibowan", "", "power")),
            List.of(outlet),
            List.of(
                rule("standard", "30", "2012-01-01", "2023-01-01", 2),
                rule("special", "20", "2023-01-01", null, 3)));
    String pm = PollutantCodes.PM;
    // 25 mg/m3 at 2022-12-31 23:00 is within 30; the same 25 at 00:00 exceeds 20 by 0.25
    assertThat(
            rule.onHour(
                outlet,
                Hours.measured(pm, cst("2022-12-31T23:00"), 25, 25),
                registry.limitFor("OUT-1", pm, Averaging.HOUR, cst("2022-12-31T23:00"))))
        .isEmpty();
    List<Alert> opened =
        rule.onHour(
            outlet,
            Hours.measured(pm, cst("2023-01-01T00:00"), 25, 25),
            registry.limitFor("OUT-1", pm, Averaging.HOUR, cst("2023-01-01T00:00")));
    assertThat(opened)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.limitKind()).isEqualTo("special");
              assertThat(a.limitValue()).isEqualByComparingTo("20");
              assertThat(a.exceedanceMultiple()).isEqualByComparingTo("0.25");
              assertThat(a.start()).isEqualTo(cst("2023-01-01T00:00"));
            });
  }

  private static LimitRule rule(String kind, String value, String from, String to, int line) {
    return new LimitRule(
        "sector:power",
        null,
        "power",
        PollutantCodes.PM,
        LimitKind.parse(kind),
        new BigDecimal(value),
        "mg/m3",
        Averaging.HOUR,
        LocalDate.parse(from),
        to == null ? null : LocalDate.parse(to),
        "GB 13223-2011",
        line);
  }

  @Test
  void wastewaterIsJudgedOnTheDailyMean() {
    Outlet ww = Fixtures.wastewater();
    LimitInForce cod = Limits.daily(PollutantCodes.COD, "50");
    ExceedanceRule daily = new ExceedanceRule();
    OutletDay day1 = dayWithMean(LocalDate.of(2024, 3, 1), 57.5);
    List<Alert> opened = daily.onDay(ww, day1, cod);
    // (57.5 − 50) / 50 = 0.15
    assertThat(opened)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.start()).isEqualTo(cst("2024-03-01T00:00"));
              assertThat(a.exceedanceMultiple()).isEqualByComparingTo("0.15");
            });
    List<Alert> closed = daily.onDay(ww, dayWithMean(LocalDate.of(2024, 3, 2), 42), cod);
    assertThat(closed)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.lifecycle()).isEqualTo(AlertLifecycle.CLOSED);
              assertThat(a.end()).isEqualTo(cst("2024-03-02T00:00"));
            });
  }

  private static OutletDay dayWithMean(LocalDate day, double mean) {
    DayState state = new DayState("WW-1", PollutantCodes.COD, OutletKind.WASTEWATER, day);
    OutletDay base = state.evaluate(1);
    BigDecimal c = BigDecimal.valueOf(mean);
    return new OutletDay(
        base.outletId(),
        base.pollutant(),
        base.kind(),
        day,
        base.dayStart(),
        1,
        org.emission.domain.Determination.MEASURED,
        null,
        24,
        0,
        0,
        1,
        null,
        c,
        c,
        c,
        c,
        null,
        null,
        null,
        0,
        0,
        null,
        1440,
        1440,
        null,
        null,
        null,
        null,
        null);
  }
}
