package org.emission.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emission.gateway.TopicProbe.mn;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.List;
import org.emission.hj212.Hj212Encoder;
import org.emission.kafka.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The byte stream: whole, split, packed, garbled and oversized frames over a real socket. */
class GatewayFramingTest {
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final LocalDateTime T0 = LocalDateTime.of(2025, 1, 15, 10, 0);

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
            .build()
            .start();
  }

  @AfterEach
  void stop() {
    gateway.close();
    probe.close();
  }

  @Test
  void answersTheWorkedExampleWithTheBytesOfTheStandardAndWritesItsRecords() {
    try (LoggerClient logger = new LoggerClient(gateway.port())) {
      logger.send(Hj212Frames.MINUTE_2051);
      assertThat(logger.next(WAIT)).isEqualTo(Hj212Frames.MINUTE_2051_ANSWER);

      TopicProbe.Rec sample = probe.await(Topics.CEMS_SAMPLES, mn(Hj212Frames.MN), 1, WAIT).get(0);
      assertThat(sample.key()).isEqualTo(Hj212Frames.MN);
      assertThat(sample.text("schema")).isEqualTo("1");
      assertThat(sample.text("cn")).isEqualTo("2051");
      assertThat(sample.text("qn")).isEqualTo("20250115103000123");
      assertThat(sample.text("data_time")).isEqualTo("2025-01-15T10:20:00+08:00");
      assertThat(sample.text("backfill")).isEqualTo("false");
      assertThat(sample.value().at("/pollutants/a21026/Avg").asText()).isEqualTo("25.3");
      assertThat(sample.value().at("/pollutants/a19001/Avg").asText()).isEqualTo("7.8");

      TopicProbe.Rec raw = probe.await(Topics.HJ212_RAW, mn(Hj212Frames.MN), 1, WAIT).get(0);
      assertThat(raw.text("text")).isEqualTo(Hj212Frames.MINUTE_2051);
      assertThat(raw.text("peer")).isEqualTo(logger.peer());
      assertThat(raw.text("schema")).isEqualTo("1");
      assertThat(raw.text("received_at")).isNotNull();
      assertThat(raw.text("text_base64")).isNull();
    }
    assertThat(gateway.metrics().packetsIn("2051")).isEqualTo(1);
    assertThat(gateway.metrics().packetsOut("9014")).isEqualTo(1);
    assertThat(gateway.metrics().ackLatency().count()).isEqualTo(1);
  }

  @Test
  void answersSeveralPacketsOfOneWriteInOrder() {
    String mn = Packets.newMn();
    StringBuilder all = new StringBuilder();
    for (int i = 0; i < 3; i++) {
      all.append(Packets.minute(mn, Packets.PW, T0.plusMinutes(i), 5));
    }
    try (LoggerClient logger = new LoggerClient(gateway.port())) {
      logger.send(all.toString());
      for (int i = 0; i < 3; i++) {
        String qn = Packets.qn(T0.plusMinutes(i + 1));
        assertThat(logger.next(WAIT)).isEqualTo(Packets.dataAnswer(mn, Packets.PW, qn));
      }
    }
    List<TopicProbe.Rec> samples = probe.await(Topics.CEMS_SAMPLES, mn(mn), 3, WAIT);
    assertThat(samples)
        .extracting(r -> r.text("data_time"))
        .containsExactly(
            "2025-01-15T10:00:00+08:00", "2025-01-15T10:01:00+08:00", "2025-01-15T10:02:00+08:00");
  }

  @Test
  void joinsAPacketSplitAcrossWrites() throws InterruptedException {
    byte[] frame = Hj212Frames.MINUTE_2051.getBytes(StandardCharsets.US_ASCII);
    try (LoggerClient logger = new LoggerClient(gateway.port())) {
      int[] cuts = {0, 1, 5, 40, frame.length - 1, frame.length};
      for (int i = 0; i + 1 < cuts.length; i++) {
        logger.send(java.util.Arrays.copyOfRange(frame, cuts[i], cuts[i + 1]));
        Thread.sleep(60);
      }
      assertThat(logger.next(WAIT)).isEqualTo(Hj212Frames.MINUTE_2051_ANSWER);
    }
    assertThat(probe.await(Topics.CEMS_SAMPLES, mn(Hj212Frames.MN), 1, WAIT)).hasSize(1);
  }

  @Test
  void skipsGarbageBetweenPacketsAndReportsIt() {
    String mn = Packets.newMn();
    String first = Packets.minute(mn, Packets.PW, T0, 5);
    String second = Packets.minute(mn, Packets.PW, T0.plusMinutes(1), 5);
    try (LoggerClient logger = new LoggerClient(gateway.port())) {
      logger.send("AT+CSQ\r\n" + first + "\r\n\r\nnoise##xx" + second);
      assertThat(logger.next(WAIT))
          .isEqualTo(Packets.dataAnswer(mn, Packets.PW, Packets.qnOf(first)));
      assertThat(logger.next(WAIT))
          .isEqualTo(Packets.dataAnswer(mn, Packets.PW, Packets.qnOf(second)));

      List<TopicProbe.Rec> rejects =
          probe.await(Topics.INGEST_REJECTS, r -> logger.peer().equals(r.text("peer")), 2, WAIT);
      assertThat(rejects).extracting(r -> r.text("reason_code")).containsOnly("NO_HEADER");
      assertThat(rejects)
          .extracting(r -> r.text("text"))
          .containsExactly("AT+CSQ\r\n", "\r\n\r\nnoise##xx");
    }
    assertThat(probe.await(Topics.CEMS_SAMPLES, mn(mn), 2, WAIT)).hasSize(2);
  }

  @Test
  void rejectsABadCrcAndKeepsTheConnection() {
    String mn = Packets.newMn();
    String good = Packets.minute(mn, Packets.PW, T0, 5);
    String crc = good.substring(good.length() - 6, good.length() - 2);
    String wrong = crc.equals("0000") ? "0001" : "0000";
    String bad = good.substring(0, good.length() - 6) + wrong + "\r\n";
    String next = Packets.minute(mn, Packets.PW, T0.plusMinutes(1), 5);
    try (LoggerClient logger = new LoggerClient(gateway.port())) {
      logger.send(bad);
      logger.send(next);
      // No answer to the bad packet (HJ 212-2017 Table 2): the first answer is the next packet's.
      assertThat(logger.next(WAIT))
          .isEqualTo(Packets.dataAnswer(mn, Packets.PW, Packets.qnOf(next)));
    }
    TopicProbe.Rec reject = probe.await(Topics.INGEST_REJECTS, mn(mn), 1, WAIT).get(0);
    assertThat(reject.key()).isEqualTo(mn);
    assertThat(reject.text("reason_code")).isEqualTo("CRC_MISMATCH");
    assertThat(reject.text("reason")).contains("packet says " + wrong + ", computed " + crc);
    assertThat(reject.text("text")).isEqualTo(bad);
    assertThat(probe.await(Topics.HJ212_RAW, mn(mn), 2, WAIT))
        .extracting(r -> r.text("text"))
        .containsExactly(bad, next);
    assertThat(probe.settle(Topics.CEMS_SAMPLES, mn(mn), Duration.ofMillis(300)))
        .extracting(r -> r.text("data_time"))
        .containsExactly("2025-01-15T10:01:00+08:00");
  }

  @Test
  void keepsTheExactBytesOfAFrameThatIsNotUtf8() {
    String mn = Packets.newMn();
    byte[] segment =
        ("QN=20250115103000123;ST=31;CN=2051;PW=123456;MN="
                + mn
                + ";Flag=5;CP=&&DataTime=20250115102000;a21026-Info=?&&")
            .getBytes(StandardCharsets.US_ASCII);
    segment[segment.length - 3] = (byte) 0xFF;
    byte[] frame = Hj212Encoder.frame(segment);
    try (LoggerClient logger = new LoggerClient(gateway.port())) {
      logger.send(frame);
      logger.assertSilent(Duration.ofMillis(500));
    }
    TopicProbe.Rec raw = probe.await(Topics.HJ212_RAW, mn(mn), 1, WAIT).get(0);
    assertThat(Base64.getDecoder().decode(raw.text("text_base64"))).isEqualTo(frame);
    assertThat(probe.await(Topics.INGEST_REJECTS, mn(mn), 1, WAIT).get(0).text("reason_code"))
        .isEqualTo("BAD_ENCODING");
  }

  @Test
  void skipsAFrameLongerThanTheLimitAndAcceptsTheNext() {
    String mn = Packets.newMn();
    String head = "##2000QN=20250115103000123;ST=31;CN=2051;PW=123456;MN=" + mn + ";Flag=5;CP=&&";
    String oversized = head + "x".repeat(2000 - head.length() + 6) + "&&1234\r\n";
    String next = Packets.minute(mn, Packets.PW, T0, 5);
    try (LoggerClient logger = new LoggerClient(gateway.port())) {
      logger.send(oversized + next);
      assertThat(logger.next(WAIT))
          .isEqualTo(Packets.dataAnswer(mn, Packets.PW, Packets.qnOf(next)));
    }
    TopicProbe.Rec reject = probe.await(Topics.INGEST_REJECTS, mn(mn), 1, WAIT).get(0);
    assertThat(reject.text("reason_code")).isEqualTo("TOO_LONG");
    assertThat(reject.text("reason")).contains("declared length 2000 exceeds the limit of 1024");
    assertThat(probe.await(Topics.CEMS_SAMPLES, mn(mn), 1, WAIT)).hasSize(1);
  }

  @Test
  void cutsAFrameWhoseDeclaredLengthIsWrongAtItsLineEnd() {
    String mn = Packets.newMn();
    String good = Packets.minute(mn, Packets.PW, T0, 5);
    // One byte longer than declared: characters counted, not bytes (a common logger bug).
    String wrongLength =
        good.substring(0, 2)
            + String.format("%04d", Integer.parseInt(good.substring(2, 6)) - 1)
            + good.substring(6);
    String next = Packets.minute(mn, Packets.PW, T0.plusMinutes(1), 5);
    try (LoggerClient logger = new LoggerClient(gateway.port())) {
      logger.send(wrongLength + next);
      assertThat(logger.next(WAIT))
          .isEqualTo(Packets.dataAnswer(mn, Packets.PW, Packets.qnOf(next)));
    }
    TopicProbe.Rec reject = probe.await(Topics.INGEST_REJECTS, mn(mn), 1, WAIT).get(0);
    assertThat(reject.text("reason_code")).isEqualTo("LENGTH_MISMATCH");
    assertThat(reject.text("text")).isEqualTo(wrongLength);
  }
}
