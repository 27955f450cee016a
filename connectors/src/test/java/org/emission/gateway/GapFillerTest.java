package org.emission.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.emission.hj212.Hj212Packet;
import org.junit.jupiter.api.Test;

class GapFillerTest {
  private static final String MN = "0A1B2C3D4E5F0000000000AA";
  private final GatewayMetrics metrics = new GatewayMetrics();
  private final GapFiller filler =
      new GapFiller(
          new GapFillSettings(
              true, Duration.ofDays(7), Duration.ofMinutes(10), 2, Duration.ofMinutes(1), 100),
          new QnSource(Clock.fixed(Instant.parse("2025-01-15T04:00:00Z"), ZoneOffset.UTC)),
          metrics);

  private static Hj212Packet data(String cn, LocalDateTime t, String rf) {
    return Hj212Packet.builder()
        .qn("20250115120000000")
        .st("31")
        .cn(cn)
        .pw("123456")
        .mn(MN)
        .flag(5)
        .rf(rf)
        .item("DataTime", String.format("%tY%<tm%<td%<tH%<tM%<tS", t))
        .item("a21026-Avg", "1.0")
        .build();
  }

  private static Hj212Packet answer(String qn, String cn, String field, String value) {
    return Hj212Packet.builder()
        .qn(qn)
        .st("91")
        .cn(cn)
        .pw("123456")
        .mn(MN)
        .flag(4)
        .item(field, value)
        .build();
  }

  private static LocalDateTime at(int h, int m) {
    return LocalDateTime.of(2025, 1, 15, h, m);
  }

  private GapFiller.Decision minute(LocalDateTime t) {
    return filler.onData(data("2051", t, null), 1);
  }

  @Test
  void learnsTheMinuteIntervalAndAsksForWhatIsMissing() {
    assertThat(minute(at(10, 0)).commands()).isEmpty();
    assertThat(minute(at(10, 10)).commands()).isEmpty();
    // 10-minute interval: 10:20 missing before 10:30.
    List<Hj212Packet> cmds = minute(at(10, 30)).commands();
    assertThat(cmds).hasSize(1);
    assertThat(cmds.get(0).value("BeginTime")).isEqualTo("20250115102000");
    assertThat(cmds.get(0).value("EndTime")).isEqualTo("20250115102000");
    assertThat(cmds.get(0).flag()).isEqualTo(5);
  }

  @Test
  void marksDataInsideTheWindowAsAnswerAndIgnoresLoggerBackfill() {
    minute(at(10, 0));
    minute(at(10, 1));
    Hj212Packet request = minute(at(10, 5)).commands().get(0);
    assertThat(minute(at(10, 3)).historyAnswer()).isTrue();
    // RF=1 (2025 back-fill by the logger) neither answers nor opens a gap.
    assertThat(filler.onData(data("2051", at(11, 0), "1"), 1).commands()).isEmpty();
    assertThat(filler.onAnswer(answer(request.qn(), "9012", "ExeRtn", "1"), 1)).isEmpty();
    assertThat(minute(at(10, 3)).historyAnswer()).isFalse();
    assertThat(metrics.gapFillResults("success")).isEqualTo(1);
  }

  @Test
  void aRefusalEndsTheRequest() {
    minute(at(10, 0));
    minute(at(10, 1));
    Hj212Packet request = minute(at(10, 5)).commands().get(0);
    assertThat(filler.onAnswer(answer(request.qn(), "9011", "QnRtn", "2"), 1)).isEmpty();
    assertThat(metrics.gapFillResults("refused")).isEqualTo(1);
    assertThat(minute(at(10, 3)).historyAnswer()).isFalse();
  }

  @Test
  void asksAgainAfterADisconnectUpToTheAttempts() {
    minute(at(10, 0));
    minute(at(10, 1));
    Hj212Packet first = minute(at(10, 5)).commands().get(0);
    filler.onDisconnect(List.of(MN), 2);
    assertThat(filler.onPacket(first, 1)).isEmpty();
    filler.onDisconnect(List.of(MN), 1);
    List<Hj212Packet> again = filler.onPacket(data("2011", at(10, 6), null), 3);
    assertThat(again).hasSize(1);
    assertThat(again.get(0).value("BeginTime")).isEqualTo("20250115100200");
    assertThat(again.get(0).qn()).isNotEqualTo(first.qn());
    filler.onDisconnect(List.of(MN), 3);
    assertThat(filler.onPacket(data("2011", at(10, 7), null), 4)).isEmpty();
  }

  @Test
  void expiresRequestsWithoutResult() {
    minute(at(10, 0));
    minute(at(10, 1));
    minute(at(10, 5));
    filler.expire(System.nanoTime() + Duration.ofMinutes(11).toNanos());
    assertThat(metrics.gapFillResults("timeout")).isEqualTo(1);
    assertThat(filler.onPacket(data("2011", at(10, 6), null), 1)).hasSize(1);
  }

  @Test
  void asksNothingWhenDisabled() {
    GapFiller off =
        new GapFiller(
            new GapFillSettings(
                false, Duration.ofDays(7), Duration.ofMinutes(10), 2, Duration.ofMinutes(1), 100),
            new QnSource(Clock.systemUTC()),
            metrics);
    off.onData(data("2061", at(1, 0), null), 1);
    assertThat(off.onData(data("2061", at(9, 0), null), 1)).isEqualTo(GapFiller.Decision.NONE);
  }
}
