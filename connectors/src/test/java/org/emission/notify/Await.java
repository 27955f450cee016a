package org.emission.notify;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls a condition until it holds or a deadline passes. */
final class Await {
  private Await() {}

  static void until(String what, Duration timeout, BooleanSupplier condition) {
    until(what, timeout, condition, () -> "");
  }

  /** As {@link #until(String, Duration, BooleanSupplier)}, telling {@code state} on failure. */
  static void until(
      String what, Duration timeout, BooleanSupplier condition, Supplier<Object> state) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "not within " + timeout.toMillis() + " ms: " + what + "; state: " + state.get());
      }
      sleep(20);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted");
    }
  }
}
