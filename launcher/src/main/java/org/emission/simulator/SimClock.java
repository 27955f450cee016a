package org.emission.simulator;

/**
 * Simulated time running {@code speed} times faster than real time from a start instant: at speed
 * 60 a simulated hour takes a real minute. Network timeouts stay in real time.
 */
final class SimClock {

  private final long simStart;
  private final long realStartNanos;
  private final double speed;

  SimClock(long simStart, double speed) {
    if (!(speed > 0)) {
      throw new IllegalArgumentException("speed must be > 0");
    }
    this.simStart = simStart;
    this.realStartNanos = System.nanoTime();
    this.speed = speed;
  }

  long start() {
    return simStart;
  }

  /** The simulated time now (epoch ms). */
  long now() {
    return simStart + (long) ((System.nanoTime() - realStartNanos) * speed / 1_000_000);
  }

  /** Real milliseconds until the simulated time {@code t}; 0 or less when it has passed. */
  long realMillisUntil(long t) {
    return (long) Math.ceil((t - now()) / speed);
  }
}
