package org.emission.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.emission.kafka.JsonCodec;
import org.emission.kafka.Topics;

/**
 * The notifier's settings, read from a JSON file and validated as a whole: every bad value is
 * reported at once, by its path ({@link NotifierConfigException}). Webhook URLs and secrets are
 * never in the file: {@code url_env} and {@code secret_env} name the environment variables holding
 * them ({@code url} is for test endpoints without a key). Fields starting with {@code _} are
 * comments (JSON has none of its own; the {@code //} notes below are for this page only, see {@code
 * notify.example.json} for a file as it is written).
 *
 * <pre>{@code
 * {
 *   "topic": "alerts",                    // default
 *   "group_id": "emission-notifier",      // its own consumer group (default)
 *   "start_from": "latest",               // a new group starts at the end: no flood of old alerts
 *   "queue_capacity": 1000,               // per target, default for targets
 *   "targets": [
 *     {
 *       "name": "wuhai-duty-wecom",
 *       "type": "wecom",                  // generic | wecom | dingtalk
 *       "url_env": "WECOM_WEBHOOK_URL",   // or "url" (no key in it)
 *       "format": "markdown",             // robots: markdown (default) | text
 *       "language": "zh",                 // zh (default) | en
 *       "filter": {"kinds": ["EXCEEDANCE"], "min_severity": "warning",
 *                  "lifecycles": ["opened", "closed"]},   // robots' default: opened, closed
 *       "rate_limit": {"max_messages": 20, "per": "1m"},  // robots' default: 20 per minute
 *       "retry": {"max_attempts": 5, "initial_backoff": "2s", "max_backoff": "1m",
 *                 "multiplier": 2.0},
 *       "rate_limited_pause": "1m",       // after errcode 45009 / 130101; DingTalk default 10m
 *       "request_timeout": "10s",
 *       "at_mobiles": [], "at_all": false // robots; WeCom only with "format": "text"
 *     },
 *     {"name": "ordos-dingtalk", "type": "dingtalk", "url_env": "DINGTALK_WEBHOOK_URL",
 *      "secret_env": "DINGTALK_SECRET"}
 *   ]
 * }
 * }</pre>
 *
 * @param topic the alerts topic
 * @param groupId the notifier's Kafka consumer group
 * @param startFrom where a group without committed offsets starts
 * @param kafkaProperties further Kafka consumer settings (e.g. security), as strings
 * @param startupTimeout how long start waits for Kafka and the first partition assignment
 * @param shutdownTimeout how long close lets queued messages go out
 * @param statsInterval how often the counters are logged
 * @param targets at least one
 */
public record NotifierConfig(
    String topic,
    String groupId,
    StartFrom startFrom,
    Map<String, String> kafkaProperties,
    Duration startupTimeout,
    Duration shutdownTimeout,
    Duration statsInterval,
    List<TargetConfig> targets) {

  /** Where a consumer group without committed offsets starts reading. */
  public enum StartFrom {
    /** Only alerts from now on: a new notifier does not flood the groups with history. */
    LATEST,
    EARLIEST
  }

  static final List<String> FIELDS =
      List.of(
          "topic",
          "group_id",
          "start_from",
          "kafka_properties",
          "queue_capacity",
          "startup_timeout",
          "shutdown_timeout",
          "stats_interval",
          "targets");

  public NotifierConfig {
    kafkaProperties = Map.copyOf(kafkaProperties);
    targets = List.copyOf(targets);
  }

  /** Reads {@code file}, resolving environment variables from the process environment. */
  public static NotifierConfig load(Path file) throws NotifierConfigException {
    return load(file, System::getenv);
  }

  public static NotifierConfig load(Path file, Function<String, String> env)
      throws NotifierConfigException {
    String json;
    try {
      json = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new NotifierConfigException(
          file.toString(), List.of("cannot read the file: " + e.getMessage()));
    }
    return parse(json, env, file.toString());
  }

  /**
   * Parses and validates a configuration.
   *
   * @param env environment variable lookup for {@code url_env} and {@code secret_env}
   * @param origin the file name, for the exception message
   */
  public static NotifierConfig parse(String json, Function<String, String> env, String origin)
      throws NotifierConfigException {
    JsonNode root;
    try {
      root = JsonCodec.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new NotifierConfigException(
          origin,
          List.of(
              "not JSON: "
                  + e.getOriginalMessage()
                  + " (line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr()
                  + ")"));
    }
    ConfigReader r = new ConfigReader();
    if (root == null || !root.isObject()) {
      throw new NotifierConfigException(origin, List.of("must be a JSON object"));
    }
    ObjectNode o = (ObjectNode) root;
    r.onlyFields(o, "", FIELDS);
    String topic = orDefault(r.text(o, "", "topic"), Topics.ALERTS);
    String groupId = orDefault(r.text(o, "", "group_id"), "emission-notifier");
    StartFrom startFrom = r.choice(o, "", "start_from", StartFrom.class, StartFrom.LATEST);
    Map<String, String> kafka = r.textMap(o, "", "kafka_properties");
    int queueCapacity = r.integer(o, "", "queue_capacity", 1000, 1);
    Duration startup = r.duration(o, "", "startup_timeout", Duration.ofSeconds(30));
    Duration shutdown = r.duration(o, "", "shutdown_timeout", Duration.ofSeconds(10));
    Duration stats = r.duration(o, "", "stats_interval", Duration.ofMinutes(1));
    List<TargetConfig> targets = targets(r, o, env, queueCapacity);
    if (!r.problems().isEmpty()) {
      throw new NotifierConfigException(origin, r.problems());
    }
    return new NotifierConfig(topic, groupId, startFrom, kafka, startup, shutdown, stats, targets);
  }

  private static List<TargetConfig> targets(
      ConfigReader r, ObjectNode o, Function<String, String> env, int queueCapacity) {
    List<TargetConfig> targets = new ArrayList<>();
    JsonNode list = o.get("targets");
    if (list == null || list.isNull() || (list.isArray() && list.isEmpty())) {
      r.problem("targets", "missing; give at least one webhook target");
      return targets;
    }
    if (!list.isArray()) {
      r.problem("targets", "must be a list of targets, got " + list);
      return targets;
    }
    TargetConfigParser parser = new TargetConfigParser(r, env);
    Set<String> names = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      String base = "targets[" + i + "]";
      ObjectNode t = r.object(list.get(i), base);
      if (t == null) {
        continue;
      }
      TargetConfig target = parser.parse(t, base, queueCapacity);
      if (target != null && !names.add(target.name())) {
        r.problem(base + " (" + target.name() + ").name", "another target has this name");
      } else if (target != null) {
        targets.add(target);
      }
    }
    return targets;
  }

  private static String orDefault(String value, String fallback) {
    return value == null ? fallback : value;
  }

  /**
   * For {@code --dry-run}: the environment, with a placeholder for every variable that is not set
   * (nothing is sent, so no real URL or secret is needed).
   */
  public static Function<String, String> withPlaceholders(Function<String, String> env) {
    return name -> {
      String value = env.apply(name);
      return value == null || value.isBlank() ? "https://dry-run.invalid/" + name : value;
    };
  }

  /** The target named {@code name}. */
  public TargetConfig target(String name) {
    for (TargetConfig t : targets) {
      if (t.name().equals(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException("no target " + name);
  }
}
