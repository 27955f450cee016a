package org.emission.domain.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emission.domain.Fixtures.cst;
import static org.emission.domain.Fixtures.minute;
import static org.emission.domain.Fixtures.so2;
import static org.emission.domain.Fixtures.so2Flag;

import java.time.Instant;
import org.emission.domain.DataFlag;
import org.emission.domain.Determination;
import org.emission.domain.InvalidReason;
import org.emission.domain.PollutantCodes;
import org.emission.domain.cems.LoggerAggregate;
import org.emission.domain.cems.PacketKind;
import org.emission.domain.cems.PollutantMinute;
import org.emission.domain.registry.OutletKind;
import org.junit.jupiter.api.Test;

class HourStateTest {

  private static final Instant H = cst("2024-03-01T10:00");

  private static HourState so2Hour() {
    return new HourState("OUT-1", PollutantCodes.SO2, OutletKind.FLUE_GAS, H);
  }

  private static Instant at(int minute) {
    return H.plusSeconds(60L * minute);
  }

  @Test
  void fortyFourValidMinutesAreAnInvalidHour() {
    HourState hour = so2Hour();
    for (int m = 0; m < 44; m++) {
      hour.onMinute(so2(at(m), 30));
    }
    OutletHour h = hour.close().orElseThrow();
    // HJ 212-2017 App. D eq. 24: k >= 45 valid minutes; 44 < 45 -> invalid, never averaged
    assertThat(h.determination()).isEqualTo(Determination.INVALID);
    assertThat(h.invalidReason()).isEqualTo(InvalidReason.INSUFFICIENT_VALID_MINUTES);
    assertThat(h.validMinutes()).isEqualTo(44);
    assertThat(h.missingMinutes()).isEqualTo(16);
    assertThat(h.requiredValidMinutes()).isEqualTo(45);
    assertThat(h.concentration()).isNull();
    assertThat(h.convertedConcentration()).isNull();
    // 44 / 60 = 73.333 %
    assertThat(h.availabilityPercent()).isEqualByComparingTo("73.333");
    assertThat(h.massDetermination()).isEqualTo(Determination.INVALID);
    assertThat(h.version()).isEqualTo(1);
  }

  @Test
  void fortyFiveValidMinutesAreAValidHourWithItsMeanAndMass() {
    HourState hour = so2Hour();
    // 45 minutes: 30 at minutes 0..29 and 45 at minutes 30..44
    for (int m = 0; m < 45; m++) {
      hour.onMinute(so2(at(m), m < 30 ? 30 : 45));
    }
    OutletHour h = hour.close().orElseThrow();
    // mean = (30 × 30 + 15 × 45) / 45 = (900 + 675) / 45 = 35
    assertThat(h.determination()).isEqualTo(Determination.MEASURED);
    assertThat(h.validMinutes()).isEqualTo(45);
    assertThat(h.concentration()).isEqualByComparingTo("35.000");
    assertThat(h.convertedConcentration()).isEqualByComparingTo("35.000");
    assertThat(h.min()).isEqualByComparingTo("30");
    assertThat(h.max()).isEqualByComparingTo("45");
    // G = 35 mg/m3 × 1,000,000 m3/h × 10^-6 = 35 kg/h, over a full operating hour = 35 kg
    assertThat(h.massRateKgH()).isEqualByComparingTo("35");
    assertThat(h.massKg()).isEqualByComparingTo("35");
    assertThat(h.massDetermination()).isEqualTo(Determination.MEASURED);
    assertThat(h.concentration().scale()).isEqualTo(3);
  }

  @Test
  void tenMinuteRecordsCountTheMinutesTheyCover() {
    // MinInterval 10: records at :00 :10 :20 :30 cover 40 minutes -> invalid;
    // a fifth at :40 -> 50 minutes >= 45 -> valid
    HourState hour = so2Hour();
    for (int m = 0; m < 40; m += 10) {
      hour.onMinute(minute(PollutantCodes.SO2, at(m), 10, DataFlag.N, 20.0, 20.0, 1e6));
    }
    assertThat(hour.evaluate(1).validMinutes()).isEqualTo(40);
    assertThat(hour.evaluate(1).determination()).isEqualTo(Determination.INVALID);
    hour.onMinute(minute(PollutantCodes.SO2, at(40), 10, DataFlag.N, 25.0, 25.0, 1e6));
    OutletHour h = hour.close().orElseThrow();
    assertThat(h.validMinutes()).isEqualTo(50);
    // mean weighted by covered minutes: (4 × 10 × 20 + 10 × 25) / 50 = 1050 / 50 = 21
    assertThat(h.concentration()).isEqualByComparingTo("21");
  }

