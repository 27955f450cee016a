package org.emission.simulator;

/**
 * Simulated time running {@code speed} times faster than real time from a start instant: at speed
 * 60 a simulated hour takes a real minute. With {@code realTimeFromNow}, a clock started in the
 * past runs fast only until it has caught up with the real time, then with it, so that it never
 * runs ahead of now. Network timeouts stay in real time.
 */
final class SimClock {

  private final long simStart;
  private final long realStartNanos;
  private final double speed;
  private final boolean realTimeFromNow;

  SimClock(long simStart, double speed, boolean realTimeFromNow) {
    if (!(speed > 0)) {
      throw new IllegalArgumentException("speed must be > 0");
    }
    this.simStart = simStart;
    this.realStartNanos = System.nanoTime();
    this.speed = speed;
    this.realTimeFromNow = realTimeFromNow;
  }

  long start() {
    return simStart;
  }

  /** The simulated time now (epoch ms). */
  long now() {
    long fast = fast();
    return realTimeFromNow ? Math.min(fast, System.currentTimeMillis()) : fast;
  }

  private long fast() {
    return simStart + (long) ((System.nanoTime() - realStartNanos) * speed / 1_000_000);
  }

  /** Real milliseconds until the simulated time {@code t}; 0 or less when it has passed. */
  long realMillisUntil(long t) {
    long untilFast = (long) Math.ceil((t - fast()) / speed);
    return realTimeFromNow ? Math.max(untilFast, t - System.currentTimeMillis()) : untilFast;
  }
}
