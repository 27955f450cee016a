package org.emission.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.emission.notify.WebhookReceiver.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Failed attempts are retried with exponential backoff, then dropped and counted. */
@Timeout(30)
class DeliveryFailuresTest {
  private static final String RETRY =
      "\"retry\": {\"max_attempts\": 3, \"initial_backoff\": \"200ms\", \"multiplier\": 2.0,"
          + " \"max_backoff\": \"2s\"}";

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
  void errcodeAndHttp500AreRetriedWithBackoffThenDropped() throws Exception {
    receiver.answer("/wecom", n -> Reply.robot(93000, "invalid webhook url"));
    receiver.answer("/dingtalk", n -> Reply.status(500));
    String targets =
        "[{\"name\": \"wecom\", \"type\": \"wecom\", \"url\": \""
            + receiver.url("/wecom?key=k")
            + "\", "
            + RETRY
            + "}, {\"name\": \"dingtalk\", \"type\": \"dingtalk\", \"url\": \""
            + receiver.url("/dingtalk?access_token=t")
            + "\", "
            + RETRY
            + "}]";
    String group = "failures-" + Alerts.newId();

    try (AlertNotifier notifier = start(group, targets)) {
      kafka.send(Alerts.exceedanceOpened(Alerts.newId()));
      Await.until(
          "both targets dropped the alert",
          Duration.ofSeconds(15),
          () ->
              notifier.stats().target("wecom").dropped() == 1
                  && notifier.stats().target("dingtalk").dropped() == 1,
          notifier::stats);

      for (String target : List.of("wecom", "dingtalk")) {
        TargetStats s = notifier.stats().target(target);
        assertThat(s.sent()).isZero();
        assertThat(s.failed()).isEqualTo(3);
        assertThat(s.retried()).isEqualTo(2);
        assertThat(s.dropped()).isEqualTo(1);
        assertThat(s.rateLimited()).isZero();
      }
      Await.until(
          "the dropped alert's offset committed",
          Duration.ofSeconds(10),
          () -> committed(group) == 1);
    }
    for (String path : List.of("/wecom", "/dingtalk")) {
      List<WebhookReceiver.Received> attempts = receiver.on(path);
      assertThat(attempts).hasSize(3);
      assertThat(attempts.get(1).nanos() - attempts.get(0).nanos())
          .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(150));
      assertThat(attempts.get(2).nanos() - attempts.get(1).nanos())
          .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(350));
    }
  }

  @Test
  void aTargetThatRecoversGetsTheMessage() throws Exception {
    receiver.answer("/flaky", n -> n <= 2 ? Reply.status(503) : Reply.status(204));
    receiver.answer("/garbled", n -> n == 1 ? new Reply(200, "<html>proxy</html>", 0) : Reply.ok());
    String targets =
        "[{\"name\": \"flaky\", \"type\": \"generic\", \"url\": \""
            + receiver.url("/flaky")
            + "\", "
            + RETRY
            + "}, {\"name\": \"garbled\", \"type\": \"wecom\", \"url\": \""
            + receiver.url("/garbled")
            + "\", "
            + RETRY
            + "}]";

    try (AlertNotifier notifier = start("recover-" + Alerts.newId(), targets)) {
      kafka.send(Alerts.exceedanceOpened(Alerts.newId()));
      Await.until(
          "both sent",
          Duration.ofSeconds(15),
          () ->
              notifier.stats().target("flaky").sent() == 1
                  && notifier.stats().target("garbled").sent() == 1,
          notifier::stats);

      TargetStats flaky = notifier.stats().target("flaky");
      assertThat(flaky.failed()).isEqualTo(2);
      assertThat(flaky.retried()).isEqualTo(2);
      assertThat(flaky.dropped()).isZero();
      assertThat(notifier.stats().target("garbled").failed()).isEqualTo(1);
    }
    assertThat(receiver.count("/flaky")).isEqualTo(3);
    assertThat(receiver.count("/garbled")).isEqualTo(2);
  }

  @Test
  void theVendorsRateLimitErrcodesHoldTheTargetBack() throws Exception {
    receiver.answer(
        "/wecom", n -> n == 1 ? Reply.robot(45009, "api freq out of limit") : Reply.ok());
    receiver.answer(
        "/dingtalk",
        n ->
            n == 1 ? Reply.robot(130101, "send too fast, exceed 20 times per minute") : Reply.ok());
    String pause = "\"rate_limited_pause\": \"1s\", \"retry\": {\"initial_backoff\": \"100ms\"}";
    String targets =
        "[{\"name\": \"wecom\", \"type\": \"wecom\", \"url\": \""
            + receiver.url("/wecom")
            + "\", "
            + pause
            + "}, {\"name\": \"dingtalk\", \"type\": \"dingtalk\", \"url\": \""
            + receiver.url("/dingtalk")
            + "\", "
            + pause
            + "}]";

    try (AlertNotifier notifier = start("throttled-" + Alerts.newId(), targets)) {
      kafka.send(Alerts.exceedanceOpened(Alerts.newId()));
      Await.until(
          "both sent after the pause",
          Duration.ofSeconds(15),
          () ->
              notifier.stats().target("wecom").sent() == 1
                  && notifier.stats().target("dingtalk").sent() == 1,
          notifier::stats);
      for (String target : List.of("wecom", "dingtalk")) {
        assertThat(notifier.stats().target(target).rateLimited()).isEqualTo(1);
        assertThat(notifier.stats().target(target).retried()).isEqualTo(1);
      }
    }
    for (String path : List.of("/wecom", "/dingtalk")) {
      List<WebhookReceiver.Received> attempts = receiver.on(path);
      assertThat(attempts).hasSize(2);
      assertThat(attempts.get(1).nanos() - attempts.get(0).nanos())
          .as("held back for rate_limited_pause, not the 100 ms backoff")
          .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(800));
    }
  }

  @Test
  void anUnreachableTargetIsRetriedAndDropped() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    String targets =
        "[{\"name\": \"down\", \"type\": \"generic\", \"url\": \"http://127.0.0.1:"
            + closedPort
            + "/hook\", \"retry\": {\"max_attempts\": 2, \"initial_backoff\": \"100ms\"}}]";

    try (AlertNotifier notifier = start("down-" + Alerts.newId(), targets)) {
      kafka.send(Alerts.exceedanceOpened(Alerts.newId()));
      Await.until(
          "dropped",
          Duration.ofSeconds(15),
          () -> notifier.stats().target("down").dropped() == 1,
          notifier::stats);
      assertThat(notifier.stats().target("down").failed()).isEqualTo(2);
    }
  }

  private AlertNotifier start(String group, String targets) throws Exception {
    return AlertNotifier.start(
        NotifierConfig.parse(kafka.config(group, targets), k -> null, "test"), kafka.bootstrap);
  }

  private long committed(String group) {
    try {
      return kafka.committed(group);
    } catch (Exception e) {
      return -1;
    }
  }
}
