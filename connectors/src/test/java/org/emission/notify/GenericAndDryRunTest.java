package org.emission.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.emission.kafka.JsonCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The generic JSON body, malformed records, the dry run, and a missing topic. */
@Timeout(30)
class GenericAndDryRunTest {
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
  void genericTargetsGetTheRecordAsWrittenPlusText() throws Exception {
    NotifierConfig config =
        NotifierConfig.parse(
            kafka.config(
                "generic-" + Alerts.newId(),
                "[{\"name\": \"platform\", \"type\": \"generic\", \"url\": \""
                    + receiver.url("/platform")
                    + "\", \"language\": \"en\"}]"),
            k -> null,
            "test");
    String record =
        "{\"future_field\":\"kept\","
            + new String(JsonCodec.write(Alerts.exceedanceOpened("g-1")), StandardCharsets.UTF_8)
                .substring(1);

    try (AlertNotifier notifier = AlertNotifier.start(config, kafka.bootstrap)) {
      kafka.sendRaw("junk", "not json".getBytes(StandardCharsets.UTF_8));
      kafka.sendRaw("g-1", record.getBytes(StandardCharsets.UTF_8));
      Await.until("delivered", Duration.ofSeconds(15), () -> receiver.count("/platform") == 1);
      Await.until(
          "malformed counted", Duration.ofSeconds(5), () -> notifier.stats().malformed() == 1);
    }

    WebhookReceiver.Received received = receiver.on("/platform").get(0);
    JsonNode body = received.json();
    ObjectNode expected = (ObjectNode) JsonCodec.mapper().readTree(record);
    expected.put(
        "text",
        "[Exceedance alert] Outlet WH-DA001 SO2 hourly mean 46.8 mg/m³ over the special emission"
            + " limit 30 (multiple 0.56), since 2025-01-15 10:00");
    assertThat(body).isEqualTo(expected);
    assertThat(body.path("start").asText()).isEqualTo("2025-01-15T10:00:00+08:00");
    assertThat(received.body())
        .as("decimals as sent")
        .contains("\"peak_value\":46.800,\"limit_value\":30,");
  }

  @Test
  void aDryRunPrintsTheMessagesAndSendsNothing() throws Exception {
    String json =
        kafka.config(
            "dry-" + Alerts.newId(),
            "[{\"name\": \"wuhai\", \"type\": \"wecom\", \"url_env\": \"WECOM_WEBHOOK_URL\"},"
                + " {\"name\": \"ordos\", \"type\": \"dingtalk\", \"url_env\": \"DINGTALK_WEBHOOK_URL\","
                + " \"secret_env\": \"DINGTALK_SECRET\"}]");
    NotifierConfig config =
        NotifierConfig.parse(json, NotifierConfig.withPlaceholders(k -> null), "test");
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    try (AlertNotifier notifier =
        AlertNotifier.startDryRun(
            config, kafka.bootstrap, new PrintStream(printed, true, StandardCharsets.UTF_8))) {
      kafka.send(Alerts.exceedanceOpened("dry-1"));
      Await.until(
          "printed for both",
          Duration.ofSeconds(15),
          () ->
              notifier.stats().target("wuhai").sent() == 1
                  && notifier.stats().target("ordos").sent() == 1,
          notifier::stats);
    }

    String out = printed.toString(StandardCharsets.UTF_8);
    assertThat(out)
        .contains(
            "[wuhai] POST https://dry-run.invalid/WECOM_WEBHOOK_URL\n{\"msgtype\":\"markdown\"")
        .contains("[ordos] POST https://dry-run.invalid/DINGTALK_WEBHOOK_URL?…\n")
        .contains("【超标告警】</font>\\n排放口 WH-DA001 SO2 小时均值 46.8 mg/m³，超过特别排放限值 30（超标 0.56 倍）")
        .doesNotContain("sign=");
  }

  @Test
  void aMissingTopicIsAClearStartupError() throws Exception {
    String json =
        "{\"topic\": \"no-such-topic-"
            + Alerts.newId()
            + "\", \"startup_timeout\": \"5s\", \"targets\": [{\"name\": \"h\", \"type\":"
            + " \"generic\", \"url\": \"http://127.0.0.1:9/h\"}]}";
    NotifierConfig config = NotifierConfig.parse(json, k -> null, "test");

    assertThatThrownBy(() -> AlertNotifier.start(config, kafka.bootstrap))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("does not exist on Kafka at " + kafka.bootstrap);
  }

  @Test
  void theExampleConfigurationRunsDry() throws Exception {
    NotifierConfig example =
        NotifierConfig.load(
            Path.of("..", "notify.example.json"), NotifierConfig.withPlaceholders(k -> null));

    assertThat(example.targets()).hasSize(3);
  }
}
