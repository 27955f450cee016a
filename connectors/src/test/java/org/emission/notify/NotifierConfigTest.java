package org.emission.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NotifierConfigTest {
  private final Map<String, String> env =
      new HashMap<>(
          Map.of(
              "WECOM_WEBHOOK_URL", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k",
              "DINGTALK_WEBHOOK_URL", "https://oapi.dingtalk.com/robot/send?access_token=t",
              "DINGTALK_SECRET", "SECsecret"));

  @Test
  void theExampleConfigurationIsValid() throws Exception {
    NotifierConfig c = NotifierConfig.load(Path.of("..", "notify.example.json"), env::get);

    assertThat(c.topic()).isEqualTo("alerts");
    assertThat(c.groupId()).isEqualTo("emission-notifier");
    assertThat(c.startFrom()).isEqualTo(NotifierConfig.StartFrom.LATEST);
    assertThat(c.targets())
        .extracting(TargetConfig::name)
        .containsExactly("wuhai-duty-wecom", "ordos-bureau-dingtalk", "bureau-platform");
    TargetConfig wecom = c.target("wuhai-duty-wecom");
    assertThat(wecom.type()).isEqualTo(TargetType.WECOM);
    assertThat(wecom.url()).hasToString(env.get("WECOM_WEBHOOK_URL"));
    assertThat(wecom.urlSource()).isEqualTo("env WECOM_WEBHOOK_URL");
    assertThat(wecom.filter().lifecycles())
        .containsExactlyInAnyOrder(Lifecycle.OPENED, Lifecycle.CLOSED);
    assertThat(wecom.filter().minSeverity()).isEqualTo(AlertSeverity.WARNING);
    assertThat(wecom.rateLimit()).isEqualTo(new RateLimit(20, Duration.ofMinutes(1)));
    assertThat(wecom.retry())
        .isEqualTo(new RetryPolicy(5, Duration.ofSeconds(2), Duration.ofMinutes(1), 2.0));
    TargetConfig dingtalk = c.target("ordos-bureau-dingtalk");
    assertThat(dingtalk.secret()).isEqualTo("SECsecret");
    assertThat(dingtalk.atMobiles()).containsExactly("13800000000");
    assertThat(dingtalk.rateLimitedPause()).isEqualTo(Duration.ofMinutes(10));
    assertThat(c.target("bureau-platform").filter().lifecycles()).hasSize(3);
  }

  @Test
  void secretsAreNotInToString() throws Exception {
    NotifierConfig c = NotifierConfig.load(Path.of("..", "notify.example.json"), env::get);

    assertThat(c.targets().toString())
        .doesNotContain("key=k", "access_token", "SECsecret")
        .contains("env DINGTALK_WEBHOOK_URL", "signed");
  }

  @Test
  void robotsDefaultToTheirVendorsLimitsAndOpenedClosed() throws Exception {
    NotifierConfig c =
        parse(
            "{\"targets\": [{\"name\": \"d\", \"type\": \"dingtalk\", \"url_env\":"
                + " \"DINGTALK_WEBHOOK_URL\"}, {\"name\": \"g\", \"type\": \"generic\", \"url\":"
                + " \"http://127.0.0.1:8080/x\"}]}");
    TargetConfig d = c.target("d");
    assertThat(d.rateLimit()).isEqualTo(new RateLimit(20, Duration.ofMinutes(1)));
    assertThat(d.rateLimitedPause()).isEqualTo(Duration.ofMinutes(10));
    assertThat(d.filter().lifecycles())
        .containsExactlyInAnyOrder(Lifecycle.OPENED, Lifecycle.CLOSED);
    assertThat(d.format()).isEqualTo(MessageFormat.MARKDOWN);
    assertThat(d.language()).isEqualTo(Language.ZH);
    assertThat(d.secret()).isNull();
    TargetConfig g = c.target("g");
    assertThat(g.rateLimit()).isNull();
    assertThat(g.filter().lifecycles()).hasSize(3);
    assertThat(g.queueCapacity()).isEqualTo(1000);
  }

  @Test
  void eachBadValueHasItsOwnMessage() {
    assertProblem("{}", "targets: missing; give at least one webhook target");
    assertProblem(
        target("\"type\": \"slack\", \"url\": \"http://h/x\""),
        "targets[0] (t).type: must be one of generic, wecom, dingtalk, got \"slack\"");
    assertProblem(
        "{\"targets\": [{\"type\": \"generic\", \"url\": \"http://h/x\"}]}",
        "targets[0].name: missing; every target needs a unique name");
    assertProblem(
        target("\"type\": \"wecom\", \"url\": \"http://h/x\", \"url_env\": \"WECOM_WEBHOOK_URL\""),
        "targets[0] (t).url: give url or url_env, not both");
    assertProblem(
        target("\"type\": \"wecom\""),
        "targets[0] (t).url_env: missing; name the environment variable holding the webhook URL"
            + " (or give url)");
    assertProblem(
        target("\"type\": \"wecom\", \"url_env\": \"NOT_SET_ANYWHERE\""),
        "targets[0] (t).url_env: environment variable NOT_SET_ANYWHERE is not set");
    assertProblem(
        target("\"type\": \"generic\", \"url\": \"ftp://h/x\""),
        "targets[0] (t).url: must be an absolute http or https URL");
    assertProblem(
        target("\"type\": \"wecom\", \"url\": \"http://h/x\", \"secret_env\": \"DINGTALK_SECRET\""),
        "targets[0] (t).secret_env: only dingtalk robots sign their requests (加签); remove it");
    assertProblem(
        target(
            "\"type\": \"dingtalk\", \"url\": \"http://h/x\", \"secret_env\": \"NO_SUCH_SECRET\""),
        "targets[0] (t).secret_env: environment variable NO_SUCH_SECRET is not set");
    assertProblem(
        target("\"type\": \"generic\", \"url\": \"http://h/x\", \"format\": \"text\""),
        "targets[0] (t).format: generic targets receive the alert JSON; format applies to wecom"
            + " and dingtalk");
    assertProblem(
        target("\"type\": \"wecom\", \"url\": \"http://h/x\", \"language\": \"fr\""),
        "targets[0] (t).language: must be one of zh, en, got \"fr\"");
    assertProblem(
        target(
            "\"type\": \"generic\", \"url\": \"http://h/x\", \"filter\": {\"kinds\": [\"EXCEEDENCE\"]}"),
        "targets[0] (t).filter.kinds[0]: unknown alert kind \"EXCEEDENCE\"; known: EXCEEDANCE,"
            + " EARLY_WARNING, DEVICE_OFFLINE, DATA_GAP, LOW_TRANSMISSION_RATE, FLAT_LINE, DILUTION,"
            + " ZERO_FLOW_WITH_POLLUTANT, CALIBRATION_TOO_LONG, MAINTENANCE_TOO_LONG,"
            + " CALIBRATION_TOO_OFTEN, OUT_OF_RANGE, LOGGER_HOUR_MISMATCH, STOPPED_BUT_EMITTING,"
            + " OPERATING_BUT_SILENT");
    assertProblem(
        target(
            "\"type\": \"generic\", \"url\": \"http://h/x\", \"filter\": {\"min_severity\": \"urgent\"}"),
        "targets[0] (t).filter.min_severity: must be one of info, warning, critical, got \"urgent\"");
    assertProblem(
        target("\"type\": \"generic\", \"url\": \"http://h/x\", \"filter\": {\"lifecycles\": []}"),
        "targets[0] (t).filter.lifecycles: must name at least one of opened, updated, closed");
    assertProblem(
        target(
            "\"type\": \"generic\", \"url\": \"http://h/x\", \"filter\": {\"lifecycles\":"
                + " [\"OPENED\", \"REOPENED\"]}"),
        "targets[0] (t).filter.lifecycles[1]: must be one of opened, updated, closed, got"
            + " \"REOPENED\"");
    assertProblem(
        target(
            "\"type\": \"generic\", \"url\": \"http://h/x\", \"rate_limit\": {\"max_messages\": 0}"),
        "targets[0] (t).rate_limit.max_messages: must be at least 1, got 0");
    assertProblem(
        target(
            "\"type\": \"wecom\", \"url\": \"http://h/x\", \"rate_limit\": {\"max_messages\": 30,"
                + " \"per\": \"1m\"}"),
        "targets[0] (t).rate_limit: 30 per 1m is more than a wecom robot accepts: 20 messages per"
            + " minute (vendor documentation; errcode 45009 beyond)");
    assertProblem(
        target("\"type\": \"generic\", \"url\": \"http://h/x\", \"retry\": {\"max_attempts\": 0}"),
        "targets[0] (t).retry.max_attempts: must be at least 1, got 0");
    assertProblem(
        target(
            "\"type\": \"generic\", \"url\": \"http://h/x\", \"retry\": {\"initial_backoff\": \"soon\"}"),
        "targets[0] (t).retry.initial_backoff: must be a duration such as \"500ms\", \"30s\","
            + " \"1m\" or \"PT1M\", got \"soon\"");
    assertProblem(
        target(
            "\"type\": \"generic\", \"url\": \"http://h/x\", \"retry\": {\"initial_backoff\":"
                + " \"10s\", \"max_backoff\": \"5s\"}"),
        "targets[0] (t).retry.max_backoff: must not be shorter than initial_backoff (10s), got 5s");
    assertProblem(
        target("\"type\": \"generic\", \"url\": \"http://h/x\", \"retry\": {\"multiplier\": 0.5}"),
        "targets[0] (t).retry.multiplier: must be at least 1.0, got 0.5");
    assertProblem(
        target("\"type\": \"generic\", \"url\": \"http://h/x\", \"queue_capacity\": 0"),
        "targets[0] (t).queue_capacity: must be at least 1, got 0");
    assertProblem(
        target("\"type\": \"generic\", \"url\": \"http://h/x\", \"request_timeout\": \"0s\""),
        "targets[0] (t).request_timeout: must be longer than zero, got \"0s\"");
    assertProblem(
        target("\"type\": \"wecom\", \"url\": \"http://h/x\", \"at_mobiles\": [\"13800000000\"]"),
        "targets[0] (t).at_mobiles: WeCom markdown messages cannot mention by phone number; use"
            + " \"format\": \"text\"");
    assertProblem(
        target(
            "\"type\": \"dingtalk\", \"url\": \"http://h/x\", \"at_mobiles\": [\"duty officer\"]"),
        "targets[0] (t).at_mobiles[0]: not a phone number: \"duty officer\"");
    assertProblem(
        target("\"type\": \"generic\", \"url\": \"http://h/x\", \"urls\": []"),
        "targets[0] (t).urls: unknown field; known: name, type, url, url_env, secret_env, format,"
            + " language, filter, rate_limit, retry, rate_limited_pause, request_timeout,"
            + " queue_capacity, at_mobiles, at_all");
    assertProblem(
        "{\"start_from\": \"now\", \"targets\": [{\"name\": \"t\", \"type\": \"generic\", \"url\":"
            + " \"http://h/x\"}]}",
        "start_from: must be one of latest, earliest, got \"now\"");
    assertProblem(
        "{\"targets\": [{\"name\": \"t\", \"type\": \"generic\", \"url\": \"http://h/x\"},"
            + " {\"name\": \"t\", \"type\": \"generic\", \"url\": \"http://h/y\"}]}",
        "targets[1] (t).name: another target has this name");
    assertProblem("{\"targets\": [", "not JSON: ");
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    NotifierConfigException e =
        failure(
            "{\"queue_capacity\": -1, \"targets\": [{\"name\": \"a\", \"type\": \"wecom\", \"url\":"
                + " \"http://h/x\", \"retry\": {\"max_attempts\": 0}}, {\"name\": \"b\", \"type\":"
                + " \"nope\", \"url\": \"http://h/y\"}]}");

    assertThat(e.problems())
        .containsExactly(
            "queue_capacity: must be at least 1, got -1",
            "targets[0] (a).retry.max_attempts: must be at least 1, got 0",
            "targets[1] (b).type: must be one of generic, wecom, dingtalk, got \"nope\"");
    assertThat(e.getMessage()).startsWith("test.json: 3 problems\n  queue_capacity:");
  }

  @Test
  void aUrlFromTheEnvironmentIsNeverEchoed() {
    env.put("WECOM_WEBHOOK_URL", "qyapi.weixin.qq.com/cgi-bin/webhook/send?key=secret-key");

    NotifierConfigException e =
        failure(target("\"type\": \"wecom\", \"url_env\": \"WECOM_WEBHOOK_URL\""));

    assertThat(e.getMessage())
        .contains(
            "targets[0] (t).url_env: environment variable WECOM_WEBHOOK_URL must hold an absolute"
                + " http or https URL (its value is not shown: it carries the robot's key)")
        .doesNotContain("secret-key");
  }

  @Test
  void dryRunPlaceholdersStandInForUnsetVariables() throws Exception {
    NotifierConfig c =
        NotifierConfig.load(
            Path.of("..", "notify.example.json"), NotifierConfig.withPlaceholders(name -> null));

    assertThat(c.target("wuhai-duty-wecom").url())
        .hasToString("https://dry-run.invalid/WECOM_WEBHOOK_URL");
    assertThat(Set.of(c.target("ordos-bureau-dingtalk").secret()))
        .containsExactly("https://dry-run.invalid/DINGTALK_SECRET");
  }

  private static String target(String fields) {
    return "{\"targets\": [{\"name\": \"t\", " + fields + "}]}";
  }

  private NotifierConfig parse(String json) throws NotifierConfigException {
    return NotifierConfig.parse(json, env::get, "test.json");
  }

  private NotifierConfigException failure(String json) {
    try {
      parse(json);
    } catch (NotifierConfigException e) {
      return e;
    }
    throw new AssertionError("accepted: " + json);
  }

  private void assertProblem(String json, String expected) {
    List<String> problems = failure(json).problems();
    assertThat(problems).as(json).hasSize(1);
    assertThat(problems.get(0)).as(json).startsWith(expected);
  }

  @Test
  void aMissingFileIsAProblemToo() {
    assertThatThrownBy(() -> NotifierConfig.load(Path.of("no-such-notify.json"), env::get))
        .isInstanceOf(NotifierConfigException.class)
        .hasMessageStartingWith("no-such-notify.json: 1 problem\n  cannot read the file");
  }
}
