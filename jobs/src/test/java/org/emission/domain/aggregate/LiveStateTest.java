package org.emission.domain.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emission.domain.Fixtures.cst;
import static org.emission.domain.Fixtures.so2;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.emission.domain.PollutantCodes;
import org.emission.domain.registry.OutletKind;
import org.junit.jupiter.api.Test;

class LiveStateTest {

  @Test
  void runningHourTrailingSixtyMinutesAndMasses() {
    LiveState live = new LiveState();
    // earlier this year: 2024-01-15 was 1000 kg, 2024-03-01 was 500 kg
    live.onDay(day(LocalDate.of(2024, 1, 15), 1000));
    live.onDay(day(LocalDate.of(2024, 3, 1), 500));
    // today 2024-03-02: hour 09 emitted 40 kg
    live.onHour(Hours.measured(PollutantCodes.SO2, cst("2024-03-02T09:00"), 40, 40));

    Instant h10 = cst("2024-03-02T10:00");
    HourState hour10 = new HourState("OUT-1", PollutantCodes.SO2, OutletKind.FLUE_GAS, h10);
    // 09:30..09:59 at 60 (in the trailing window only), then 10:00..10:29 at 30
    LiveValue v = null;
    HourState hour9 =
        new HourState("OUT-1", PollutantCodes.SO2, OutletKind.FLUE_GAS, cst("2024-03-02T09:00"));
    for (int m = 30; m < 60; m++) {
      var minute = so2(cst("2024-03-02T09:00").plusSeconds(60L * m), 60);
      hour9.onMinute(minute);
      live.onMinute(minute, hour9.running());
    }
    for (int m = 0; m < 30; m++) {
      var minute = so2(h10.plusSeconds(60L * m), 30);
      hour10.onMinute(minute);
      v = live.onMinute(minute, hour10.running()).orElseThrow();
    }
    assertThat(v.at()).isEqualTo(cst("2024-03-02T10:30"));
    // running clock hour: 30 valid minutes at 30
    assertThat(v.hourValidMinutes()).isEqualTo(30);
    assertThat(v.hourMean()).isEqualByComparingTo("30");
    // trailing 60 minutes 09:30-10:30: (30 × 60 + 30 × 30) / 60 = 45
    assertThat(v.trailingValidMinutes()).isEqualTo(60);
    assertThat(v.trailingMean()).isEqualByComparingTo("45");
    // day: hour 09 = 40 kg + hour 10 so far = 30 × 1e6 × 1e-6 × 30/60 = 15 kg -> 55 kg
    assertThat(v.dayMassKg()).isEqualByComparingTo("55");
    // month: 500 (03-01) + 55 = 555; year: 1000 + 500 + 55 = 1555
    assertThat(v.monthMassKg()).isEqualByComparingTo("555");
    assertThat(v.yearMassKg()).isEqualByComparingTo("1555");
    // a minute of yesterday gives no live value
    assertThat(live.onMinute(so2(cst("2024-03-01T23:59"), 1), hour10.running())).isEmpty();
  }

  private static OutletDay day(LocalDate d, double kg) {
    OutletDay x = new DayState("OUT-1", PollutantCodes.SO2, OutletKind.FLUE_GAS, d).evaluate(1);
    return new OutletDay(
        x.outletId(),
        x.pollutant(),
        x.kind(),
        x.day(),
        x.dayStart(),
        1,
        x.determination(),
        x.invalidReason(),
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
        BigDecimal.valueOf(kg),
        x.massDetermination(),
        24,
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