  @Test
  void overlappingRecordsAreNotCountedTwice() {
    // a 10-minute record at :00 and a 1-minute record at :05: the first covers only :00-:05
    HourState hour = so2Hour();
    hour.onMinute(minute(PollutantCodes.SO2, at(0), 10, DataFlag.N, 20.0, 20.0, 1e6));
    hour.onMinute(so2(at(5), 20));
    assertThat(hour.evaluate(1).validMinutes()).isEqualTo(6);
  }

  @Test
  void calibrationMinutesMakeTheHourInvalidForCalibration() {
    HourState hour = so2Hour();
    for (int m = 0; m < 40; m++) {
      hour.onMinute(so2(at(m), 30));
    }
    for (int m = 40; m < 60; m++) {
      hour.onMinute(so2Flag(at(m), DataFlag.C));
    }
    OutletHour h = hour.close().orElseThrow();
    // 40 valid < 45; the 20 invalid minutes are calibration (flag C, hj75-validity.md §4)
    assertThat(h.determination()).isEqualTo(Determination.INVALID);
    assertThat(h.invalidReason()).isEqualTo(InvalidReason.CALIBRATION);
    assertThat(h.invalidReason().code()).isEqualTo("calibration");
    assertThat(h.validMinutes()).isEqualTo(40);
    assertThat(h.invalidMinutes()).isEqualTo(20);
    assertThat(h.concentration()).isNull();
  }

  @Test
  void maintenanceAndFaultReasons() {
    HourState maintenance = so2Hour();
    HourState fault = so2Hour();
    for (int m = 0; m < 30; m++) {
      maintenance.onMinute(so2(at(m), 30));
      maintenance.onMinute(so2Flag(at(m + 30), DataFlag.M));
      fault.onMinute(so2(at(m), 30));
      fault.onMinute(so2Flag(at(m + 30), DataFlag.D));
    }
    assertThat(maintenance.evaluate(1).invalidReason()).isEqualTo(InvalidReason.MAINTENANCE);
    assertThat(fault.evaluate(1).invalidReason()).isEqualTo(InvalidReason.FAULT);
  }

  @Test
  void stopMinutesLeaveNumeratorAndDenominator() {
    HourState hour = so2Hour();
    // 30 minutes stopped (F), then 23 valid minutes of 40, 7 missing
    for (int m = 0; m < 30; m++) {
      hour.onMinute(so2Flag(at(m), DataFlag.F));
    }
    for (int m = 30; m < 53; m++) {
      hour.onMinute(so2(at(m), 40));
    }
    OutletHour h = hour.close().orElseThrow();
    // operating = 60 − 30 = 30; required = ceil(45 × 30 / 60) = ceil(22.5) = 23; 23 valid -> valid
    assertThat(h.stopMinutes()).isEqualTo(30);
    assertThat(h.requiredValidMinutes()).isEqualTo(23);
    assertThat(h.determination()).isEqualTo(Determination.MEASURED);
    // availability 23 / 30 = 76.667 %
    assertThat(h.availabilityPercent()).isEqualByComparingTo("76.667");
    // mass: 40 × 1e6 × 1e-6 = 40 kg/h, operating 30 of 60 minutes -> 20 kg
    assertThat(h.massRateKgH()).isEqualByComparingTo("40");
    assertThat(h.massKg()).isEqualByComparingTo("20");
  }

  @Test
  void aFullyStoppedHourIsUnitStopped() {
    HourState hour = so2Hour();
    for (int m = 0; m < 60; m++) {
      hour.onMinute(so2Flag(at(m), DataFlag.F));
    }
    OutletHour h = hour.close().orElseThrow();
    assertThat(h.invalidReason()).isEqualTo(InvalidReason.UNIT_STOPPED);
    assertThat(h.availabilityPercent()).isNull();
    assertThat(h.massKg()).isNull();
    assertThat(h.massInvalidReason()).isEqualTo(InvalidReason.UNIT_STOPPED);
  }

  @Test
  void anHourWithoutRecordsIsNoData() {
    OutletHour h = so2Hour().close().orElseThrow();
    assertThat(h.invalidReason()).isEqualTo(InvalidReason.NO_DATA);
    assertThat(h.missingMinutes()).isEqualTo(60);
  }

  @Test
  void lateMinuteChangesAClosedHourWithAHigherVersion() {
    HourState hour = so2Hour();
    for (int m = 0; m < 44; m++) {
      hour.onMinute(so2(at(m), 30));
    }
    OutletHour first = hour.close().orElseThrow();
    assertThat(first.version()).isEqualTo(1);
    assertThat(first.determination()).isEqualTo(Determination.INVALID);

    // the logger re-sends minute 44 hours later: 45 valid minutes -> the hour becomes valid
    OutletHour second = hour.onMinute(so2(at(44), 30)).orElseThrow();
    assertThat(second.version()).isEqualTo(2);
    assertThat(second.determination()).isEqualTo(Determination.MEASURED);
    assertThat(second.concentration()).isEqualByComparingTo("30");

    // a corrected value for minute 0 (30 -> 75): mean (44 × 30 + 75) / 45 = 1395 / 45 = 31
    OutletHour third = hour.onMinute(so2(at(0), 75)).orElseThrow();
    assertThat(third.version()).isEqualTo(3);
    assertThat(third.concentration()).isEqualByComparingTo("31");
    assertThat(hour.version()).isEqualTo(3);
  }

