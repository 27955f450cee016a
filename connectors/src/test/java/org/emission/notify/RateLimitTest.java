package org.emission.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A target's rate limit holds: no more than N requests in a window; what waits is neither dropped
 * nor lost when the notifier stops, and goes out after a restart.
 */
@Timeout(30)
class RateLimitTest {
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
  void noMoreThanTheLimitPerWindowAndTheRestWaits() throws Exception {
    String targets =
        "[{\"name\": \"robot\", \"type\": \"wecom\", \"url\": \""
            + receiver.url("/robot")
            + "\", \"rate_limit\": {\"max_messages\": 3, \"per\": \"20s\"}},"
            + " {\"name\": \"free\", \"type\": \"generic\", \"url\": \""
            + receiver.url("/free")
            + "\"}]";
    String group = "rate-" + Alerts.newId();
    NotifierConfig config = NotifierConfig.parse(kafka.config(group, targets), k -> null, "test");

    try (AlertNotifier notifier = AlertNotifier.start(config, kafka.bootstrap)) {
      for (int i = 0; i < 7; i++) {
        kafka.send(Alerts.exceedanceOpened("rate-" + i + "-" + Alerts.newId()));
      }
      Await.until(
          "the unlimited target got all 7",
          Duration.ofSeconds(15),
          () -> receiver.count("/free") == 7,
          notifier::stats);
      Await.until("3 sent", Duration.ofSeconds(5), () -> receiver.count("/robot") == 3);
      Await.sleep(1500);

      assertThat(receiver.count("/robot")).isEqualTo(3);
      TargetStats robot = notifier.stats().target("robot");
      assertThat(robot.sent()).isEqualTo(3);
      assertThat(robot.dropped()).isZero();
      assertThat(robot.queued()).isBetween(3, 4);
    }
    assertThat(receiver.count("/robot")).isEqualTo(3);
    assertThat(kafka.committed(group)).as("only what every target finished").isLessThan(7);

    try (AlertNotifier restarted = AlertNotifier.start(config, kafka.bootstrap)) {
      Await.until(
          "the 4 waiting alerts after the restart, within the next window",
          Duration.ofSeconds(15),
          () -> receiver.count("/robot") >= 6,
          restarted::stats);
      Await.sleep(500);
      assertThat(receiver.count("/robot")).isEqualTo(6);
    }
  }
}
