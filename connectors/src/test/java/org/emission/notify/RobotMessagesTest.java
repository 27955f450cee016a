package org.emission.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.emission.kafka.JsonCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Alerts from Kafka to a WeCom and a signed DingTalk robot: the exact bodies they receive. */
@Timeout(30)
class RobotMessagesTest {
  private static final String SECRET = "SEC0123456789abcdef";
  private static final String ID = "2f1c7c5e-0d6b-5a54-9c1e-3b7a4f0e9a11";

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
  void openedAndClosedReachBothRobotsInTheirFormats() throws Exception {
    String targets =
        "[{\"name\": \"wuhai-wecom\", \"type\": \"wecom\", \"url\": \""
            + receiver.url("/wecom?key=test-key")
            + "\"}, {\"name\": \"ordos-dingtalk\", \"type\": \"dingtalk\", \"url\": \""
            + receiver.url("/dingtalk?access_token=test-token")
            + "\", \"secret_env\": \"DT_SECRET\", \"at_mobiles\": [\"13800000000\"]}]";
    NotifierConfig config =
        NotifierConfig.parse(
            kafka.config("robots-" + Alerts.newId(), targets),
            Map.of("DT_SECRET", SECRET)::get,
            "test");

    try (AlertNotifier notifier = AlertNotifier.start(config, kafka.bootstrap)) {
      kafka.send(
          Alerts.exceedanceOpened(ID), Alerts.exceedanceUpdated(ID), Alerts.exceedanceClosed(ID));
      Await.until(
          "both robots got OPENED and CLOSED",
          Duration.ofSeconds(15),
          () ->
              notifier.stats().target("wuhai-wecom").sent() == 2
                  && notifier.stats().target("ordos-dingtalk").sent() == 2,
          notifier::stats);
      Await.until(
          "UPDATED filtered out",
          Duration.ofSeconds(5),
          () -> notifier.stats().target("wuhai-wecom").skipped() == 1);

      assertThat(notifier.stats().target("wuhai-wecom").sent()).isEqualTo(2);
      assertThat(notifier.stats().target("ordos-dingtalk").sent()).isEqualTo(2);
      assertThat(notifier.stats().target("ordos-dingtalk").skipped()).isEqualTo(1);
    }

    List<WebhookReceiver.Received> wecom = receiver.on("/wecom");
    assertThat(wecom.get(0).query()).isEqualTo("key=test-key");
    assertThat(wecom.get(0).contentType()).isEqualTo("application/json; charset=utf-8");
    assertThat(wecom.get(0).json()).isEqualTo(json(WECOM_OPENED));
    assertThat(wecom.get(1).json()).isEqualTo(json(WECOM_CLOSED));

    List<WebhookReceiver.Received> dingtalk = receiver.on("/dingtalk");
    assertThat(dingtalk.get(0).json()).isEqualTo(json(DINGTALK_OPENED));
    assertThat(dingtalk.get(1).json().path("markdown").path("title").asText())
        .isEqualTo("【超标告警解除】排放口 WH-DA001 SO2");
    for (WebhookReceiver.Received r : dingtalk) {
      assertThat(r.param("access_token")).isEqualTo("test-token");
      long timestamp = Long.parseLong(r.param("timestamp"));
      assertThat(Math.abs(System.currentTimeMillis() - timestamp)).isLessThan(3_600_000L);
      assertThat(r.param("sign")).isEqualTo(DingTalkSignerTest.expected(SECRET, timestamp));
      assertThat(URLDecoder.decode(r.param("sign"), StandardCharsets.UTF_8)).hasSize(44);
    }
  }

