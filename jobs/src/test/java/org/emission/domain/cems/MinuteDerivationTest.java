package org.emission.domain.cems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.emission.domain.Fixtures.cst;
import static org.emission.domain.Fixtures.packet;

import org.emission.domain.DataFlag;
import org.emission.domain.Fixtures;
import org.emission.domain.PollutantCodes;
import org.emission.domain.registry.FlowUnit;
import org.emission.domain.registry.Outlet;
import org.junit.jupiter.api.Test;

class MinuteDerivationTest {

  private static Outlet stackInM3PerSecond(int interval) {
    Outlet o = Fixtures.stack(6.0, interval);
    return new Outlet(
        o.id(),
        o.enterpriseId(),
        o.name(),
        o.kind(),
        o.mn(),
        o.facility(),
        o.o2Ref(),
        o.status(),
        o.statusSince(),
        FlowUnit.M3_PER_SECOND,
        interval);
  }

  @Test
  void minutePacketIsConvertedWithItsOwnO2() {
    Outlet outlet = stackInM3PerSecond(10);
    OutletMinute record =
        MinuteRecords.fromMinutePacket(
            packet("2051", "2024-03-01T08:40:00")
                .p("a34013", "Avg", "40", "Flag", "N")
                .p("a19001", "Avg", "9", "Flag", "N")
                .p("a00000", "Avg", "277.778", "Flag", "N")
                .build(),
            outlet);
    // HJ 212-2017 Table C.16: a 10-minute record at 08:40 covers 08:40-08:50
    assertThat(record.start()).isEqualTo(cst("2024-03-01T08:40"));
    assertThat(record.coveredMinutes()).isEqualTo(10);

    MinuteSnapshot s = MinuteDerivation.derive(record, outlet);
    PollutantMinute pm = s.get(PollutantCodes.PM);
    // C' = 40 × (21 − 6) / (21 − 9) = 50 (hj75-validity.md worked check)
    assertThat(pm.converted()).isCloseTo(50.0, within(1e-9));
    assertThat(pm.value()).isEqualTo(40.0);
    // 277.778 m3/s × 3600 = 1,000,000.8 m3/h
    assertThat(pm.flowM3h()).isCloseTo(1_000_000.8, within(1e-6));
    assertThat(pm.o2()).isEqualTo(9.0);
    assertThat(s.get(PollutantCodes.O2).converted()).isNull();
    assertThat(s.get(PollutantCodes.FLUE_GAS_FLOW).value()).isCloseTo(1_000_000.8, within(1e-6));
  }

  @Test
  void recordIsCutAtTheHourEnd() {
    // a 10-minute logger whose record starts at 08:55 covers only 08:55-09:00 in hour 08
    OutletMinute record =
        MinuteRecords.fromMinutePacket(
            packet("2051", "2024-03-01T08:55:00").p("a21026", "Avg", "30").build(),
            Fixtures.stack(6.0, 10));
    assertThat(record.coveredMinutes()).isEqualTo(5);
  }

  @Test
  void o2NearAmbientOrInvalidMakesTheMinuteUnconvertible() {
    Outlet outlet = Fixtures.stack();
    MinuteSnapshot ambient =
        MinuteDerivation.derive(
            MinuteRecords.fromMinutePacket(
                packet("2051", "2024-03-01T08:00:00")
                    .p("a21026", "Avg", "30", "Flag", "N")
                    .p("a19001", "Avg", "20.9", "Flag", "N")
                    .build(),
                outlet),
            outlet);
    assertThat(ambient.get("a21026").converted()).isNull();
    assertThat(ambient.get("a21026").o2Unconvertible()).isTrue();
    assertThat(ambient.get("a21026").isValid()).isTrue();

    MinuteSnapshot o2Calibrating =
        MinuteDerivation.derive(
            MinuteRecords.fromMinutePacket(
                packet("2051", "2024-03-01T08:01:00")
                    .p("a21026", "Avg", "30", "Flag", "N")
                    .p("a19001", "Avg", "9", "Flag", "C")
                    .build(),
                outlet),
            outlet);
    assertThat(o2Calibrating.get("a21026").o2Unconvertible()).isTrue();
  }

  @Test
  void withoutReferenceO2TheDryValueIsCompared() {
    Outlet outlet = Fixtures.stack(null, 1);
    MinuteSnapshot s =
        MinuteDerivation.derive(
            MinuteRecords.fromMinutePacket(
                packet("2051", "2024-03-01T08:00:00").p("a34013", "Avg", "12.5").build(), outlet),
            outlet);
    assertThat(s.get("a34013").converted()).isEqualTo(12.5);
    assertThat(s.get("a34013").o2Unconvertible()).isFalse();
    // absent Flag = N (2005 loggers)
    assertThat(s.get("a34013").flag()).isEqualTo(DataFlag.N);
  }

