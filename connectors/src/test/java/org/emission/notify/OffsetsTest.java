package org.emission.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Offsets are committed after delivery: a restart neither repeats nor loses alerts. */
@Timeout(30)
class OffsetsTest {
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
  void aRestartContinuesWhereDeliveryEnded() throws Exception {
    String group = "offsets-" + Alerts.newId();
    NotifierConfig config =
        NotifierConfig.parse(
            kafka.config(
                group,
                "[{\"name\": \"hook\", \"type\": \"generic\", \"url\": \""
                    + receiver.url("/hook")
                    + "\"}]"),
            k -> null,
            "test");

    try (AlertNotifier notifier = AlertNotifier.start(config, kafka.bootstrap)) {
      kafka.send(
          Alerts.exceedanceOpened("a"), Alerts.exceedanceOpened("b"), Alerts.exceedanceOpened("c"));
      Await.until("3 delivered", Duration.ofSeconds(15), () -> receiver.count("/hook") == 3);
    }
    assertThat(kafka.committed(group)).isEqualTo(3);

    kafka.send(Alerts.exceedanceOpened("d"));
    try (AlertNotifier restarted = AlertNotifier.start(config, kafka.bootstrap)) {
      Await.until(
          "the one sent while down",
          Duration.ofSeconds(15),
          () -> receiver.count("/hook") == 4,
          restarted::stats);
      Await.sleep(1000);
    }

    assertThat(receiver.on("/hook").stream().map(r -> r.json().path("alert_id").asText()))
        .containsExactlyInAnyOrder("a", "b", "c", "d");
    assertThat(kafka.committed(group)).isEqualTo(4);
  }

  @Test
  void aNewGroupStartsAtTheEndOfTheTopic() throws Exception {
    kafka.send(Alerts.exceedanceOpened("old-1"), Alerts.exceedanceOpened("old-2"));
    NotifierConfig config =
        NotifierConfig.parse(
            kafka.config(
                "fresh-" + Alerts.newId(),
                "[{\"name\": \"hook\", \"type\": \"generic\", \"url\": \""
                    + receiver.url("/hook")
                    + "\"}]"),
            k -> null,
            "test");

    try (AlertNotifier notifier = AlertNotifier.start(config, kafka.bootstrap)) {
      kafka.send(Alerts.exceedanceOpened("new"));
      Await.until("the new alert", Duration.ofSeconds(15), () -> receiver.count("/hook") >= 1);
      Await.sleep(500);
    }

    Set<String> ids =
        receiver.on("/hook").stream()
            .map(r -> r.json().path("alert_id").asText())
            .collect(Collectors.toSet());
    assertThat(ids).containsExactly("new");
  }
}
