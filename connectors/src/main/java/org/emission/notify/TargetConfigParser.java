package org.emission.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Reads and checks one entry of {@code targets} (see {@link NotifierConfig} for the format). */
final class TargetConfigParser {
  static final List<String> FIELDS =
      List.of(
          "name",
          "type",
          "url",
          "url_env",
          "secret_env",
          "format",
          "language",
          "filter",
          "rate_limit",
          "retry",
          "rate_limited_pause",
          "request_timeout",
          "queue_capacity",
          "at_mobiles",
          "at_all");

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
  private static final Pattern MOBILE = Pattern.compile("\\+?[0-9][0-9-]{4,19}");
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** Both robots: "20条/分钟" (WeCom 91770), "每分钟最多发送20条" (DingTalk custom-robot-access). */
  static final int ROBOT_MESSAGES_PER_MINUTE = 20;

  private final ConfigReader r;
  private final Function<String, String> env;

  TargetConfigParser(ConfigReader reader, Function<String, String> env) {
    this.r = reader;
    this.env = env;
  }

  /** The target, or null when it has problems (recorded in the reader). */
  TargetConfig parse(ObjectNode t, String base, int defaultQueueCapacity) {
    int before = r.problems().size();
    String name = r.text(t, base, "name");
    String path = name == null ? base : base + " (" + name + ")";
    r.onlyFields(t, path, FIELDS);
    if (name == null) {
      r.problem(ConfigReader.at(path, "name"), "missing; every target needs a unique name");
    } else if (!NAME.matcher(name).matches()) {
      r.problem(
          ConfigReader.at(path, "name"),
          "use letters, digits, '.', '_' and '-' (at most 64), got \"" + name + "\"");
    }
    TargetType type = r.choice(t, path, "type", TargetType.class, null);
    if (type == null && !t.has("type")) {
      r.problem(
          ConfigReader.at(path, "type"), "missing; one of " + ConfigReader.names(TargetType.class));
    }
    String[] urlSource = new String[1];
    URI url = url(t, path, urlSource);
    String secret = secret(t, path, type);
    MessageFormat format = r.choice(t, path, "format", MessageFormat.class, MessageFormat.MARKDOWN);
    if (type == TargetType.GENERIC && t.has("format")) {
      r.problem(
          ConfigReader.at(path, "format"),
          "generic targets receive the alert JSON; format applies to wecom and dingtalk");
    }
    Language language = r.choice(t, path, "language", Language.class, Language.ZH);
    AlertFilter filter = filter(t, path, type);
    RateLimit rateLimit = rateLimit(t, path, type);
    RetryPolicy retry = retry(t, path);
    Duration pause =
        r.duration(
            t,
            path,
            "rate_limited_pause",
            type == null ? Duration.ofMinutes(1) : type.defaultRateLimitedPause());
    Duration timeout = r.duration(t, path, "request_timeout", Duration.ofSeconds(10));
    int capacity = r.integer(t, path, "queue_capacity", defaultQueueCapacity, 1);
    List<String> atMobiles = mobiles(t, path, type, format);
    boolean atAll = r.bool(t, path, "at_all", false);
    if (t.has("at_all") && type == TargetType.GENERIC) {
      r.problem(ConfigReader.at(path, "at_all"), "only wecom and dingtalk robots mention people");
    } else if (atAll && type == TargetType.WECOM && format == MessageFormat.MARKDOWN) {
      r.problem(
          ConfigReader.at(path, "at_all"),
          "WeCom markdown messages cannot mention; use \"format\": \"text\"");
    }
    if (r.problems().size() > before) {
      return null;
    }
    return new TargetConfig(
        name,
        type,
        url,
        urlSource[0],
        secret,
        format,
        language,
        filter,
        rateLimit,
        retry,
        pause,
        timeout,
        capacity,
        atMobiles,
        atAll);
  }

