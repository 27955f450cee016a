package org.emission.notify;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The alert revisions seen lately: the compliance job writes Kafka at least once, so after a
 * restart of the job the same revision of an alert can come twice; a phone should ring once.
 */
final class RecentAlerts {
  private final Map<String, Boolean> seen;

  RecentAlerts(int capacity) {
    this.seen =
        new LinkedHashMap<>(capacity * 2, 0.75f, false) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > capacity;
          }
        };
  }

  /** True the first time {@code alertId} with {@code revision} and {@code lifecycle} is seen. */
  boolean firstTime(String alertId, int revision, String lifecycle) {
    return seen.put(alertId + "#" + revision + "#" + lifecycle, Boolean.TRUE) == null;
  }
}