  @Test
  void duplicateMinuteChangesNothing() {
    HourState hour = so2Hour();
    for (int m = 0; m < 50; m++) {
      hour.onMinute(so2(at(m), 30));
    }
    OutletHour first = hour.close().orElseThrow();
    // the same record again (a re-sent packet): no new version
    assertThat(hour.onMinute(so2(at(10), 30))).isEmpty();
    assertThat(hour.close()).isEmpty();
    assertThat(hour.version()).isEqualTo(1);
    assertThat(hour.evaluate(1)).isEqualTo(first);
    // before closing, minutes never emit
    assertThat(so2Hour().onMinute(so2(at(1), 30))).isEmpty();
  }

  @Test
  void convertedHourNeedsEnoughMinutesWithUsableO2() {
    HourState hour = so2Hour();
    // 50 valid minutes; 10 of them with O2 >= 20.9 % (no converted value) -> 40 convertible < 45
    for (int m = 0; m < 50; m++) {
      boolean ambient = m >= 40;
      hour.onMinute(
          new PollutantMinute(
              "OUT-1",
              PollutantCodes.SO2,
              at(m),
              1,
              DataFlag.N,
              40.0,
              ambient ? null : 50.0,
              ambient,
              ambient ? 20.95 : 9.0,
              1e6,
              DataFlag.N,
              null,
              null,
              false));
    }
    OutletHour h = hour.close().orElseThrow();
    assertThat(h.determination()).isEqualTo(Determination.INVALID);
    assertThat(h.invalidReason()).isEqualTo(InvalidReason.O2_UNCONVERTIBLE);
    assertThat(h.convertibleMinutes()).isEqualTo(40);
    // the dry mean is still valid, and with it the mass: 40 × 1e6 × 1e-6 = 40 kg
    assertThat(h.concentration()).isEqualByComparingTo("40");
    assertThat(h.convertedConcentration()).isNull();
    assertThat(h.massKg()).isEqualByComparingTo("40");
  }

  @Test
  void workedCheckConvertedFiftyAndMassFortyKilograms() {
    // hj75-validity.md §5: PM 40 mg/m3 at 9 % O2, ref 6 % -> 50 mg/m3; 1e6 m3/h -> 40 kg/h
    HourState hour = new HourState("OUT-1", PollutantCodes.PM, OutletKind.FLUE_GAS, H);
    for (int m = 0; m < 60; m++) {
      hour.onMinute(
          new PollutantMinute(
              "OUT-1",
              PollutantCodes.PM,
              at(m),
              1,
              DataFlag.N,
              40.0,
              50.0,
              false,
              9.0,
              1e6,
              DataFlag.N,
              null,
              null,
              false));
    }
    OutletHour h = hour.close().orElseThrow();
    assertThat(h.convertedConcentration()).isEqualByComparingTo("50");
    assertThat(h.concentration()).isEqualByComparingTo("40");
    assertThat(h.massRateKgH()).isEqualByComparingTo("40");
    assertThat(h.massKg()).isEqualByComparingTo("40");
  }

  @Test
  void overRangeMinutesAreKeptButMarked() {
    HourState hour = so2Hour();
    for (int m = 0; m < 60; m++) {
      hour.onMinute(
          minute(PollutantCodes.SO2, at(m), 1, m < 5 ? DataFlag.T : DataFlag.N, 30.0, 30.0, 1e6));
    }
    OutletHour h = hour.close().orElseThrow();
    assertThat(h.determination()).isEqualTo(Determination.MEASURED);
    assertThat(h.validMinutes()).isEqualTo(60);
    assertThat(h.overRangeMinutes()).isEqualTo(5);
  }

  @Test
  void invalidFlowMakesOnlyTheMassInvalid() {
    HourState hour = so2Hour();
    for (int m = 0; m < 60; m++) {
      hour.onMinute(minute(PollutantCodes.SO2, at(m), 1, DataFlag.N, 30.0, 30.0, null));
    }
    OutletHour h = hour.close().orElseThrow();
    assertThat(h.determination()).isEqualTo(Determination.MEASURED);
    assertThat(h.massDetermination()).isEqualTo(Determination.INVALID);
    assertThat(h.massInvalidReason()).isEqualTo(InvalidReason.FLOW_INVALID);
  }

