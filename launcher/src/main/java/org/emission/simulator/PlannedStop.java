package org.emission.simulator;

/**
 * A clean unit's planned stop: a shut-down ramp, a stop period the logger reports with flag F (HJ
 * 212-2017 Table 8: 停运) and a start-up ramp. Kept under the 24 h after which an operating outlet
 * sending only F is reported as silent, and with O2 below the dilution threshold during the ramps,
 * so that the unit stays clean.
 */
record PlannedStop(long shutdownStart, long stopStart, long startupStart, long runningAgain) {

  static final long SHUTDOWN_RAMP = 40 * CstTime.MINUTE;
  static final long STARTUP_RAMP = 90 * CstTime.MINUTE;

  /** The unit's state at {@code t}: 1 = running, 0 = stopped, in between = ramp load share. */
  double runningShare(long t) {
    if (t < shutdownStart || t >= runningAgain) {
      return 1;
    }
    if (t < stopStart) {
      return 1 - (t - shutdownStart) / (double) (stopStart - shutdownStart);
    }
    if (t < startupStart) {
      return 0;
    }
    return (t - startupStart) / (double) (runningAgain - startupStart);
  }

  boolean starting(long t) {
    return t >= startupStart && t < runningAgain;
  }
}
