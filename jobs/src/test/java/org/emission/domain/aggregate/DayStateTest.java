package org.emission.domain.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emission.domain.Fixtures.cst;

import java.time.Instant;
import java.time.LocalDate;
import org.emission.domain.Determination;
import org.emission.domain.InvalidReason;
import org.emission.domain.PollutantCodes;
import org.emission.domain.registry.OutletKind;
import org.junit.jupiter.api.Test;

class DayStateTest {

  private static final LocalDate DAY = LocalDate.of(2024, 3, 1);
  private static final String SO2 = PollutantCodes.SO2;

  private static Instant hour(int h) {
    return cst("2024-03-01T00:00").plusSeconds(3600L * h);
  }

  private static DayState so2Day() {
    return new DayState("OUT-1", SO2, OutletKind.FLUE_GAS, DAY);
  }

  @Test
  void nineteenValidHoursAreAnInvalidDayTwentyAreValid() {
    DayState day = so2Day();
    for (int h = 0; h < 19; h++) {
      day.onHour(Hours.measured(SO2, hour(h), 30, 30));
    }
    for (int h = 19; h < 24; h++) {
      day.onHour(Hours.invalid(SO2, hour(h), InvalidReason.FAULT));
    }
    OutletDay d = day.close().orElseThrow();
    // HJ 212-2017 App. D eq. 25: m >= 20 valid hours; 19 -> invalid
    assertThat(d.determination()).isEqualTo(Determination.INVALID);
    assertThat(d.invalidReason()).isEqualTo(InvalidReason.INSUFFICIENT_VALID_HOURS);
    assertThat(d.validHours()).isEqualTo(19);
    assertThat(d.invalidHours()).isEqualTo(5);
    assertThat(d.concentration()).isNull();

    // the 20th hour arrives late (recomputed from backfilled minutes): version 2, valid
    OutletDay d2 = day.onHour(Hours.measured(SO2, hour(19), 40, 40).withVersion(2)).orElseThrow();
    assertThat(d2.version()).isEqualTo(2);
    assertThat(d2.determination()).isEqualTo(Determination.MEASURED);
    // mean of valid hour means = (19 × 30 + 40) / 20 = 610 / 20 = 30.5
    assertThat(d2.concentration()).isEqualByComparingTo("30.5");
    assertThat(d2.convertedConcentration()).isEqualByComparingTo("30.5");
    assertThat(d2.min()).isEqualByComparingTo("30");
    assertThat(d2.max()).isEqualByComparingTo("40");
    // an older version of the same hour changes nothing
    assertThat(day.onHour(Hours.invalid(SO2, hour(19), InvalidReason.FAULT))).isEmpty();
  }

  @Test
  void stopHoursLeaveTheDenominatorAndMassIsTheSumOfHours() {
    DayState day = so2Day();
    // 12 stopped hours, 9 valid hours of 20 kg, 3 hours with substituted 25 kg
    for (int h = 0; h < 12; h++) {
      day.onHour(Hours.invalid(SO2, hour(h), InvalidReason.UNIT_STOPPED));
    }
    for (int h = 12; h < 21; h++) {
      day.onHour(Hours.measured(SO2, hour(h), 20, 20));
    }
    for (int h = 21; h < 24; h++) {
      day.onHour(
          Hours.invalid(SO2, hour(h), InvalidReason.CALIBRATION)
              .withSubstitutedMass(java.math.BigDecimal.valueOf(25), "test"));
    }
    OutletDay d = day.close().orElseThrow();
    // operating hours 24 − 12 = 12; required = ceil(20 × 12 / 24) = 10; valid 9 < 10 -> invalid
    assertThat(d.stopHours()).isEqualTo(12);
    assertThat(d.requiredValidHours()).isEqualTo(10);
    assertThat(d.determination()).isEqualTo(Determination.INVALID);
    // mass: 9 × 20 + 3 × 25 = 255 kg; all operating hours have a mass, 3 substituted
    assertThat(d.massKg()).isEqualByComparingTo("255");
    assertThat(d.measuredMassHours()).isEqualTo(9);
    assertThat(d.substitutedMassHours()).isEqualTo(3);
    assertThat(d.massDetermination()).isEqualTo(Determination.SUBSTITUTED);
    // transmission: 9 × 60 = 540 valid minutes of 1440 − 12 × 60 = 720 expected = 75 %
    assertThat(d.validMinutes()).isEqualTo(540);
    assertThat(d.expectedMinutes()).isEqualTo(720);
    assertThat(d.transmissionPercent()).isEqualByComparingTo("75");
  }

  @Test
  void missingHoursCountAsInvalidNoData() {
    DayState day = so2Day();
    for (int h = 0; h < 20; h++) {
      day.onHour(Hours.measured(SO2, hour(h), 10, 10));
    }
    OutletDay d = day.close().orElseThrow();
    // hours 20..23 never arrived: 20 valid of 24 -> valid; mass incomplete -> INVALID, sum 200 kg
    assertThat(d.determination()).isEqualTo(Determination.MEASURED);
    assertThat(d.invalidHours()).isEqualTo(4);
    assertThat(d.massKg()).isEqualByComparingTo("200");
    assertThat(d.massDetermination()).isEqualTo(Determination.INVALID);
    assertThat(
            new DayState("OUT-1", SO2, OutletKind.FLUE_GAS, DAY)
                .close()
                .orElseThrow()
                .invalidReason())
        .isEqualTo(InvalidReason.NO_DATA);
  }

  @Test
  void wastewaterDayIsFlowWeighted() {
    DayState day = new DayState("WW-1", PollutantCodes.COD, OutletKind.WASTEWATER, DAY);
    // hour 0: 100 m3, 5 kg (50 mg/L); hour 1: 300 m3, 9 kg (30 mg/L)
    day.onHour(wastewaterHour(0, 100, 5));
    day.onHour(wastewaterHour(1, 300, 9));
    OutletDay d = day.close().orElseThrow();
    // App. D.1: Dd = 400 m3, Gd = 14 kg, C = 14 / 400 × 1000 = 35 mg/L (arithmetic mean: 40)
    assertThat(d.determination()).isEqualTo(Determination.MEASURED);
    assertThat(d.volumeM3()).isEqualByComparingTo("400");
    assertThat(d.massKg()).isEqualByComparingTo("14");
    assertThat(d.concentration()).isEqualByComparingTo("35");
    assertThat(d.convertedConcentration()).isEqualByComparingTo("35");
  }

  private static OutletHour wastewaterHour(int h, double volume, double kg) {
    double c = kg / volume * 1000;
    OutletHour x = Hours.measured(PollutantCodes.COD, hour(h), c, kg);
    return new OutletHour(
        "WW-1",
        x.pollutant(),
        OutletKind.WASTEWATER,
        x.hourStart(),
        1,
        x.determination(),
        null,
        60,
        60,
        0,
        0,
        0,
        0,
        1,
        null,
        x.concentration(),
        x.convertedConcentration(),
        x.min(),
        x.max(),
        null,
        null,
        x.massKg(),
        Determination.MEASURED,
        null,
        null,
        java.math.BigDecimal.valueOf(volume),
        null,
        null,
        null,
        null);
  }
}