  private URI url(ObjectNode t, String path, String[] source) {
    String literal = r.text(t, path, "url");
    String variable = r.text(t, path, "url_env");
    if (literal != null && variable != null) {
      r.problem(ConfigReader.at(path, "url"), "give url or url_env, not both");
      return null;
    }
    if (literal == null && variable == null) {
      r.problem(
          ConfigReader.at(path, "url_env"),
          "missing; name the environment variable holding the webhook URL (or give url)");
      return null;
    }
    String field = literal != null ? "url" : "url_env";
    String value = literal;
    if (variable != null) {
      value = variable(path, field, variable);
      if (value == null) {
        return null;
      }
    }
    source[0] = literal != null ? "url" : "env " + variable;
    URI uri;
    try {
      uri = new URI(value.trim());
    } catch (java.net.URISyntaxException e) {
      uri = null;
    }
    String scheme = uri == null ? null : String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
    if (uri == null
        || uri.getHost() == null
        || !(scheme.equals("http") || scheme.equals("https"))) {
      r.problem(
          ConfigReader.at(path, field),
          variable == null
              ? "must be an absolute http or https URL"
              : "environment variable "
                  + variable
                  + " must hold an absolute http or https URL"
                  + " (its value is not shown: it carries the robot's key)");
      return null;
    }
    return uri;
  }

  private String secret(ObjectNode t, String path, TargetType type) {
    String variable = r.text(t, path, "secret_env");
    if (variable == null) {
      return null;
    }
    if (type != null && type != TargetType.DINGTALK) {
      r.problem(
          ConfigReader.at(path, "secret_env"),
          "only dingtalk robots sign their requests (加签); remove it");
      return null;
    }
    return variable(path, "secret_env", variable);
  }

  private String variable(String path, String field, String variable) {
    if (!ENV_NAME.matcher(variable).matches()) {
      r.problem(
          ConfigReader.at(path, field),
          "must name an environment variable (e.g. DINGTALK_SECRET), got \"" + variable + "\"");
      return null;
    }
    String value = env.apply(variable);
    if (value == null || value.isBlank()) {
      r.problem(ConfigReader.at(path, field), "environment variable " + variable + " is not set");
      return null;
    }
    return value;
  }

  private AlertFilter filter(ObjectNode t, String path, TargetType type) {
    String at = ConfigReader.at(path, "filter");
    ObjectNode f = r.object(t.get("filter"), at);
    Set<Lifecycle> defaultLifecycles =
        type == null ? EnumSet.allOf(Lifecycle.class) : type.defaultLifecycles();
    if (f == null) {
      return new AlertFilter(Set.of(), AlertSeverity.INFO, defaultLifecycles);
    }
    r.onlyFields(f, at, List.of("kinds", "min_severity", "lifecycles"));
    Set<String> kinds = new LinkedHashSet<>();
    List<String> kindList = r.texts(f, at, "kinds");
    if (kindList != null) {
      for (int i = 0; i < kindList.size(); i++) {
        String kind = kindList.get(i).toUpperCase(Locale.ROOT);
        if (AlertKinds.known().contains(kind)) {
          kinds.add(kind);
        } else {
          r.problem(
              ConfigReader.at(at, "kinds") + "[" + i + "]",
              "unknown alert kind \""
                  + kindList.get(i)
                  + "\"; known: "
                  + String.join(", ", AlertKinds.known()));
        }
      }
    }
    AlertSeverity min = r.choice(f, at, "min_severity", AlertSeverity.class, AlertSeverity.INFO);
    Set<Lifecycle> lifecycles = EnumSet.noneOf(Lifecycle.class);
    List<String> lifecycleList = r.texts(f, at, "lifecycles");
    if (lifecycleList == null) {
      lifecycles = defaultLifecycles;
    } else if (lifecycleList.isEmpty()) {
      r.problem(
          ConfigReader.at(at, "lifecycles"),
          "must name at least one of " + ConfigReader.names(Lifecycle.class));
    } else {
      for (int i = 0; i < lifecycleList.size(); i++) {
        Lifecycle l = ConfigReader.constant(Lifecycle.class, lifecycleList.get(i));
        if (l == null) {
          r.problem(
              ConfigReader.at(at, "lifecycles") + "[" + i + "]",
              "must be one of "
                  + ConfigReader.names(Lifecycle.class)
                  + ", got \""
                  + lifecycleList.get(i)
                  + "\"");
        } else {
          lifecycles.add(l);
        }
      }
    }
    return new AlertFilter(kinds, min, lifecycles);
  }

