package org.emission.notify;

import java.time.Duration;

/**
 * At most {@code maxMessages} requests to one target in any window of {@code per} (every attempt
 * counts, retries included, as the vendors count requests).
 */
public record RateLimit(int maxMessages, Duration per) {
  @Override
  public String toString() {
    return maxMessages + " per " + DurationText.format(per);
  }
}
