package org.emission.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SlidingWindowLimiterTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void noMoreThanMaxInAnyWindow() {
    SlidingWindowLimiter limiter =
        new SlidingWindowLimiter(new RateLimit(20, Duration.ofMinutes(1)));
    long now = 0;
    int sent = 0;
    long[] times = new long[100];
    while (sent < 100) {
      long wait = limiter.delayNanos(now);
      if (wait == 0) {
        limiter.record(now);
        times[sent++] = now;
      } else {
        now += wait;
      }
    }
    for (int i = 20; i < 100; i++) {
      assertThat(times[i] - times[i - 20]).isGreaterThanOrEqualTo(60 * SECOND);
    }
    assertThat(times[19]).isZero();
    assertThat(times[20]).isEqualTo(60 * SECOND);
  }

  @Test
  void waitsOnlyForTheOldestSendToLeaveTheWindow() {
    SlidingWindowLimiter limiter =
        new SlidingWindowLimiter(new RateLimit(2, Duration.ofSeconds(10)));
    limiter.record(0);
    assertThat(limiter.delayNanos(3 * SECOND)).isZero();
    limiter.record(3 * SECOND);
    assertThat(limiter.delayNanos(4 * SECOND)).isEqualTo(6 * SECOND);
    assertThat(limiter.delayNanos(10 * SECOND)).isZero();
  }
}
