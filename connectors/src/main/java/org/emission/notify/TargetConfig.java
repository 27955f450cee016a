package org.emission.notify;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * One webhook target, validated ({@link NotifierConfig#parse}).
 *
 * @param name unique, used in logs and metrics (never the URL: it carries the robot's key)
 * @param type generic, wecom or dingtalk
 * @param url the webhook, resolved from {@code url} or the environment variable {@code url_env}
 * @param urlSource where the URL came from, for messages: {@code url} or {@code env NAME}
 * @param secret DingTalk 加签 secret (from {@code secret_env}), null for unsigned robots
 * @param format robot message type, markdown or text
 * @param language language of the message text
 * @param filter which alert records the target receives
 * @param rateLimit at most so many requests per window; null for none
 * @param retry backoff and attempts per message
 * @param rateLimitedPause how long to hold back after the vendor answered "too many"
 * @param requestTimeout how long one HTTP request may take
 * @param queueCapacity messages waiting for this target before the Kafka consumer pauses
 * @param atMobiles phone numbers to mention (robots)
 * @param atAll whether to mention everyone in the group (robots)
 */
public record TargetConfig(
    String name,
    TargetType type,
    URI url,
    String urlSource,
    String secret,
    MessageFormat format,
    Language language,
    AlertFilter filter,
    RateLimit rateLimit,
    RetryPolicy retry,
    Duration rateLimitedPause,
    Duration requestTimeout,
    int queueCapacity,
    List<String> atMobiles,
    boolean atAll) {

  public TargetConfig {
    atMobiles = List.copyOf(atMobiles);
  }

  /** Without the URL and secret. */
  @Override
  public String toString() {
    return name
        + " ("
        + type.name().toLowerCase(java.util.Locale.ROOT)
        + ", url from "
        + urlSource
        + (secret == null ? "" : ", signed")
        + (rateLimit == null ? "" : ", " + rateLimit)
        + ")";
  }
}
