package org.emission.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emission.gateway.TopicProbe.mn;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.emission.hj212.Hj212Commands;
import org.emission.hj212.Hj212Edition;
import org.emission.hj212.Hj212Encoder;
import org.emission.kafka.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the gateway answers, and when it does not (HJ 212-2017 §7, Appendix C). */
class GatewayAnswersTest {
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final LocalDateTime T0 = LocalDateTime.of(2025, 1, 15, 10, 0);

  /** The gateway's clock: 2025-01-15 12:00:00.000 in China Standard Time. */
  private static final Instant NOW = Instant.parse("2025-01-15T04:00:00Z");

  private TopicProbe probe;
  private Hj212Gateway gateway;

  @BeforeEach
  void start() {
    String kafka = TestKafka.bootstrap();
    probe = new TopicProbe(kafka);
    gateway =
        Hj212Gateway.builder()
            .port(0)
            .metricsPort(0)
            .kafkaBootstrap(kafka)
            .authMode(AuthMode.OFF)
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .build()
            .start();
  }

  @AfterEach
  void stop() {
    gateway.close();
    probe.close();
  }

  @Test
  void answersNothingWhenTheFlagABitIsZero() {
    String mn = Packets.newMn();
    String silent = Packets.minute(mn, Packets.PW, T0, 4);
    String asking = Packets.minute(mn, Packets.PW, T0.plusMinutes(1), 5);
    try (LoggerClient logger = new LoggerClient(gateway.port())) {
      logger.send(silent).send(asking);
      assertThat(logger.next(WAIT))
          .isEqualTo(Packets.dataAnswer(mn, Packets.PW, Packets.qnOf(asking)));
      logger.assertSilent(Duration.ofMillis(300));
    }
    assertThat(probe.await(Topics.CEMS_SAMPLES, mn(mn), 2, WAIT)).hasSize(2);
  }

  @Test
  void answersEachSubPacketAndProducesOneSample() {
    try (LoggerClient logger = new LoggerClient(gateway.port())) {
      logger.send(Hj212Frames.SPLIT_1);
      assertThat(logger.next(WAIT))
          .isEqualTo(Packets.dataAnswer(Hj212Frames.MN, Packets.PW, "20250115110000534"));
      logger.send(Hj212Frames.SPLIT_2);
      assertThat(logger.next(WAIT))
          .isEqualTo(Packets.dataAnswer(Hj212Frames.MN, Packets.PW, "20250115110000535"));
    }
    List<TopicProbe.Rec> samples =
        probe.settle(Topics.CEMS_SAMPLES, mn(Hj212Frames.MN), Duration.ofSeconds(1));
    assertThat(samples).hasSize(1);
    TopicProbe.Rec sample = samples.get(0);
    assertThat(sample.text("cn")).isEqualTo("2061");
    assertThat(sample.text("qn")).isEqualTo("20250115110000534");
    assertThat(sample.value().get("pollutants").fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder("a21026", "a21002", "a19001", "a00000");
    assertThat(probe.await(Topics.HJ212_RAW, mn(Hj212Frames.MN), 2, WAIT)).hasSize(2);
  }

  @Test
  void answersAHeartbeatWithANotificationAnswer() {
    try (LoggerClient logger = new LoggerClient(gateway.port())) {
      logger.send(Hj212Frames.HEARTBEAT_2025);
      assertThat(logger.next(WAIT)).isEqualTo(Hj212Frames.HEARTBEAT_2025_ANSWER);
    }
    assertThat(probe.await(Topics.HJ212_RAW, mn(Hj212Frames.MN), 1, WAIT)).hasSize(1);
    assertThat(probe.settle(Topics.CEMS_SAMPLES, mn(Hj212Frames.MN), Duration.ofMillis(300)))
        .isEmpty();
    assertThat(gateway.metrics().packetsIn("9015")).isEqualTo(1);
    assertThat(gateway.metrics().packetsOut("9013")).isEqualTo(1);
  }

  @Test
  void answersATimeCalibrationRequestThenSetsTheTime() {
    String mn = Packets.newMn();
    String request = Packets.packet(mn, "20250115115958000", "1013", 5, "PolId", "w01018");
    try (LoggerClient logger = new LoggerClient(gateway.port())) {
      logger.send(request);
      assertThat(logger.next(WAIT))
          .isEqualTo(
              Hj212Encoder.encodeToString(
                  org.emission.hj212.Hj212Packet.builder()
                      .qn("20250115115958000")
                      .st("91")
                      .cn("9013")
                      .pw(Packets.PW)
                      .mn(mn)
                      .flag(4)
                      .build()));
      // HJ 212-2017 Table C.3: CN 1012 with SystemTime, QN from the gateway's clock.
      String setTime = logger.next(WAIT);
      assertThat(setTime)
          .isEqualTo(
              Hj212Encoder.encodeToString(
                  Hj212Commands.setTime(
                      Hj212Edition.HJ212_2017,
                      "20250115120000000",
                      "31",
                      Packets.PW,
                      mn,
                      LocalDateTime.of(2025, 1, 15, 12, 0))));
      assertThat(setTime)
          .contains(";CN=1012;")
          .contains("Flag=5;")
          .contains("CP=&&SystemTime=20250115120000&&");
    }
    assertThat(gateway.metrics().clockCorrections()).isEqualTo(1);
  }

  @Test
  void setsTheTimeOfALoggerWhoseClockReportIsOff() {
    String mn = Packets.newMn();
    String farOff =
        Packets.packet(mn, "20250115120000001", "1011", 4, "SystemTime", "20250115115500");
    String close =
        Packets.packet(mn, "20250115120000002", "1011", 4, "SystemTime", "20250115120030");
    try (LoggerClient logger = new LoggerClient(gateway.port())) {
      logger.send(close).send(farOff);
      String setTime = logger.next(WAIT);
      assertThat(Packets.cnOf(setTime)).isEqualTo("1012");
      assertThat(setTime).contains("SystemTime=20250115120000");
      logger.assertSilent(Duration.ofMillis(300));
    }
  }

  @Test
  void servesPrometheusMetrics() throws Exception {
    try (LoggerClient logger = new LoggerClient(gateway.port())) {
      logger.send(Hj212Frames.MINUTE_2051);
      logger.next(WAIT);
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + gateway.metricsPort() + "/metrics"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(v -> assertThat(v).startsWith("text/plain; version=0.0.4"));
      assertThat(response.body())
          .contains("hj212_gateway_connections 1\n")
          .contains("hj212_gateway_packets_in_total{cn=\"2051\"} 1\n")
          .contains("hj212_gateway_packets_out_total{cn=\"9014\"} 1\n")
          .contains("# TYPE hj212_gateway_ack_latency_seconds summary\n")
          .contains("hj212_gateway_ack_latency_seconds{quantile=\"0.99\"} ")
          .contains("hj212_gateway_ack_latency_seconds_count 1\n")
          .contains("hj212_gateway_kafka_stalled 0\n");
    }
    assertThat(gateway.metrics().summaryLine())
        .contains("in 2051=1")
        .contains("out 9014=1")
        .contains("ack p50");
  }
}
