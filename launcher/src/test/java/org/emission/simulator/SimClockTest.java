package org.emission.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SimClockTest {

  @Test
  void aClockStartedInThePastCatchesUpAndThenNeverRunsAhead() throws Exception {
    long start = System.currentTimeMillis() - 60_000;
    SimClock clock = new SimClock(start, 600_000, true);
    // a minute behind at 600,000x: caught up within a fraction of a millisecond of real time
    Thread.sleep(20);
    for (int i = 0; i < 50; i++) {
      long before = System.currentTimeMillis();
      long now = clock.now();
      long after = System.currentTimeMillis();
      assertThat(now).isBetween(before, after);
      // a moment in the future is as far away in real time as on the wall clock
      assertThat(clock.realMillisUntil(after + 60_000)).isGreaterThanOrEqualTo(59_000);
      Thread.sleep(1);
    }
  }

  @Test
  void withoutRealTimeFromNowItKeepsRunningFast() throws Exception {
    long start = System.currentTimeMillis();
    SimClock clock = new SimClock(start, 3600, false);
    Thread.sleep(20);
    // 20 ms of real time are more than a simulated minute
    assertThat(clock.now()).isGreaterThan(System.currentTimeMillis() + 60_000);
  }
}
