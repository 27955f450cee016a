package org.emission.notify;

import java.util.Map;

/**
 * The notifier's counters since start.
 *
 * @param consumed alert records read from Kafka
 * @param malformed records that were not an alert record (logged and skipped)
 * @param pauses times the consumer paused its partitions because a target's queue was full
 * @param targets per target, in configuration order
 */
public record NotifierStats(
    long consumed, long malformed, long pauses, Map<String, TargetStats> targets) {

  @Override
  public String toString() {
    StringBuilder s =
        new StringBuilder("consumed ")
            .append(consumed)
            .append(", malformed ")
            .append(malformed)
            .append(", paused ")
            .append(pauses)
            .append(" times");
    targets.values().forEach(t -> s.append("; ").append(t));
    return s.toString();
  }

  public TargetStats target(String name) {
    TargetStats s = targets.get(name);
    if (s == null) {
      throw new IllegalArgumentException("no target " + name);
    }
    return s;
  }
}
