package org.emission.hj212;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Property tests over random valid packets from a seeded generator. */
class Hj212RoundTripTest {

  private static final int ITERATIONS = 5000;
  private static final String[] STS = {"21", "22", "31", "32", "39", "44", "45", "51"};
  private static final String[] DATA_CNS = {"2011", "2021", "2031", "2041", "2051", "2061", "2013"};
  private static final String[] OTHER_CNS = {"1011", "1062", "3020", "9014", "9015"};
  private static final String[] CODES = {
    "a21026", "a21002", "a34013", "a19001", "a00000", "w01018", "w21003", "02", "S01", "B02", "011"
  };
  private static final String[] NUMERIC_KINDS = {
    "Rtd", "Avg", "Min", "Max", "Cou", "ZsRtd", "ZsAvg"
  };
  private static final String[] FLAGS = {"N", "F", "M", "S", "D", "C", "T", "B"};
  private static final String[] TEXTS = {"化学需氧量分析仪", "CEMS-2000", "A&B", "出口 1#", "x"};

  private final Hj212Decoder decoder = new Hj212Decoder();

  @Test
  void encodeThenDecodeGivesTheSamePacketAndDecodeThenEncodeTheSameBytes() {
    Random random = new Random(20250115L);
    for (int i = 0; i < ITERATIONS; i++) {
      Hj212Packet packet = randomPacket(random);
      byte[] frame = Hj212Encoder.encode(packet);
      Hj212DecodeResult result = decoder.decode(frame);
      assertThat(result.ok()).as("iteration %d: %s -> %s", i, packet, result).isTrue();
      Hj212Packet decoded = result.packetOrNull();
      assertThat(decoded).as("iteration %d", i).isEqualTo(packet);
      assertThat(decoded.items()).isEqualTo(packet.items());
      assertThat(decoded.edition()).isEqualTo(packet.edition());
      assertThat(Hj212Encoder.encode(decoded)).as("iteration %d", i).isEqualTo(frame);
    }
  }

  @Test
  void toleratedVariantsDecodeToTheSamePacket() {
    Random random = new Random(212);
    EnumSet<Hj212Warning> seen = EnumSet.noneOf(Hj212Warning.class);
    for (int i = 0; i < ITERATIONS; i++) {
      Hj212Packet packet = randomPacket(random);
      String segment = new String(Hj212Encoder.segment(packet), StandardCharsets.UTF_8);
      String sloppy = sprinkleWhitespace(segment, random);
      String frame = Hj212Encoder.frame(sloppy);
      if (random.nextBoolean()) {
        frame =
            frame.substring(0, frame.length() - 6)
                + frame.substring(frame.length() - 6).toLowerCase();
      }
      frame =
          switch (random.nextInt(4)) {
            case 0 -> frame.strip();
            case 1 -> frame.strip() + "\n";
            case 2 -> "  " + frame + "  ";
            default -> frame;
          };
      if (sloppy.getBytes(StandardCharsets.UTF_8).length > Hj212Encoder.MAX_DATA_SEGMENT) {
        continue;
      }
      Hj212DecodeResult result = decoder.decode(frame);
      assertThat(result.ok()).as("iteration %d: %s -> %s", i, frame, result).isTrue();
      assertThat(result.packetOrNull()).as("iteration %d: %s", i, frame).isEqualTo(packet);
      ((Hj212DecodeResult.Accepted) result).warnings().forEach(n -> seen.add(n.warning()));
    }
    assertThat(seen)
        .contains(
            Hj212Warning.WHITESPACE,
            Hj212Warning.WHITESPACE_AROUND_FRAME,
            Hj212Warning.LOWERCASE_CRC,
            Hj212Warning.MISSING_FLAG,
            Hj212Warning.DUPLICATE_FIELD);
  }

  @Test
  void flippingOneByteNeverGivesAnotherPacketSilently() {
    Random random = new Random(99);
    int caughtByCrc = 0;
    for (int i = 0; i < ITERATIONS; i++) {
      Hj212Packet packet = randomPacket(random);
      byte[] frame = Hj212Encoder.encode(packet);
      int at = 6 + random.nextInt(packet.dataSegmentLength());
      byte original = frame[at];
      frame[at] = (byte) (original ^ (1 << random.nextInt(7)));
      Hj212DecodeResult result = decoder.decode(frame);
      if (!result.ok()
          && ((Hj212DecodeResult.Rejected) result).reason() == Hj212RejectReason.CRC_MISMATCH) {
        caughtByCrc++;
      }
      if (result.ok()) {
        // Only 256 CRC values exist (see Hj212Crc), so a rare flip passes every check.
        assertThat(result.packetOrNull()).isNotEqualTo(packet);
      }
    }
    assertThat(caughtByCrc).isGreaterThan(ITERATIONS * 9 / 10);
  }