  @Test
  void loggerHourValueIsKeptBesideTheComputedOne() {
    HourState hour = so2Hour();
    for (int m = 0; m < 60; m++) {
      hour.onMinute(so2(at(m), 30));
    }
    hour.close();
    LoggerAggregate logger =
        new LoggerAggregate(
            "OUT-1",
            PollutantCodes.SO2,
            PacketKind.HOUR,
            H,
            33.4,
            37.0,
            28.0,
            39.0,
            33.4,
            DataFlag.N);
    OutletHour h = hour.onLogger(logger).orElseThrow();
    assertThat(h.version()).isEqualTo(2);
    assertThat(h.concentration()).isEqualByComparingTo("30");
    assertThat(h.loggerAvg()).isEqualByComparingTo("33.4");
    assertThat(h.loggerZsAvg()).isEqualByComparingTo("37");
    assertThat(h.loggerFlag()).isEqualTo("N");
    assertThat(hour.onLogger(logger)).isEmpty();
  }

  @Test
  void runningHourSoFar() {
    HourState hour = so2Hour();
    for (int m = 0; m < 20; m++) {
      hour.onMinute(so2(at(m), m < 10 ? 20 : 40));
    }
    RunningHour r = hour.running();
    // 20 valid minutes, mean (10 × 20 + 10 × 40) / 20 = 30; mass so far Σ C × Q × 1e-6 / 60
    // = (10 × 20 + 10 × 40) × 1e6 × 1e-6 / 60 = 600 / 60 = 10 kg
    assertThat(r.validMinutes()).isEqualTo(20);
    assertThat(r.elapsedMinutes()).isEqualTo(20);
    assertThat(r.mean()).isEqualTo(30.0);
    assertThat(r.massKg()).isCloseTo(10.0, org.assertj.core.api.Assertions.within(1e-9));
  }

  @Test
  void wastewaterHourSumsVolumeAndMassAndIsFlowWeighted() {
    // HJ 212-2017 App. D.1: six 10-minute blocks; Dh = Σ Dm, Gh = Σ Gm, C = Gh / Dh × 10^3
    HourState hour = new HourState("WW-1", PollutantCodes.COD, OutletKind.WASTEWATER, H);
    double[][] blocks = { // volume m3, concentration mg/L
      {6, 50}, {6, 50}, {6, 50}, {3, 80}, {3, 80}, {0, 100}
    };
    for (int i = 0; i < blocks.length; i++) {
      double volume = blocks[i][0];
      double c = blocks[i][1];
      hour.onMinute(
          new PollutantMinute(
              "WW-1",
              PollutantCodes.COD,
              at(10 * i),
              10,
              DataFlag.N,
              c,
              c,
              false,
              null,
              volume / 600 * 1000 * 3.6,
              DataFlag.N,
              volume,
              volume * c / 1000,
              false));
    }
    OutletHour h = hour.close().orElseThrow();
    // D = 6 + 6 + 6 + 3 + 3 + 0 = 24 m3; G = 0.3 × 3 + 0.24 × 2 + 0 = 1.38 kg
    // C = 1.38 / 24 × 1000 = 57.5 mg/L (the arithmetic mean would be 68.333)
    assertThat(h.determination()).isEqualTo(Determination.MEASURED);
    assertThat(h.volumeM3()).isEqualByComparingTo("24");
    assertThat(h.massKg()).isEqualByComparingTo("1.38");
    assertThat(h.concentration()).isEqualByComparingTo("57.5");
    assertThat(h.convertedConcentration()).isEqualByComparingTo("57.5");
  }

  @Test
  void wastewaterHourNeedsOneValidBlock() {
    HourState hour = new HourState("WW-1", PollutantCodes.COD, OutletKind.WASTEWATER, H);
    hour.onMinute(
        new PollutantMinute(
            "WW-1",
            PollutantCodes.COD,
            at(0),
            10,
            DataFlag.D,
            50.0,
            50.0,
            false,
            null,
            36.0,
            DataFlag.N,
            6.0,
            0.3,
            false));
    assertThat(hour.evaluate(1).determination()).isEqualTo(Determination.INVALID);
    hour.onMinute(
        new PollutantMinute(
            "WW-1",
            PollutantCodes.COD,
            at(10),
            10,
            DataFlag.N,
            40.0,
            40.0,
            false,
            null,
            36.0,
            DataFlag.N,
            6.0,
            0.24,
            false));
    // App. D.1: 1 <= m valid blocks -> valid with the one block: 0.24 / 6 × 1000 = 40
    OutletHour h = hour.evaluate(1);
    assertThat(h.determination()).isEqualTo(Determination.MEASURED);
    assertThat(h.concentration()).isEqualByComparingTo("40");
    assertThat(h.requiredValidMinutes()).isEqualTo(1);
  }
}
