package org.emission.notify;

import java.util.ArrayDeque;

/**
 * At most {@code max} sends in any window of {@code windowNanos}: a log of the last sends, so that
 * the limit holds over every window, not only over clock minutes (stricter than the vendors,
 * whichever way they count). Times are {@link System#nanoTime()} values, passed in for tests.
 */
final class SlidingWindowLimiter {
  private final int max;
  private final long windowNanos;
  private final ArrayDeque<Long> sends = new ArrayDeque<>();

  SlidingWindowLimiter(RateLimit limit) {
    this.max = limit.maxMessages();
    this.windowNanos = limit.per().toNanos();
  }

  /** How long to wait from {@code now} before a send may go; 0 when it may go now. */
  synchronized long delayNanos(long now) {
    while (!sends.isEmpty() && now - sends.peekFirst() >= windowNanos) {
      sends.pollFirst();
    }
    return sends.size() < max ? 0 : sends.peekFirst() + windowNanos - now;
  }

  /** Records a send at {@code now}; call only after {@link #delayNanos} returned 0. */
  synchronized void record(long now) {
    sends.addLast(now);
  }
}
