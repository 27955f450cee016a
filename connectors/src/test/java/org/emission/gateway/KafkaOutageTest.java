package org.emission.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emission.gateway.TopicProbe.mn;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.emission.kafka.Topics;
import org.emission.local.kafka.EmbeddedKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kafka goes down and comes back: meanwhile the gateway answers nothing and stops reading; after,
 * what it read lands once and is answered (DESIGN: delivery and failure).
 */
class KafkaOutageTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final LocalDateTime T0 = LocalDateTime.of(2025, 1, 15, 10, 0);

  @TempDir Path kafkaDir;

  @Test
  void holdsAnswersAndStopsReadingWhileKafkaIsDownThenDeliversEachPacketOnce() throws Exception {
    int port = freePort();
    EmbeddedKafka kafka = new EmbeddedKafka(kafkaDir, port).start();
    try {
      TestKafka.createTopics(kafka.bootstrapServers());
      String mn = Packets.newMn();
      List<String> packets = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        packets.add(Packets.minute(mn, Packets.PW, T0.plusMinutes(i), 5));
      }
      try (Hj212Gateway gateway =
              Hj212Gateway.builder()
                  .port(0)
                  .metricsPort(-1)
                  .kafkaBootstrap(kafka.bootstrapServers())
                  .authMode(AuthMode.OFF)
                  .kafkaStallThreshold(Duration.ofMillis(500))
                  .build()
                  .start();
          LoggerClient logger = new LoggerClient(gateway.port())) {
        logger.send(packets.get(0));
        assertThat(logger.next(WAIT)).isEqualTo(answer(mn, packets.get(0)));

        kafka.close();
        logger.send(packets.get(1)).send(packets.get(2));
        // Kafka does not have them: no answer.
        logger.assertSilent(Duration.ofSeconds(2));
        Await.until("reading paused", WAIT, () -> gateway.metrics().kafkaStalled());
        Await.until(
            "the connection paused", WAIT, () -> gateway.metrics().readPausedConnections() == 1);
        // reading may pause between the two frames sent together: the second then waits unread
        long framesWhenPaused = gateway.metrics().frames();
        assertThat(framesWhenPaused).isBetween(2L, 3L);

        // Written while paused: stays in the socket, not read.
        logger.send(packets.get(3));
        logger.assertSilent(Duration.ofSeconds(1));
        assertThat(gateway.metrics().frames()).isEqualTo(framesWhenPaused);

        kafka = new EmbeddedKafka(kafkaDir, port).start();
        for (int i = 1; i < 4; i++) {
          assertThat(logger.next(WAIT)).isEqualTo(answer(mn, packets.get(i)));
        }
        assertThat(gateway.metrics().kafkaStalled()).isFalse();
        assertThat(gateway.metrics().kafkaSendFailures()).isZero();
      }
      try (TopicProbe probe = new TopicProbe(kafka.bootstrapServers(), true)) {
        List<TopicProbe.Rec> samples = probe.await(Topics.CEMS_SAMPLES, mn(mn), 4, WAIT);
        List<TopicProbe.Rec> raw = probe.await(Topics.HJ212_RAW, mn(mn), 4, WAIT);
        assertThat(probe.settle(Topics.CEMS_SAMPLES, mn(mn), Duration.ofSeconds(1))).hasSize(4);
        // each packet exactly once; sends retried across the broker restart may land out of
        // order, which the compliance job takes as late data
        assertThat(samples)
            .extracting(r -> r.text("data_time"))
            .containsExactlyInAnyOrder(
                "2025-01-15T10:00:00+08:00",
                "2025-01-15T10:01:00+08:00",
                "2025-01-15T10:02:00+08:00",
                "2025-01-15T10:03:00+08:00");
        assertThat(raw)
            .extracting(r -> r.text("text"))
            .containsExactlyInAnyOrderElementsOf(packets);
      }
    } finally {
      kafka.close();
    }
  }

  private static String answer(String mn, String packet) {
    return Packets.dataAnswer(mn, Packets.PW, Packets.qnOf(packet));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
