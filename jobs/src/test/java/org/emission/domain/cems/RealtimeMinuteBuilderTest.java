package org.emission.domain.cems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.emission.domain.Fixtures.cst;
import static org.emission.domain.Fixtures.packet;

import java.util.List;
import org.emission.domain.DataFlag;
import org.emission.domain.Fixtures;
import org.emission.domain.registry.Outlet;
import org.emission.records.CemsSample;
import org.junit.jupiter.api.Test;

class RealtimeMinuteBuilderTest {

  private final Outlet outlet = Fixtures.stack();
  private final RealtimeMinuteBuilder builder = new RealtimeMinuteBuilder();

  private static CemsSample rtd(String time, String value, String flag) {
    return packet("2011", time).p("a21026", "Rtd", value, "Flag", flag).build();
  }

  @Test
  void minuteIsTheMeanOfValidValuesAndNormalWhenThreeQuartersAreNormal() {
    // 15-second real-time data: 30, 32, 34 normal, one calibration value 0
    assertThat(builder.add(rtd("2024-03-01T08:00:00", "30", "N"), outlet)).isEmpty();
    builder.add(rtd("2024-03-01T08:00:15", "32", "N"), outlet);
    builder.add(rtd("2024-03-01T08:00:30", "34", "N"), outlet);
    builder.add(rtd("2024-03-01T08:00:45", "0", "C"), outlet);
    // the first value of 08:01 completes 08:00
    List<OutletMinute> done = builder.add(rtd("2024-03-01T08:01:00", "31", "N"), outlet);
    assertThat(done)
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.start()).isEqualTo(cst("2024-03-01T08:00"));
              assertThat(m.coveredMinutes()).isEqualTo(1);
              assertThat(m.source()).isEqualTo(PacketKind.REALTIME);
              MinuteReading r = m.readings().get("a21026");
              // 3 of 4 valid = 75 % >= 75 % (HJ 212-2017 App. C notes) -> N; mean (30 + 32 + 34) /
              // 3 = 32
              assertThat(r.flag()).isEqualTo(DataFlag.N);
              assertThat(r.value()).isCloseTo(32.0, within(1e-12));
              assertThat(r.min()).isEqualTo(30.0);
              assertThat(r.max()).isEqualTo(34.0);
            });
  }

  @Test
  void minuteBelowThreeQuartersTakesTheDominantInvalidFlag() {
    builder.add(rtd("2024-03-01T08:00:00", "30", "N"), outlet);
    builder.add(rtd("2024-03-01T08:00:15", "32", "N"), outlet);
    builder.add(rtd("2024-03-01T08:00:30", "0", "C"), outlet);
    builder.add(rtd("2024-03-01T08:00:45", "0", "C"), outlet);
    List<OutletMinute> done = builder.add(rtd("2024-03-01T08:01:00", "31", "N"), outlet);
    // 2 of 4 valid = 50 % < 75 % -> not normal; C is the most frequent flag -> C, not D
    assertThat(done.get(0).readings().get("a21026").flag()).isEqualTo(DataFlag.C);
  }

  @Test
  void duplicatesChangeNothingAndLateValuesReemitTheMinute() {
    builder.add(rtd("2024-03-01T08:00:00", "30", "N"), outlet);
    builder.add(rtd("2024-03-01T08:00:30", "34", "N"), outlet);
    assertThat(builder.add(rtd("2024-03-01T08:01:00", "31", "N"), outlet)).hasSize(1);
    // the same 08:00:30 packet again: nothing
    assertThat(builder.add(rtd("2024-03-01T08:00:30", "34", "N"), outlet)).isEmpty();
    // a late 08:00:15 value: the 08:00 minute again, now (30 + 32 + 34) / 3 = 32
    List<OutletMinute> again = builder.add(rtd("2024-03-01T08:00:15", "32", "N"), outlet);
    assertThat(again)
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.start()).isEqualTo(cst("2024-03-01T08:00"));
              assertThat(m.readings().get("a21026").value()).isCloseTo(32.0, within(1e-12));
            });
  }

  @Test
  void valuesOlderThanTheRetentionAreDroppedAndCounted() {
    RealtimeMinuteBuilder small = new RealtimeMinuteBuilder(10);
    small.add(rtd("2024-03-01T08:00:00", "30", "N"), outlet);
    small.add(rtd("2024-03-01T09:00:00", "30", "N"), outlet);
    assertThat(small.add(rtd("2024-03-01T08:00:30", "31", "N"), outlet)).isEmpty();
    assertThat(small.droppedLate()).isEqualTo(1);
  }

  @Test
  void flushEmitsTheOpenMinuteOfAQuietDevice() {
    builder.add(rtd("2024-03-01T08:00:00", "30", "N"), outlet);
    assertThat(builder.flush(cst("2024-03-01T08:00:59"), outlet)).isEmpty();
    assertThat(builder.flush(cst("2024-03-01T08:01"), outlet)).hasSize(1);
    assertThat(builder.flush(cst("2024-03-01T08:05"), outlet)).isEmpty();
  }
}
