package org.emission.gateway;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.emission.hj212.Hj212Encoder;
import org.emission.hj212.Hj212Field;
import org.emission.hj212.Hj212Packet;

/** Packets a logger sends, built with the codec's encoder. */
final class Packets {
  private Packets() {}

  static final String PW = "123456";
  private static final DateTimeFormatter N14 = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
  private static final AtomicLong SERIAL =
      new AtomicLong(ThreadLocalRandom.current().nextLong(1L << 40));

  /** A fresh 24-hex-digit MN (HJ 212-2017 Table 3), so that tests sharing Kafka do not mix. */
  static String newMn() {
    return String.format("0B1C2D3E4F50%012X", SERIAL.incrementAndGet() & 0xFFFFFFFFFFFFL);
  }

  static String qn(LocalDateTime t) {
    return t.format(N14) + "000";
  }

  /** CN 2051 minute data of flue gas with SO2 and O2, QN derived from DataTime. */
  static String minute(String mn, String pw, LocalDateTime dataTime, int flag) {
    return minute(mn, pw, qn(dataTime.plusMinutes(1)), dataTime, flag);
  }

  static String minute(String mn, String pw, String qn, LocalDateTime dataTime, int flag) {
    return Hj212Encoder.encodeToString(
        Hj212Packet.builder()
            .qn(qn)
            .st("31")
            .cn("2051")
            .pw(pw)
            .mn(mn)
            .flag(flag)
            .item("DataTime", dataTime.format(N14))
            .item(new Hj212Field("a21026-Avg", "25.3"), new Hj212Field("a21026-Flag", "N"))
            .item(new Hj212Field("a19001-Avg", "7.8"), new Hj212Field("a19001-Flag", "N"))
            .build());
  }

  /** A packet of any CN with the given CP fields. */
  static String packet(String mn, String qn, String cn, int flag, String... cp) {
    Hj212Packet.Builder b = Hj212Packet.builder().qn(qn).st("31").cn(cn).pw(PW).mn(mn).flag(flag);
    for (int i = 0; i + 1 < cp.length; i += 2) {
      b.item(cp[i], cp[i + 1]);
    }
    return Hj212Encoder.encodeToString(b.build());
  }

  /** The 9014 data answer the gateway owes for a 2017 packet with this QN (HJ 212-2017 §7). */
  static String dataAnswer(String mn, String pw, String qn) {
    return Hj212Encoder.encodeToString(
        Hj212Packet.builder().qn(qn).st("91").cn("9014").pw(pw).mn(mn).flag(4).build());
  }

  /** The QN of a frame given as text. */
  static String qnOf(String frame) {
    int i = frame.indexOf("QN=");
    return frame.substring(i + 3, frame.indexOf(';', i));
  }

  /** The CN of a frame given as text. */
  static String cnOf(String frame) {
    int i = frame.indexOf(";CN=");
    return frame.substring(i + 4, i + 8);
  }
}