  private RateLimit rateLimit(ObjectNode t, String path, TargetType type) {
    String at = ConfigReader.at(path, "rate_limit");
    ObjectNode l = r.object(t.get("rate_limit"), at);
    if (l == null) {
      return type == null ? null : type.defaultRateLimit();
    }
    r.onlyFields(l, at, List.of("max_messages", "per"));
    if (!l.has("max_messages")) {
      r.problem(ConfigReader.at(at, "max_messages"), "missing; e.g. 20 (with \"per\": \"1m\")");
    }
    int max = r.integer(l, at, "max_messages", 1, 1);
    Duration per = r.duration(l, at, "per", Duration.ofMinutes(1));
    RateLimit limit = new RateLimit(max, per);
    if (type != null && type.isRobot() && perMinute(limit) > ROBOT_MESSAGES_PER_MINUTE) {
      r.problem(
          at,
          limit
              + " is more than a "
              + type.name().toLowerCase(Locale.ROOT)
              + " robot accepts: "
              + ROBOT_MESSAGES_PER_MINUTE
              + " messages per minute (vendor documentation; errcode "
              + (type == TargetType.WECOM
                  ? WeComProtocol.RATE_LIMITED_ERRCODE
                  : DingTalkProtocol.RATE_LIMITED_ERRCODE)
              + " beyond)");
    }
    return limit;
  }

  private static double perMinute(RateLimit limit) {
    return limit.maxMessages() * 60_000.0 / limit.per().toMillis();
  }

  private RetryPolicy retry(ObjectNode t, String path) {
    String at = ConfigReader.at(path, "retry");
    ObjectNode o = r.object(t.get("retry"), at);
    if (o == null) {
      o = t.objectNode();
    }
    r.onlyFields(o, at, List.of("max_attempts", "initial_backoff", "max_backoff", "multiplier"));
    int attempts = r.integer(o, at, "max_attempts", 5, 1);
    Duration initial = r.duration(o, at, "initial_backoff", Duration.ofSeconds(2));
    Duration max = r.duration(o, at, "max_backoff", Duration.ofMinutes(1));
    double multiplier = r.decimal(o, at, "multiplier", 2.0, 1.0);
    if (max.compareTo(initial) < 0) {
      r.problem(
          ConfigReader.at(at, "max_backoff"),
          "must not be shorter than initial_backoff ("
              + DurationText.format(initial)
              + "), got "
              + DurationText.format(max));
    }
    return new RetryPolicy(attempts, initial, max, multiplier);
  }

  private List<String> mobiles(ObjectNode t, String path, TargetType type, MessageFormat format) {
    String at = ConfigReader.at(path, "at_mobiles");
    List<String> mobiles = r.texts(t, path, "at_mobiles");
    if (mobiles == null || mobiles.isEmpty()) {
      return List.of();
    }
    if (type == TargetType.GENERIC) {
      r.problem(at, "only wecom and dingtalk robots mention people");
      return List.of();
    }
    if (type == TargetType.WECOM && format == MessageFormat.MARKDOWN) {
      r.problem(
          at, "WeCom markdown messages cannot mention by phone number; use \"format\": \"text\"");
    }
    for (int i = 0; i < mobiles.size(); i++) {
      if (!MOBILE.matcher(mobiles.get(i)).matches()) {
        r.problem(at + "[" + i + "]", "not a phone number: \"" + mobiles.get(i) + "\"");
      }
    }
    return mobiles;
  }
}
