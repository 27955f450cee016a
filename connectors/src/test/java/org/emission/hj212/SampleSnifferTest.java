package org.emission.hj212;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emission.hj212.Hj212Samples.*;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleSnifferTest {

  private static SampleSniffer.Sniffed sniff(String frame) {
    byte[] b = ("  " + frame.strip() + "  ").getBytes(StandardCharsets.UTF_8);
    return SampleSniffer.find(b, 2, b.length - 4);
  }

  /** A frame around the segment as sent, without the encoder's checks. */
  private static String frame(String segment) {
    byte[] seg = segment.getBytes(StandardCharsets.UTF_8);
    return String.format("##%04d%s%04X", seg.length, segment, Hj212Crc.compute(seg, 0, seg.length));
  }

  @Test
  void readsTheCnAndDataTimeOfAPlainFrame() {
    SampleSniffer.Sniffed s = sniff(MINUTE_2051);
    assertThat(s.cn()).isEqualTo("2051");
    assertThat(s.dataTime()).isEqualTo(LocalDateTime.of(2025, 1, 15, 10, 20));
  }

  @Test
  void agreesWithTheDecoderOnEveryFrameItReads() {
    Hj212Decoder decoder = new Hj212Decoder();
    int read = 0;
    for (String f :
        List.of(
            MINUTE_2051,
            REALTIME_2005,
            FLUE_2005,
            REALTIME_2011,
            HOURLY_2061,
            SPLIT_1,
            SPLIT_2,
            HEARTBEAT_2025,
            BACKFILL_2025,
            RAW_2013,
            CHECK_2062,
            CHINESE_3020,
            HISTORY_REQUEST,
            OFFICIAL_1062)) {
      SampleSniffer.Sniffed s = sniff(f);
      Hj212Packet p = decoder.decode(f).packetOrNull();
      if (s != null && p != null) {
        read++;
        assertThat(s.cn()).as(f).isEqualTo(p.cn());
        assertThat(s.dataTime()).as(f).isEqualTo(p.dataTime());
      }
    }
    assertThat(read).isGreaterThanOrEqualTo(5);
  }

  @Test
  void answersNothingForAnythingButThePlainLayout() {
    // DataTime not the first field of CP: the decoder would still find it, the sniffer does not
    assertThat(
            sniff(
                frame(
                    "QN=1;ST=31;CN=2051;PW=1;MN=A1;Flag=5;CP=&&a21026-Avg=1;DataTime=20250115102000&&")))
        .isNull();
    // CN sent twice (the decoder rejects the frame) or not four digits
    assertThat(sniff(frame("ST=31;CN=2051;CN=2061;PW=1;MN=A1;CP=&&DataTime=20250115102000&&")))
        .isNull();
    assertThat(sniff(frame("ST=31;CN=20X1;PW=1;MN=A1;CP=&&DataTime=20250115102000&&"))).isNull();
    // no real time, no CN, no frame
    assertThat(sniff(frame("ST=31;CN=2051;PW=1;MN=A1;CP=&&DataTime=20251315102000&&"))).isNull();
    assertThat(sniff(frame("ST=31;PW=1;MN=A1;CP=&&DataTime=20250115102000&&"))).isNull();
    assertThat(sniff("QN=1;ST=31;CN=2051")).isNull();
    assertThat(sniff(frame("ST=31;CN=2051;PW=1;MN=A1;CP=&&DataTime=20250115102000;a21026-Avg=1&&")))
        .isEqualTo(new SampleSniffer.Sniffed("2051", LocalDateTime.of(2025, 1, 15, 10, 20)));
  }

  @Test
  void readsTheMnOfAFrameInsideABuffer() {
    byte[] b = ("xx" + MINUTE_2051.strip() + "yy").getBytes(StandardCharsets.UTF_8);
    assertThat(MnSniffer.find(b, 2, b.length - 4)).isEqualTo(MN);
  }
}
