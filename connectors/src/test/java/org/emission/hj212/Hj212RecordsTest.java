package org.emission.hj212;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.emission.hj212.Hj212Samples.*;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import org.emission.records.CemsSample;
import org.junit.jupiter.api.Test;

class Hj212RecordsTest {

  private static final Instant RECEIVED = Instant.parse("2025-01-15T02:30:01Z");

  private final Hj212Decoder decoder = new Hj212Decoder();

  private Hj212Packet decode(String frame) {
    return decoder.decode(frame).packetOrNull();
  }

  @Test
  void minuteDataOf2017() {
    CemsSample s = Hj212Records.toCemsSample(decode(MINUTE_2051), RECEIVED, false);
    assertThat(s.schema()).isEqualTo(CemsSample.SCHEMA);
    assertThat(s.mn()).isEqualTo(MN);
    assertThat(s.st()).isEqualTo("31");
    assertThat(s.cn()).isEqualTo("2051");
    assertThat(s.qn()).isEqualTo("20250115103000123");
    assertThat(s.protocol()).isEqualTo("HJ212-2017");
    assertThat(s.dataTime()).isEqualTo(OffsetDateTime.parse("2025-01-15T10:20:00+08:00"));
    assertThat(s.receivedAt()).isEqualTo(RECEIVED);
    assertThat(s.backfill()).isFalse();
    assertThat(s.pollutants())
        .isEqualTo(
            Map.of(
                "a21026",
                Map.of("Avg", "25.3", "Flag", "N"),
                "a19001",
                Map.of("Avg", "7.8", "Flag", "N")));
    assertThat(s.decimal("a21026", "Avg")).isEqualTo(new BigDecimal("25.3"));
    assertThat(s.extra()).isEmpty();
  }

  @Test
  void edition2005MapsCodesAndKeepsDevicesInExtra() {
    CemsSample s = Hj212Records.toCemsSample(decode(FLUE_2005), RECEIVED, false);
    assertThat(s.protocol()).isEqualTo("HJT212-2005");
    assertThat(s.qn()).isNull();
    assertThat(s.pollutants().keySet()).containsExactlyInAnyOrder("a21026", "a19001", "a00000");
    assertThat(s.extra()).isEqualTo(Map.of("SB1-RS", "1"));
    CemsSample ms = Hj212Records.toCemsSample(decode(REALTIME_2005), RECEIVED, false);
    assertThat(ms.dataTime()).isEqualTo(OffsetDateTime.parse("2016-08-24T00:38:17+08:00"));
  }

  @Test
  void backfillFromRfOrFromAHistoryRequest() {
    CemsSample rf = Hj212Records.toCemsSample(decode(BACKFILL_2025), RECEIVED, false);
    assertThat(rf.protocol()).isEqualTo("HJ212-2025");
    assertThat(rf.backfill()).isTrue();
    assertThat(Hj212Records.toCemsSample(decode(HOURLY_2061), RECEIVED, true).backfill()).isTrue();
  }

  @Test
  void reassembledSplitPacketIsOneSample() {
    SplitPacketAssembler a =
        new SplitPacketAssembler(Duration.ofSeconds(30), 10, 10_000, () -> RECEIVED);
    a.offer(decode(SPLIT_1));
    SplitPacketAssembler.Completed done =
        (SplitPacketAssembler.Completed) a.offer(decode(SPLIT_2)).get(0);
    CemsSample s = Hj212Records.toCemsSample(done.packet(), RECEIVED, false);
    assertThat(s.pollutants()).containsOnlyKeys("a21026", "a21002", "a19001", "a00000");
    assertThat(s.field("a21002", "ZsAvg")).isEqualTo("54.2");
  }

  @Test
  void otherFieldsGoToExtra() {
    CemsSample s = Hj212Records.toCemsSample(decode(CHINESE_3020), RECEIVED, false);
    assertThat(s.extra()).isEqualTo(Map.of("PolId", "w01018"));
  }

  @Test
  void aPollutantSentInTwoPlacesIsOneGroupAndTheFirstOfADuplicateIsKept() {
    Hj212Packet packet =
        Hj212Packet.builder()
            .qn("20250115103000123")
            .st("31")
            .cn("2051")
            .pw("123456")
            .mn(MN)
            .flag(5)
            .item("DataTime", "20250115102000")
            .item(new Hj212Field("a21026-Avg", "25.3"), new Hj212Field("a21026-Flag", "N"))
            .item(new Hj212Field("SB1-RS", "1"), new Hj212Field("SB1-RS", "0"))
            .item(new Hj212Field("a19001-Avg", "7.8"))
            .item(new Hj212Field("a21026-Avg", "99.9"), new Hj212Field("a21026-Max", "30.1"))
            .item("PolId", "w01018")
            .item("PolId", "w01019")
            .item("DataTime", "20250115102100")
            .build();
    CemsSample s =
        Hj212Records.toCemsSample(decode(Hj212Encoder.encodeToString(packet)), RECEIVED, false);
    assertThat(s.pollutants())
        .isEqualTo(
            Map.of(
                "a21026",
                Map.of("Avg", "25.3", "Flag", "N", "Max", "30.1"),
                "a19001",
                Map.of("Avg", "7.8")));
    assertThat(s.pollutants().keySet()).containsExactly("a21026", "a19001");
    assertThat(s.pollutants().get("a21026").keySet()).containsExactly("Avg", "Flag", "Max");
    // no DataTime, however often it was sent
    assertThat(s.extra()).isEqualTo(Map.of("SB1-RS", "1", "PolId", "w01018"));
    assertThat(s.dataTime()).isEqualTo(OffsetDateTime.parse("2025-01-15T10:20:00+08:00"));
  }

  @Test
  void packetsWithoutDataTimeAreNoSamples() {
    Hj212Packet command = decode(OFFICIAL_1062);
    assertThat(Hj212Records.isSample(command)).isFalse();
    assertThatThrownBy(() -> Hj212Records.toCemsSample(command, RECEIVED, false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Hj212Records.isSample(decode(REALTIME_2011))).isTrue();
    assertThat(Hj212Records.isSample(decode(CHINESE_3020))).isFalse();
  }
}
