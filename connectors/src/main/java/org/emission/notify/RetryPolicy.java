package org.emission.notify;

import java.time.Duration;

/**
 * Exponential backoff: attempt {@code n} (from 1) that failed waits {@code initialBackoff ×
 * multiplier^(n-1)}, at most {@code maxBackoff}, before attempt {@code n + 1}; after {@code
 * maxAttempts} failed attempts the message is dropped (logged and counted).
 */
public record RetryPolicy(
    int maxAttempts, Duration initialBackoff, Duration maxBackoff, double multiplier) {

  /** The wait after failed attempt {@code attempt} (1-based). */
  public Duration backoff(int attempt) {
    double millis = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 1));
    if (Double.isInfinite(millis) || millis >= maxBackoff.toMillis()) {
      return maxBackoff;
    }
    return Duration.ofMillis(Math.round(millis));
  }
}
