package org.emission.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Each target gets the kinds, severities and lifecycles its filter names, and no others. */
@Timeout(30)
class FilterTest {
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
  void filtersByKindSeverityAndLifecycle() throws Exception {
    String targets =
        "[{\"name\": \"exceedances\", \"type\": \"generic\", \"url\": \""
            + receiver.url("/exceedances")
            + "\", \"filter\": {\"kinds\": [\"EXCEEDANCE\"], \"min_severity\": \"WARNING\","
            + " \"lifecycles\": [\"OPENED\", \"CLOSED\"]}},"
            + " {\"name\": \"critical\", \"type\": \"generic\", \"url\": \""
            + receiver.url("/critical")
            + "\", \"filter\": {\"min_severity\": \"critical\"}},"
            + " {\"name\": \"robot\", \"type\": \"wecom\", \"url\": \""
            + receiver.url("/robot")
            + "\"}]";
    NotifierConfig config =
        NotifierConfig.parse(kafka.config("filter-" + Alerts.newId(), targets), k -> null, "test");

    try (AlertNotifier notifier = AlertNotifier.start(config, kafka.bootstrap)) {
      kafka.send(
          Alerts.of("1-exceedance-opened", "EXCEEDANCE", "CRITICAL", "OPENED"),
          Alerts.of("2-exceedance-updated", "EXCEEDANCE", "CRITICAL", "UPDATED"),
          Alerts.of("3-gap-info", "DATA_GAP", "INFO", "OPENED"),
          Alerts.of("4-offline-warning", "DEVICE_OFFLINE", "WARNING", "OPENED"),
          Alerts.of("5-flat-line", "FLAT_LINE", "CRITICAL", "OPENED"),
          Alerts.of("6-exceedance-closed", "EXCEEDANCE", "CRITICAL", "CLOSED"),
          Alerts.of("7-exceedance-info", "EXCEEDANCE", "INFO", "OPENED"));
      Await.until(
          "every target judged all 7 records",
          Duration.ofSeconds(15),
          () ->
              notifier.stats().targets().values().stream()
                  .allMatch(t -> t.sent() + t.skipped() == 7),
          notifier::stats);
    }

    assertThat(ids("/exceedances")).containsExactly("1-exceedance-opened", "6-exceedance-closed");
    assertThat(ids("/critical"))
        .containsExactlyInAnyOrder(
            "1-exceedance-opened", "2-exceedance-updated", "5-flat-line", "6-exceedance-closed");
    assertThat(receiver.count("/robot")).as("robots: OPENED and CLOSED by default").isEqualTo(6);
  }

  private List<String> ids(String path) {
    return receiver.on(path).stream().map(r -> r.json().path("alert_id").asText()).toList();
  }
}
