package org.emission.gateway;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Latencies in log-spaced buckets (about 9 % wide, 10 µs to 1 h), for p50/p99 without storing
 * samples. Records lock-free; {@link #takeWindow()} returns and clears the counts since the last
 * call, for per-interval figures, while the lifetime counts go on.
 */
final class LatencyHistogram {
  private static final double MIN_MICROS = 10;
  private static final double RATIO = 1.09;
  private static final int BUCKETS = 230;
  private static final double LOG_RATIO = Math.log(RATIO);

  private final AtomicLongArray lifetime = new AtomicLongArray(BUCKETS);
  private final AtomicLongArray window = new AtomicLongArray(BUCKETS);
  private final LongAdder count = new LongAdder();
  private final LongAdder sumNanos = new LongAdder();

  /** Counts of a span of time. */
  record Snapshot(long count, double p50Millis, double p99Millis) {
    static final Snapshot EMPTY = new Snapshot(0, Double.NaN, Double.NaN);
  }

  void record(long nanos) {
    int b = bucket(nanos);
    lifetime.incrementAndGet(b);
    window.incrementAndGet(b);
    count.increment();
    sumNanos.add(nanos);
  }

  long count() {
    return count.sum();
  }

  double sumSeconds() {
    return sumNanos.sum() / 1e9;
  }

  /** Quantiles since the start. */
  Snapshot lifetime() {
    long[] counts = new long[BUCKETS];
    for (int i = 0; i < BUCKETS; i++) {
      counts[i] = lifetime.get(i);
    }
    return snapshot(counts);
  }

  /** Quantiles since the previous call, and starts a new window. */
  Snapshot takeWindow() {
    long[] counts = new long[BUCKETS];
    for (int i = 0; i < BUCKETS; i++) {
      counts[i] = window.getAndSet(i, 0);
    }
    return snapshot(counts);
  }

  private static Snapshot snapshot(long[] counts) {
    long total = 0;
    for (long c : counts) {
      total += c;
    }
    if (total == 0) {
      return Snapshot.EMPTY;
    }
    return new Snapshot(total, quantile(counts, total, 0.5), quantile(counts, total, 0.99));
  }

  /** The upper bound of the bucket holding the quantile, in milliseconds. */
  private static double quantile(long[] counts, long total, double q) {
    long rank = (long) Math.ceil(q * total);
    long seen = 0;
    for (int i = 0; i < counts.length; i++) {
      seen += counts[i];
      if (seen >= rank) {
        return upperMicros(i) / 1000.0;
      }
    }
    return upperMicros(counts.length - 1) / 1000.0;
  }

  static int bucket(long nanos) {
    double micros = nanos / 1000.0;
    if (micros <= MIN_MICROS) {
      return 0;
    }
    int b = (int) Math.ceil(Math.log(micros / MIN_MICROS) / LOG_RATIO);
    return Math.min(b, BUCKETS - 1);
  }

  static double upperMicros(int bucket) {
    return MIN_MICROS * Math.pow(RATIO, bucket);
  }
}
