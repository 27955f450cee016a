package org.emission.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.emission.kafka.JsonCodec;
import org.emission.notify.WebhookReceiver.Reply;
import org.emission.records.AlertEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A slow or dead target holds up only its own queue; a full queue pauses Kafka reading instead of
 * dropping.
 */
@Timeout(30)
class TargetIsolationTest {
  private NotifyKafka kafka;
  private WebhookReceiver receiver;

  @BeforeEach
  void setUp() throws Exception {
    kafka = new NotifyKafka();
    receiver = new WebhookReceiver();
  }

  @AfterEach
  void tearDown() {
    receiver.close();
    kafka.close();
  }

  @Test
  void slowAndDownTargetsDoNotStopTheOthers() throws Exception {
    receiver.answer("/slow", n -> Reply.ok().delayed(5_000));
    receiver.answer("/down", n -> Reply.status(502));
    String targets =
        "[{\"name\": \"slow\", \"type\": \"wecom\", \"url\": \""
            + receiver.url("/slow")
            + "\", \"request_timeout\": \"10s\"},"
            + " {\"name\": \"down\", \"type\": \"generic\", \"url\": \""
            + receiver.url("/down")
            + "\", \"retry\": {\"max_attempts\": 10, \"initial_backoff\": \"1s\"}},"
            + " {\"name\": \"fast\", \"type\": \"dingtalk\", \"url\": \""
            + receiver.url("/fast")
            + "\"}]";
    NotifierConfig config =
        NotifierConfig.parse(
            kafka.config("isolation-" + Alerts.newId(), targets), k -> null, "test");

    try (AlertNotifier notifier = AlertNotifier.start(config, kafka.bootstrap)) {
      for (int i = 0; i < 5; i++) {
        kafka.send(Alerts.exceedanceOpened(Alerts.newId()));
      }
      Await.until(
          "the fast target got all 5",
          Duration.ofSeconds(10),
          () -> notifier.stats().target("fast").sent() == 5,
          notifier::stats);

      assertThat(receiver.count("/fast")).isEqualTo(5);
      assertThat(notifier.stats().target("slow").sent()).isZero();
      assertThat(notifier.stats().target("down").sent()).isZero();
      assertThat(notifier.stats().target("down").dropped()).isZero();
    }
  }

  @Test
  void aFullQueuePausesReadingAndLosesNothing() throws Exception {
    receiver.answer("/narrow", n -> Reply.status(200).delayed(100));
    String targets =
        "[{\"name\": \"narrow\", \"type\": \"generic\", \"url\": \""
            + receiver.url("/narrow")
            + "\", \"queue_capacity\": 1}, {\"name\": \"wide\", \"type\": \"generic\", \"url\": \""
            + receiver.url("/wide")
            + "\"}]";
    NotifierConfig config =
        NotifierConfig.parse(kafka.config("narrow-" + Alerts.newId(), targets), k -> null, "test");
    List<String> sent = new ArrayList<>();
    String key = Alerts.newId();

    try (AlertNotifier notifier = AlertNotifier.start(config, kafka.bootstrap)) {
      for (int i = 0; i < 15; i++) {
        sent.add("revision-" + (i + 1));
        kafka.sendRaw(key, revision(key, i + 1));
      }
      Await.until(
          "all 15 through the narrow queue",
          Duration.ofSeconds(20),
          () ->
              notifier.stats().target("narrow").sent() == 15
                  && notifier.stats().target("wide").sent() == 15,
          notifier::stats);

      NotifierStats s = notifier.stats();
      assertThat(s.pauses()).isGreaterThanOrEqualTo(1);
      assertThat(s.target("narrow").dropped()).isZero();
      assertThat(s.target("wide").sent()).isEqualTo(15);
    }
    assertThat(receiver.on("/narrow"))
        .extracting(r -> "revision-" + r.json().path("revision").asInt())
        .as("in order")
        .containsExactlyElementsOf(sent);
  }

  /** Revision {@code n} of one alert: same key, so one partition, in order. */
  private static byte[] revision(String id, int n) {
    AlertEvent o = Alerts.exceedanceUpdated(id);
    return JsonCodec.write(
        new AlertEvent(
            o.schema(),
            id,
            o.kind(),
            o.severity(),
            "UPDATED",
            n,
            o.outletId(),
            o.enterpriseId(),
            o.mn(),
            o.pollutant(),
            o.start(),
            null,
            o.at(),
            o.peakValue(),
            o.limitValue(),
            o.limitKind(),
            o.limitSource(),
            o.multiple(),
            o.detail()));
  }
}
