package org.emission.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emission.gateway.TopicProbe.mn;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import org.emission.hj212.Hj212Commands;
import org.emission.hj212.Hj212Edition;
import org.emission.hj212.Hj212Encoder;
import org.emission.kafka.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway asks a logger back after a gap for the data it missed, with the history request of HJ
 * 212-2017 Table C.47, and marks the data that answers it as back-filled.
 */
class GapFillTest {
  private static final Duration WAIT = Duration.ofSeconds(15);

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
            .metricsPort(-1)
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

  private static LocalDateTime at(int hour, int minute) {
    return LocalDateTime.of(2025, 1, 15, hour, minute);
  }

  @Test
  void asksForTheMinutesMissedWhileDisconnectedAndMarksTheAnswersAsBackfill() {
    String mn = Packets.newMn();
    try (LoggerClient logger = new LoggerClient(gateway.port())) {
      for (int m : new int[] {20, 21}) {
        String p = Packets.minute(mn, Packets.PW, at(10, m), 5);
        logger.send(p);
        assertThat(logger.next(WAIT))
            .isEqualTo(Packets.dataAnswer(mn, Packets.PW, Packets.qnOf(p)));
      }
    }
    try (LoggerClient logger = new LoggerClient(gateway.port())) {
      String back = Packets.minute(mn, Packets.PW, at(10, 30), 5);
      logger.send(back);
      assertThat(logger.next(WAIT))
          .isEqualTo(Packets.dataAnswer(mn, Packets.PW, Packets.qnOf(back)));

      // Minutes 10:22..10:29 are missing (interval 1 min learned from 10:20, 10:21).
      String request = logger.next(WAIT);
      String segment =
          "QN=20250115120000000;ST=31;CN=2051;PW=123456;MN="
              + mn
              + ";Flag=5;CP=&&BeginTime=20250115102200,EndTime=20250115102900&&";
      assertThat(request).isEqualTo(Hj212Encoder.frame(segment));
      assertThat(request)
          .isEqualTo(
              Hj212Encoder.encodeToString(
                  Hj212Commands.historyRequest(
                      Hj212Edition.HJ212_2017,
                      "20250115120000000",
                      "31",
                      Packets.PW,
                      mn,
                      "2051",
                      at(10, 22),
                      at(10, 29))));

      // The logger: 9011 ready, the data, 9012 success (HJ 212-2017 Table C.47).
      String qn = Packets.qnOf(request);
      logger.send(answer(mn, qn, "9011", "QnRtn", "1"));
      for (int m = 22; m <= 29; m++) {
        String p = Packets.minute(mn, Packets.PW, at(10, m), 5);
        logger.send(p);
        assertThat(logger.next(WAIT))
            .isEqualTo(Packets.dataAnswer(mn, Packets.PW, Packets.qnOf(p)));
      }
      logger.send(answer(mn, qn, "9012", "ExeRtn", "1"));
      logger.assertSilent(Duration.ofMillis(300));
    }
    Map<String, String> backfillByTime = new TreeMap<>();
    for (TopicProbe.Rec r : probe.await(Topics.CEMS_SAMPLES, mn(mn), 11, WAIT)) {
      backfillByTime.put(r.text("data_time").substring(11, 16), r.text("backfill"));
    }
    assertThat(backfillByTime)
        .containsEntry("10:20", "false")
        .containsEntry("10:21", "false")
        .containsEntry("10:30", "false")
        .containsEntry("10:22", "true")
        .containsEntry("10:29", "true")
        .hasSize(11);
    assertThat(gateway.metrics().gapFillRequests()).isEqualTo(1);
    Await.until(
        "the result is counted", WAIT, () -> gateway.metrics().gapFillResults("success") == 1);
  }

  @Test
  void asksForMissingHoursWithinTheBoundOneRequestAtATime() {
    String mn = Packets.newMn();
    try (LoggerClient logger = new LoggerClient(gateway.port())) {
      logger.send(hour(mn, LocalDateTime.of(2025, 1, 1, 0, 0)));
      logger.next(WAIT);
      // Two weeks later: only the last 7 days before the new hour are asked for.
      logger.send(hour(mn, at(10, 0)));
      logger.next(WAIT);
      String request = logger.next(WAIT);
      assertThat(request)
          .contains(";CN=2061;")
          .contains("CP=&&BeginTime=20250108090000,EndTime=20250115090000&&");
      // Another gap while the first request is in flight: not asked for yet.
      logger.send(hour(mn, at(13, 0)));
      logger.next(WAIT);
      logger.assertSilent(Duration.ofMillis(500));
      // The logger has no data (ExeRtn 100): the next window goes out.
      logger.send(answer(mn, Packets.qnOf(request), "9012", "ExeRtn", "100"));
      String next = logger.next(WAIT);
      assertThat(next)
          .contains(";CN=2061;")
          .contains("CP=&&BeginTime=20250115110000,EndTime=20250115120000&&");
      assertThat(Packets.qnOf(next)).isEqualTo("20250115120000001");
    }
    assertThat(gateway.metrics().gapFillResults("no_data")).isEqualTo(1);
  }

  private static String hour(String mn, LocalDateTime dataTime) {
    return Packets.packet(
        mn,
        Packets.qn(dataTime.plusHours(1)),
        "2061",
        5,
        "DataTime",
        Packets.qn(dataTime).substring(0, 14),
        "a21026-Avg",
        "20.1");
  }

  /** A 9011/9012 answer of the logger to the gateway's request (ST=91, Flag=4). */
  private static String answer(String mn, String qn, String cn, String field, String value) {
    return Hj212Encoder.encodeToString(
        org.emission.hj212.Hj212Packet.builder()
            .qn(qn)
            .st("91")
            .cn(cn)
            .pw(Packets.PW)
            .mn(mn)
            .flag(4)
            .item(field, value)
            .build());
  }
}