  @Test
  void noxIsDerivedFromNoAndNo2WhenMissing() {
    Outlet outlet = Fixtures.stack(null, 1);
    MinuteSnapshot s =
        MinuteDerivation.derive(
            MinuteRecords.fromMinutePacket(
                packet("2051", "2024-03-01T08:00:00")
                    .p("a21003", "Avg", "100", "Flag", "N")
                    .p("a21004", "Avg", "10", "Flag", "T")
                    .build(),
                outlet),
            outlet);
    PollutantMinute nox = s.get(PollutantCodes.NOX);
    // 100 × 1.533 + 10 = 163.3, flag T because NO2 was over range
    assertThat(nox.value()).isCloseTo(163.3, within(1e-9));
    assertThat(nox.flag()).isEqualTo(DataFlag.T);
    assertThat(nox.derived()).isTrue();

    MinuteSnapshot noFault =
        MinuteDerivation.derive(
            MinuteRecords.fromMinutePacket(
                packet("2051", "2024-03-01T08:01:00")
                    .p("a21003", "Avg", "100", "Flag", "D")
                    .p("a21002", "Avg", "150", "Flag", "N")
                    .build(),
                outlet),
            outlet);
    // a sent NOx is used as sent
    assertThat(noFault.get(PollutantCodes.NOX).value()).isEqualTo(150.0);
    assertThat(noFault.get(PollutantCodes.NOX).derived()).isFalse();
  }

  @Test
  void wastewaterBlockVolumeAndMass() {
    Outlet outlet = Fixtures.wastewater();
    // 10-minute block: flow 10 L/s, no Cou -> D = 10 × 600 / 1000 = 6 m3; COD 50 mg/L -> 0.3 kg
    MinuteSnapshot s =
        MinuteDerivation.derive(
            MinuteRecords.fromMinutePacket(
                packet("2051", "2024-03-01T08:00:00")
                    .mn(outlet.mn())
                    .p("w00000", "Avg", "10", "Flag", "N")
                    .p("w01018", "Avg", "50", "Flag", "N")
                    .build(),
                outlet),
            outlet);
    assertThat(s.coveredMinutes()).isEqualTo(10);
    assertThat(s.get("w00000").volumeM3()).isCloseTo(6.0, within(1e-12));
    assertThat(s.get("w01018").massKg()).isCloseTo(0.3, within(1e-12));
    assertThat(s.get("w01018").converted()).isEqualTo(50.0);

    // with Cou sent, the logger's integrated amounts are used: 6.2 m3 and 0.33 kg
    MinuteSnapshot withCou =
        MinuteDerivation.derive(
            MinuteRecords.fromMinutePacket(
                packet("2051", "2024-03-01T08:10:00")
                    .mn(outlet.mn())
                    .p("w00000", "Avg", "10", "Cou", "6.2", "Flag", "N")
                    .p("w01018", "Avg", "50", "Cou", "0.33", "Flag", "N")
                    .build(),
                outlet),
            outlet);
    assertThat(withCou.get("w01018").volumeM3()).isEqualTo(6.2);
    assertThat(withCou.get("w01018").massKg()).isEqualTo(0.33);
  }

  @Test
  void loggerHourAndDayValuesAreKeptAsSent() {
    Outlet outlet = Fixtures.stack();
    var hour =
        LoggerAggregate.from(
            packet("2061", "2024-03-01T08:00:00")
                .p("a21026", "Avg", "31.2", "ZsAvg", "35.1", "Cou", "31.2", "Flag", "N")
                .build(),
            outlet);
    assertThat(hour)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.period()).isEqualTo(PacketKind.HOUR);
              assertThat(a.start()).isEqualTo(cst("2024-03-01T08:00"));
              assertThat(a.avg()).isEqualTo(31.2);
              assertThat(a.zsAvg()).isEqualTo(35.1);
            });
    var day =
        LoggerAggregate.from(
            packet("2031", "2024-03-01T00:00:00").p("a21026", "Avg", "30").build(), outlet);
    assertThat(day.get(0).start()).isEqualTo(cst("2024-03-01T00:00"));
    assertThat(LoggerAggregate.from(packet("2051", "2024-03-01T00:00:00").build(), outlet))
        .isEmpty();
  }
}
