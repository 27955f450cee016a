package org.emission.hj212;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emission.hj212.Hj212Samples.*;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.emission.hj212.SplitPacketAssembler.Completed;
import org.emission.hj212.SplitPacketAssembler.Dropped;
import org.emission.hj212.SplitPacketAssembler.Event;
import org.junit.jupiter.api.Test;

class SplitPacketAssemblerTest {

  private final Hj212Decoder decoder = new Hj212Decoder();
  private Instant now = Instant.parse("2025-01-15T03:00:00Z");
  private final InstantSource clock = () -> now;

  private Hj212Packet decode(String frame) {
    return decoder.decode(frame).packetOrNull();
  }

  /** Sub-packet {@code pno} of {@code pnum} of one hourly upload of logger {@code mn}. */
  private Hj212Packet part(String mn, int pnum, int pno, String dataTime) {
    return Hj212Packet.builder()
        .qn("2025011511000053" + pno)
        .st("31")
        .cn("2061")
        .pw("123456")
        .mn(mn)
        .flag(7)
        .pnum(pnum)
        .pno(pno)
        .item("DataTime", dataTime)
        .item(new Hj212Field("a2102" + pno + "-Avg", "1." + pno))
        .build();
  }

  private SplitPacketAssembler assembler(int maxGroups, long maxBytes) {
    return new SplitPacketAssembler(Duration.ofSeconds(10), maxGroups, maxBytes, clock);
  }

  @Test
  void reassemblesThePairInEitherOrder() {
    for (boolean reversed : new boolean[] {false, true}) {
      SplitPacketAssembler a = assembler(10, 100_000);
      Hj212Packet first = decode(SPLIT_1);
      Hj212Packet second = decode(SPLIT_2);
      assertThat(a.offer(reversed ? second : first)).isEmpty();
      assertThat(a.openGroups()).isEqualTo(1);
      List<Event> events = a.offer(reversed ? first : second);
      assertThat(events).hasSize(1).first().isInstanceOf(Completed.class);
      Completed done = (Completed) events.get(0);
      assertThat(done.parts()).containsExactly(first, second);
      assertThat(done.key())
          .isEqualTo(new SplitPacketAssembler.Key(MN, "2061", "20250115100000", 2));
      Hj212Packet whole = done.packet();
      assertThat(whole.qn()).isEqualTo("20250115110000534");
      assertThat(whole.flag()).isEqualTo(5);
      assertThat(whole.split()).isFalse();
      assertThat(whole.pnum()).isNull();
      assertThat(whole.pno()).isNull();
      assertThat(whole.fields()).filteredOn(f -> f.name().equals("DataTime")).hasSize(1);
      assertThat(whole.pollutants().keySet())
          .containsExactly("a21026", "a21002", "a19001", "a00000");
      assertThat(a.openGroups()).isZero();
      assertThat(a.openBytes()).isZero();
    }
  }

  @Test
  void aSubPacketSentAgainAfterItsGroupCompletedIsIgnoredUntilTheTimeout() {
    SplitPacketAssembler a = assembler(10, 100_000);
    Hj212Packet first = part("MN1", 2, 1, "20250115100000");
    Hj212Packet second = part("MN1", 2, 2, "20250115100000");
    assertThat(a.offer(first)).isEmpty();
    assertThat(a.offer(second)).singleElement().isInstanceOf(Completed.class);
    // the logger missed the answer to PNO 2 and sends it again, same QN, 9 s later: nothing to
    // assemble and nothing to reject, and no group waits for a PNO 1 that will not come
    now = now.plusSeconds(9);
    assertThat(a.offer(second)).isEmpty();
    assertThat(a.openGroups()).isZero();
    now = now.plusSeconds(30);
    assertThat(a.expire()).isEmpty();
    // after the timeout the completed group is forgotten: a copy then opens a group again, which
    // times out as incomplete
    assertThat(a.offer(second)).isEmpty();
    assertThat(a.openGroups()).isEqualTo(1);
    now = now.plusSeconds(11);
    assertThat(a.expire()).singleElement().isInstanceOf(Dropped.class);
  }

  @Test
  void aNewUploadOfACompletedMinuteIsAssembledAgain() {
    SplitPacketAssembler a = assembler(10, 100_000);
    a.offer(part("MN1", 2, 1, "20250115100000"));
    a.offer(part("MN1", 2, 2, "20250115100000"));
    // the same minute uploaded again with new QNs (a history answer): a new group, assembled
    Hj212Packet again1 = withQn(part("MN1", 2, 1, "20250115100000"), "20250115110500001");
    Hj212Packet again2 = withQn(part("MN1", 2, 2, "20250115100000"), "20250115110500002");
    assertThat(a.offer(again1)).isEmpty();
    assertThat(a.offer(again2)).singleElement().isInstanceOf(Completed.class);
  }

  private static Hj212Packet withQn(Hj212Packet p, String qn) {
    return p.toBuilder().qn(qn).build();
  }

  @Test
  void packetsThatAreNotSplitPassThrough() {
    SplitPacketAssembler a = assembler(10, 100_000);
    Hj212Packet p = decode(MINUTE_2051);
    List<Event> events = a.offer(p);
    assertThat(events)
        .containsExactly(
            new Completed(
                new SplitPacketAssembler.Key(MN, "2051", "20250115102000", 1), p, List.of(p)));
  }

  @Test
  void duplicatesAreIgnored() {
    SplitPacketAssembler a = assembler(10, 100_000);
    Hj212Packet first = decode(SPLIT_1);
    assertThat(a.offer(first)).isEmpty();
    long bytes = a.openBytes();
    assertThat(a.offer(decode(SPLIT_1))).isEmpty();
    assertThat(a.openBytes()).isEqualTo(bytes);
    Completed done = (Completed) a.offer(decode(SPLIT_2)).get(0);
    assertThat(done.parts()).hasSize(2);
  }

