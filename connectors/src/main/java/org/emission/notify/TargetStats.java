package org.emission.notify;

/**
 * The counters of one target since start.
 *
 * @param sent messages the target accepted
 * @param failed attempts that failed (HTTP error, errcode != 0, no answer)
 * @param retried attempts made again after a failure
 * @param dropped messages given up after the last attempt
 * @param rateLimited answers saying "too many" (errcode 45009 / 130101, HTTP 429), among failed
 * @param skipped alert records the target's filter left out
 * @param queued messages waiting now
 */
public record TargetStats(
    String target,
    long sent,
    long failed,
    long retried,
    long dropped,
    long rateLimited,
    long skipped,
    int queued) {

  @Override
  public String toString() {
    return target
        + ": sent "
        + sent
        + ", failed "
        + failed
        + ", retried "
        + retried
        + ", dropped "
        + dropped
        + " (rate-limited "
        + rateLimited
        + ", filtered out "
        + skipped
        + ", queued "
        + queued
        + ")";
  }
}
