package org.emission.notify;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/** The kinds of webhook target, with the defaults their vendors' limits call for. */
public enum TargetType {
  /** Any HTTP endpoint: the alert record's JSON plus a {@code text} field; 2xx is success. */
  GENERIC(null, Duration.ofMinutes(1), EnumSet.allOf(Lifecycle.class)),
  /**
   * WeCom group robot (企业微信群机器人): "每个机器人发送的消息不能超过20条/分钟"
   * (https://developer.work.weixin.qq.com/document/path/91770); errcode 45009 when over the limit.
   */
  WECOM(
      new RateLimit(20, Duration.ofMinutes(1)),
      Duration.ofMinutes(1),
      EnumSet.of(Lifecycle.OPENED, Lifecycle.CLOSED)),
  /**
   * DingTalk custom robot (钉钉自定义机器人): "每个机器人每分钟最多发送20条消息到群里，如果超过20条，会限流10分钟"
   * (https://open.dingtalk.com/document/robots/custom-robot-access); errcode 130101 when over it.
   */
  DINGTALK(
      new RateLimit(20, Duration.ofMinutes(1)),
      Duration.ofMinutes(10),
      EnumSet.of(Lifecycle.OPENED, Lifecycle.CLOSED));

  private final RateLimit defaultRateLimit;
  private final Duration defaultRateLimitedPause;
  private final Set<Lifecycle> defaultLifecycles;

  TargetType(
      RateLimit defaultRateLimit, Duration defaultRateLimitedPause, Set<Lifecycle> lifecycles) {
    this.defaultRateLimit = defaultRateLimit;
    this.defaultRateLimitedPause = defaultRateLimitedPause;
    this.defaultLifecycles = lifecycles;
  }

  /** The vendor's documented limit; null (none) for generic webhooks. */
  public RateLimit defaultRateLimit() {
    return defaultRateLimit;
  }

  /** How long to hold back after the vendor answered "too many" (DingTalk: 10 minutes). */
  public Duration defaultRateLimitedPause() {
    return defaultRateLimitedPause;
  }

  /** Robots tell a group when an alert opens and closes, not at every peak change. */
  public Set<Lifecycle> defaultLifecycles() {
    return EnumSet.copyOf(defaultLifecycles);
  }

  /** Whether the target is a group robot reading human text (WeCom or DingTalk). */
  public boolean isRobot() {
    return this != GENERIC;
  }
}
