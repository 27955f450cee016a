package org.emission.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emission.gateway.TopicProbe.mn;

import java.time.Duration;
import java.time.LocalDateTime;
import org.emission.kafka.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Connection limits and timeouts. */
class GatewayConnectionTest {
  private static final Duration WAIT = Duration.ofSeconds(15);

  private TopicProbe probe;
  private Hj212Gateway gateway;

  @BeforeEach
  void start() {
    String kafka = TestKafka.bootstrap();
    probe = new TopicProbe(kafka);
    gateway =
        Hj212Gateway.builder()
            .port(0)
            .metricsPort(-1)
            .kafkaBootstrap(kafka)
            .authMode(AuthMode.OFF)
            .maxConnections(2)
            .idleTimeout(Duration.ofSeconds(2))
            .frameTimeout(Duration.ofSeconds(1))
            .build()
            .start();
  }

  @AfterEach
  void stop() {
    gateway.close();
    probe.close();
  }

  @Test
  void closesAnIdleConnection() {
    try (LoggerClient logger = new LoggerClient(gateway.port())) {
      logger.send(Hj212Frames.MINUTE_2051);
      assertThat(logger.next(WAIT)).isEqualTo(Hj212Frames.MINUTE_2051_ANSWER);
      long start = System.nanoTime();
      assertThat(logger.awaitClosed(Duration.ofSeconds(10))).isTrue();
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isBetween(Duration.ofMillis(1500), Duration.ofSeconds(5));
    }
    Await.until(
        "the close is counted", WAIT, () -> gateway.metrics().connectionsClosed("idle") == 1);
  }

  @Test
  void closesASlowSenderAndReportsItsUnfinishedFrame() {
    String mn = Packets.newMn();
    String packet = Packets.minute(mn, Packets.PW, LocalDateTime.of(2025, 1, 15, 10, 0), 5);
    String half = packet.substring(0, packet.length() / 2);
    try (LoggerClient logger = new LoggerClient(gateway.port())) {
      logger.send(half);
      assertThat(logger.awaitClosed(Duration.ofSeconds(10))).isTrue();
    }
    TopicProbe.Rec reject = probe.await(Topics.INGEST_REJECTS, mn(mn), 1, WAIT).get(0);
    assertThat(reject.text("reason_code")).isEqualTo("LENGTH_MISMATCH");
    assertThat(reject.text("text")).isEqualTo(half);
    assertThat(gateway.metrics().connectionsClosed("slow_sender")).isEqualTo(1);
  }

  @Test
  void refusesConnectionsBeyondTheLimit() {
    try (LoggerClient first = new LoggerClient(gateway.port());
        LoggerClient second = new LoggerClient(gateway.port())) {
      Await.until("two connections open", WAIT, () -> gateway.metrics().openConnections() == 2);
      try (LoggerClient third = new LoggerClient(gateway.port())) {
        assertThat(third.awaitClosed(Duration.ofSeconds(5))).isTrue();
      }
      assertThat(gateway.metrics().connectionsRefused()).isEqualTo(1);
      second.send(Hj212Frames.MINUTE_2051);
      assertThat(second.next(WAIT)).isEqualTo(Hj212Frames.MINUTE_2051_ANSWER);
      first.close();
      Await.until("a slot is free", WAIT, () -> gateway.metrics().openConnections() == 1);
      try (LoggerClient fourth = new LoggerClient(gateway.port())) {
        fourth.send(Hj212Frames.MINUTE_2051);
        assertThat(fourth.next(WAIT)).isEqualTo(Hj212Frames.MINUTE_2051_ANSWER);
      }
    }
  }
}
