package org.emission.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.emission.hj212.Hj212RejectReason;
import org.junit.jupiter.api.Test;

class Hj212FrameDecoderTest {
  private static final String A = Hj212Frames.MINUTE_2051;
  private static final String B = Hj212Frames.HEARTBEAT_2025;

  private final Hj212FrameDecoder decoder = new Hj212FrameDecoder(1024);
  private final EmbeddedChannel channel = new EmbeddedChannel(decoder);

  private List<Object> feed(String... chunks) {
    for (String c : chunks) {
      channel.writeInbound(Unpooled.copiedBuffer(c, StandardCharsets.UTF_8));
    }
    List<Object> out = new ArrayList<>();
    Object o;
    while ((o = channel.readInbound()) != null) {
      out.add(o);
    }
    return out;
  }

  private static String text(Object o) {
    return o instanceof Inbound.Frame f
        ? new String(f.bytes(), StandardCharsets.UTF_8)
        : "skipped:" + new String(((Inbound.Skipped) o).sample(), StandardCharsets.UTF_8);
  }

  @Test
  void cutsFramesPackedIntoOneRead() {
    assertThat(feed(A + B + A)).extracting(o -> text(o)).containsExactly(A, B, A);
  }

  @Test
  void joinsAFrameArrivingByteByByte() {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < A.length() - 1; i++) {
      out.addAll(feed(A.substring(i, i + 1)));
      assertThat(decoder.partialSinceNanos()).isGreaterThanOrEqualTo(i >= 1 ? 0 : -1);
    }
    assertThat(out).isEmpty();
    assertThat(feed(A.substring(A.length() - 1))).extracting(o -> text(o)).containsExactly(A);
    assertThat(decoder.partialSinceNanos()).isEqualTo(-1);
  }

  @Test
  void skipsGarbageUpToTheNextFrameAsOneRun() {
    List<Object> out = feed("AT+OK\r\n#x##y" + A);
    assertThat(out).extracting(o -> text(o)).containsExactly("skipped:AT+OK\r\n#x##y", A);
    Inbound.Skipped s = (Inbound.Skipped) out.get(0);
    assertThat(s.reason()).isEqualTo(Hj212RejectReason.NO_HEADER);
    assertThat(s.count()).isEqualTo(12);
    assertThat(s.blank()).isFalse();
  }

  @Test
  void marksLineBreaksBetweenFramesAsBlank() {
    List<Object> out = feed(A + "\r\n\r\n" + B);
    assertThat(out).hasSize(3);
    assertThat(((Inbound.Skipped) out.get(1)).blank()).isTrue();
  }

  @Test
  void findsTheFrameAfterAnExtraHash() {
    assertThat(feed("#" + A)).extracting(o -> text(o)).containsExactly("skipped:#", A);
  }

  @Test
  void endsAFrameWithOnlyALineFeedAtOnce() {
    String lf = A.substring(0, A.length() - 2) + "\n";
    assertThat(feed(lf)).extracting(o -> text(o)).containsExactly(lf);
  }

  @Test
  void endsATruncatedFrameWhereTheNextOneStarts() {
    String cut = A.substring(0, 80);
    assertThat(feed(cut + B)).extracting(o -> text(o)).containsExactly(cut, B);
  }

  @Test
  void endsAFrameWithATooShortLengthAtItsLineEnd() {
    String shortLength = "##0150" + A.substring(6);
    assertThat(feed(shortLength + B)).extracting(o -> text(o)).containsExactly(shortLength, B);
  }

  @Test
  void endsAFrameWithATooLongLengthAtItsLineEnd() {
    String longLength = "##0180" + A.substring(6);
    assertThat(feed(longLength)).extracting(o -> text(o)).containsExactly(longLength);
  }

  @Test
  void skipsAFrameDeclaredLongerThanTheLimit() {
    String huge = "##2000QN=1;" + "x".repeat(1500);
    List<Object> out = feed(huge + A);
    assertThat(out).hasSize(2);
    Inbound.Skipped s = (Inbound.Skipped) out.get(0);
    assertThat(s.reason()).isEqualTo(Hj212RejectReason.TOO_LONG);
    assertThat(s.count()).isEqualTo(huge.length());
    assertThat(s.sample()).hasSize(1024 + 12);
    assertThat(text(out.get(1))).isEqualTo(A);
  }

  @Test
  void reportsAnOverlongFrameArrivingInPiecesOnce() {
    String huge = "##2000QN=1;" + "x".repeat(1989) + "&&1234\r\n";
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < huge.length(); i += 500) {
      out.addAll(feed(huge.substring(i, Math.min(huge.length(), i + 500))));
    }
    out.addAll(feed(A));
    assertThat(out).hasSize(2);
    Inbound.Skipped s = (Inbound.Skipped) out.get(0);
    assertThat(s.reason()).isEqualTo(Hj212RejectReason.TOO_LONG);
    assertThat(s.count()).isEqualTo(huge.length());
    assertThat(text(out.get(1))).isEqualTo(A);
  }

  @Test
  void reportsEndlessGarbageInPieces() {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      out.addAll(feed("z".repeat(500)));
    }
    assertThat(out).hasSize(2);
    for (Object o : out) {
      assertThat(((Inbound.Skipped) o).count()).isEqualTo(1500);
      assertThat(((Inbound.Skipped) o).sample()).hasSize(1024 + 12);
    }
  }

  @Test
  void skipsAFrameWithoutEndWithinTheLongestFrame() {
    List<Object> out = feed("##0010" + "y".repeat(2000) + A);
    assertThat(out).hasSize(2);
    assertThat(((Inbound.Skipped) out.get(0)).reason()).isEqualTo(Hj212RejectReason.TOO_LONG);
    assertThat(text(out.get(1))).isEqualTo(A);
  }

  @Test
  void passesAFrameCutByTheCloseOfTheConnection() {
    String cut = A.substring(0, 100);
    assertThat(feed(cut)).isEmpty();
    channel.finish();
    List<Object> out = new ArrayList<>();
    Object o;
    while ((o = channel.readInbound()) != null) {
      out.add(o);
    }
    assertThat(out).extracting(x -> text(x)).containsExactly(cut);
  }
}
