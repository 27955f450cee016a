package org.emission.gateway;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicLong;
import org.emission.hj212.Hj212Commands;
import org.emission.hj212.Hj212Records;

/**
 * Request numbers for the gateway's own commands: QN is {@code yyyyMMddHHmmssSSS} local time (HJ
 * 212-2017 Table 3) and identifies one exchange, so two commands never get the same one: when the
 * clock has not moved on, the next millisecond is taken.
 */
final class QnSource {
  private final Clock clock;
  private final AtomicLong last = new AtomicLong(Long.MIN_VALUE);

  QnSource(Clock clock) {
    this.clock = clock;
  }

  String next() {
    long now = clock.millis();
    long ms = last.accumulateAndGet(now, (prev, t) -> Math.max(t, prev + 1));
    return Hj212Commands.qn(localTime(Instant.ofEpochMilli(ms)));
  }

  /** The current local time of HJ 212 (China Standard Time). */
  LocalDateTime now() {
    return localTime(clock.instant());
  }

  private static LocalDateTime localTime(Instant instant) {
    return LocalDateTime.ofInstant(instant, Hj212Records.CHINA_STANDARD_TIME);
  }
}