  @Test
  void textFormatsMentionByPhoneNumber() throws Exception {
    String targets =
        "[{\"name\": \"w\", \"type\": \"wecom\", \"format\": \"text\", \"url\": \""
            + receiver.url("/wecom-text")
            + "\", \"at_mobiles\": [\"13900000000\"]}, {\"name\": \"d\", \"type\": \"dingtalk\","
            + " \"format\": \"text\", \"url\": \""
            + receiver.url("/dingtalk-text")
            + "\", \"at_all\": true}]";
    NotifierConfig config =
        NotifierConfig.parse(kafka.config("text-" + Alerts.newId(), targets), k -> null, "test");

    try (AlertNotifier notifier = AlertNotifier.start(config, kafka.bootstrap)) {
      kafka.send(Alerts.exceedanceOpened(ID));
      Await.until(
          "both robots got the text",
          Duration.ofSeconds(15),
          () ->
              notifier.stats().target("w").sent() == 1 && notifier.stats().target("d").sent() == 1,
          notifier::stats);
    }

    JsonNode wecom = receiver.on("/wecom-text").get(0).json();
    assertThat(wecom.path("msgtype").asText()).isEqualTo("text");
    assertThat(wecom.path("text").path("content").asText())
        .startsWith(
            "【超标告警】排放口 WH-DA001 SO2 小时均值 46.8 mg/m³，超过特别排放限值 30（超标 0.56 倍），"
                + "开始于 2025-01-15 10:00\n级别：严重\n状态：开始\n");
    assertThat(wecom.path("text").path("mentioned_mobile_list"))
        .isEqualTo(json("[\"13900000000\"]"));
    JsonNode dingtalk = receiver.on("/dingtalk-text").get(0).json();
    assertThat(dingtalk.path("msgtype").asText()).isEqualTo("text");
    assertThat(dingtalk.path("text").path("content").asText()).startsWith("【超标告警】排放口 WH-DA001");
    assertThat(dingtalk.path("at")).isEqualTo(json("{\"atMobiles\": [], \"isAtAll\": true}"));
  }

  private static JsonNode json(String text) throws Exception {
    return JsonCodec.mapper().readTree(text);
  }

  private static final String DETAILS_OPENED =
      "级别：严重|状态：开始|企业：WH-E001|排放口：WH-DA001|数采仪 MN：MN150300000001|监测因子：SO2（a21026）"
          + "|限值依据：GB 13223-2011 表2"
          + "|说明：hour a21026 46.800 vs special limit 30 mg/m3 (GB 13223-2011 表2)"
          + "|变更时间：2025-01-15 11:00|告警编号："
          + ID
          + "（第 1 版）";

  private static final String WECOM_OPENED =
      "{\"msgtype\": \"markdown\", \"markdown\": {\"content\": \"<font color=\\\"warning\\\">【超标告警】</font>\\n"
          + "排放口 WH-DA001 SO2 小时均值 46.8 mg/m³，超过特别排放限值 30（超标 0.56 倍），开始于 2025-01-15 10:00\\n> "
          + DETAILS_OPENED.replace("|", "\\n> ")
          + "\"}}";

  private static final String WECOM_CLOSED =
      "{\"msgtype\": \"markdown\", \"markdown\": {\"content\": \"<font color=\\\"info\\\">【超标告警解除】</font>\\n"
          + "排放口 WH-DA001 SO2 超标已解除，2025-01-15 10:00 至 2025-01-15 13:00（持续 3 小时），"
          + "期间最高小时均值 52.3 mg/m³（特别排放限值 30，超标 0.74 倍）\\n"
          + "> 级别：严重\\n> 状态：解除\\n> 企业：WH-E001\\n> 排放口：WH-DA001\\n> 数采仪 MN：MN150300000001\\n"
          + "> 监测因子：SO2（a21026）\\n> 限值依据：GB 13223-2011 表2\\n"
          + "> 说明：hour a21026 52.300 vs special limit 30 mg/m3 (GB 13223-2011 表2)\\n"
          + "> 变更时间：2025-01-15 14:00\\n> 告警编号："
          + ID
          + "（第 3 版）\"}}";

  private static final String DINGTALK_OPENED =
      "{\"msgtype\": \"markdown\", \"markdown\": {\"title\": \"【超标告警】排放口 WH-DA001 SO2\","
          + " \"text\": \"#### 【超标告警】\\n\\n"
          + "排放口 WH-DA001 SO2 小时均值 46.8 mg/m³，超过特别排放限值 30（超标 0.56 倍），开始于 2025-01-15 10:00\\n\\n- "
          + DETAILS_OPENED.replace("|", "\\n- ")
          + "\\n\\n@13800000000\"},"
          + " \"at\": {\"atMobiles\": [\"13800000000\"], \"isAtAll\": false}}";
}