  private static String sprinkleWhitespace(String segment, Random random) {
    StringBuilder sb = new StringBuilder(segment.length() + 16);
    int cpContent = segment.indexOf("CP=&&") + 5;
    int closing = segment.length() - 2;
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      boolean separator = c == ';' || c == ',' || c == '=';
      if (i == closing && random.nextInt(8) == 0) {
        sb.append(' ');
      }
      sb.append(c);
      if ((separator || i == cpContent - 1) && i < closing && random.nextInt(8) == 0) {
        sb.append(random.nextBoolean() ? " " : "\t");
      }
    }
    return sb.toString();
  }

  static Hj212Packet randomPacket(Random random) {
    int edition = random.nextInt(3);
    boolean split = random.nextInt(5) == 0;
    boolean data = random.nextInt(4) != 0;
    Hj212Packet.Builder b = Hj212Packet.builder();
    Integer flag = (edition << 2) | (split ? 2 : 0) | random.nextInt(2);
    if (edition == 0 && !split && random.nextBoolean()) {
      flag = null;
    }
    b.flag(flag);
    if (flag != null || random.nextBoolean()) {
      b.qn(digits(random, 17));
    }
    b.st(pick(random, STS));
    b.cn(data ? pick(random, DATA_CNS) : pick(random, OTHER_CNS));
    if (random.nextInt(10) != 0) {
      b.pw(digits(random, 6));
    }
    b.mn(edition == 0 && random.nextBoolean() ? "LD" + digits(random, 12) : hex(random, 24));
    if (split) {
      int pnum = 1 + random.nextInt(5);
      b.pnum(pnum).pno(1 + random.nextInt(pnum));
    }
    if (edition == 2 && random.nextInt(3) == 0) {
      b.rf("1");
    }
    List<Hj212Item> items = new ArrayList<>();
    if (data) {
      items.add(Hj212Item.of(new Hj212Field("DataTime", time(random))));
    }
    int pollutants = data ? random.nextInt(12) : random.nextInt(3);
    for (int p = 0; p < pollutants; p++) {
      String code = pick(random, CODES);
      List<Hj212Field> fields = new ArrayList<>();
      for (int k = random.nextInt(4); k >= 0; k--) {
        fields.add(new Hj212Field(code + "-" + pick(random, NUMERIC_KINDS), number(random)));
      }
      if (random.nextBoolean()) {
        fields.add(new Hj212Field(code + "-Flag", pick(random, FLAGS)));
      }
      if (random.nextInt(6) == 0) {
        fields.add(new Hj212Field(code + "-Info", pick(random, TEXTS)));
      }
      items.add(new Hj212Item(fields));
    }
    if (random.nextInt(4) == 0) {
      items.add(
          Hj212Item.of(
              new Hj212Field(
                  "SB" + (1 + random.nextInt(9)) + "-RS", Integer.toString(random.nextInt(6)))));
    }
    b.items(items);
    Hj212Packet packet = b.build();
    while (Hj212Encoder.segment(packet).length > Hj212Encoder.MAX_DATA_SEGMENT) {
      items.remove(items.size() - 1);
      packet = b.clearItems().items(items).build();
    }
    return packet;
  }

  private static String pick(Random random, String[] values) {
    return values[random.nextInt(values.length)];
  }

  private static String digits(Random random, int n) {
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append((char) ('0' + random.nextInt(10)));
    }
    return sb.toString();
  }

  private static String hex(Random random, int n) {
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append("0123456789ABCDEF".charAt(random.nextInt(16)));
    }
    return sb.toString();
  }

  private static String time(Random random) {
    return String.format(
        "%04d%02d%02d%02d%02d%02d",
        2005 + random.nextInt(25),
        1 + random.nextInt(12),
        1 + random.nextInt(28),
        random.nextInt(24),
        random.nextInt(60),
        random.nextInt(60));
  }

  private static String number(Random random) {
    String sign = random.nextInt(8) == 0 ? "-" : "";
    String integer = Long.toString(random.nextInt(1 + random.nextInt(1_000_000)));
    return switch (random.nextInt(3)) {
      case 0 -> sign + integer;
      case 1 -> sign + integer + "." + random.nextInt(10);
      default -> sign + integer + "." + digits(random, 1 + random.nextInt(4));
    };
  }
}