  @Test
  void groupsTimeOut() {
    SplitPacketAssembler a = assembler(10, 100_000);
    a.offer(decode(SPLIT_1));
    now = now.plusSeconds(10);
    assertThat(a.expire()).isEmpty();
    now = now.plusMillis(1);
    List<Event> events = a.expire();
    assertThat(events).hasSize(1);
    Dropped dropped = (Dropped) events.get(0);
    assertThat(dropped.reason()).isEqualTo(Hj212RejectReason.SPLIT_TIMEOUT);
    assertThat(dropped.parts()).containsExactly(decode(SPLIT_1));
    assertThat(dropped.message()).startsWith("Split packet timeout: 1 of 2 sub-packets");
    assertThat(a.openGroups()).isZero();
    assertThat(a.openBytes()).isZero();
  }

  @Test
  void timeoutCountsFromTheLatestSubPacket() {
    SplitPacketAssembler a = assembler(10, 100_000);
    a.offer(part("M1", 3, 1, "20250115100000"));
    now = now.plusSeconds(8);
    a.offer(part("M1", 3, 2, "20250115100000"));
    now = now.plusSeconds(8);
    List<Event> events = a.offer(part("M1", 3, 3, "20250115100000"));
    assertThat(events).hasSize(1).first().isInstanceOf(Completed.class);
  }

  @Test
  void expiryAlsoRunsOnOffer() {
    SplitPacketAssembler a = assembler(10, 100_000);
    a.offer(part("M1", 2, 1, "20250115100000"));
    now = now.plusSeconds(11);
    List<Event> events = a.offer(part("M2", 2, 1, "20250115100000"));
    assertThat(events).hasSize(1);
    assertThat(((Dropped) events.get(0)).key().mn()).isEqualTo("M1");
    assertThat(a.openGroups()).isEqualTo(1);
  }

  @Test
  void tooManyGroupsEvictsTheLeastRecentlyExtended() {
    SplitPacketAssembler a = assembler(2, 100_000);
    a.offer(part("M1", 2, 1, "20250115100000"));
    a.offer(part("M2", 2, 1, "20250115100000"));
    List<Event> events = a.offer(part("M3", 2, 1, "20250115100000"));
    assertThat(events).hasSize(1);
    Dropped dropped = (Dropped) events.get(0);
    assertThat(dropped.reason()).isEqualTo(Hj212RejectReason.SPLIT_EVICTED);
    assertThat(dropped.key().mn()).isEqualTo("M1");
    assertThat(a.openGroups()).isEqualTo(2);
    assertThat(a.offer(part("M2", 2, 2, "20250115100000"))).first().isInstanceOf(Completed.class);
  }

  @Test
  void byteBoundEvictsAndRejectsOversizedGroups() {
    Hj212Packet p = part("M1", 3, 1, "20250115100000");
    int size = p.dataSegmentLength();
    SplitPacketAssembler a = assembler(100, 2L * size + 10);
    a.offer(p);
    a.offer(part("M2", 3, 1, "20250115100000"));
    assertThat(a.openBytes()).isEqualTo(2L * size);
    List<Event> events = a.offer(part("M3", 3, 1, "20250115100000"));
    assertThat(events).hasSize(1);
    assertThat(((Dropped) events.get(0)).key().mn()).isEqualTo("M1");
    assertThat(a.openBytes()).isEqualTo(2L * size);

    SplitPacketAssembler tiny = assembler(100, size - 1);
    List<Event> refused = tiny.offer(p);
    assertThat(refused).hasSize(1);
    assertThat(((Dropped) refused.get(0)).reason()).isEqualTo(Hj212RejectReason.SPLIT_EVICTED);
    assertThat(tiny.openGroups()).isZero();
    assertThat(tiny.openBytes()).isZero();
  }

  @Test
  void differentDataTimesAreDifferentGroups() {
    SplitPacketAssembler a = assembler(10, 100_000);
    a.offer(part("M1", 2, 1, "20250115100000"));
    assertThat(a.offer(part("M1", 2, 2, "20250115110000"))).isEmpty();
    assertThat(a.openGroups()).isEqualTo(2);
  }

  @Test
  void mergeLeavesOutOnlyTheRepeatedDataTime() {
    Hj212Packet.Builder common =
        Hj212Packet.builder().st("32").cn("2051").pw("123456").mn(MN).flag(11).pnum(2);
    Hj212Packet first =
        common
            .qn("20260301090000001")
            .pno(1)
            .item(new Hj212Field("DataTime", "20260301080000"), new Hj212Field("w01018-Avg", "1.5"))
            .build();
    Hj212Packet second =
        common
            .qn("20260301090000002")
            .pno(2)
            .clearItems()
            .item(new Hj212Field("DataTime", "20260301080000"), new Hj212Field("w21003-Avg", "0.2"))
            .item("w01001-Avg", "7.1")
            .build();
    Hj212Packet whole = SplitPacketAssembler.merge(List.of(first, second));
    assertThat(whole.toString())
        .isEqualTo(
            "QN=20260301090000001;ST=32;CN=2051;PW=123456;MN="
                + MN
                + ";Flag=9;CP=&&DataTime=20260301080000,w01018-Avg=1.5;w21003-Avg=0.2;"
                + "w01001-Avg=7.1&&");
    assertThat(whole.items()).hasSize(3);
    assertThat(whole.edition()).isEqualTo(Hj212Edition.HJ212_2025);
  }
}
