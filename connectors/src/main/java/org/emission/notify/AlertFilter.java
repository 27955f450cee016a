package org.emission.notify;

import java.util.Set;
import org.emission.records.AlertEvent;

/**
 * Which alert records a target receives.
 *
 * @param kinds alert kinds (e.g. EXCEEDANCE); empty for all
 * @param minSeverity the least severity sent; records of an unknown severity pass
 * @param lifecycles the state changes sent (e.g. OPENED and CLOSED, not every UPDATED)
 */
public record AlertFilter(Set<String> kinds, AlertSeverity minSeverity, Set<Lifecycle> lifecycles) {

  public AlertFilter {
    kinds = Set.copyOf(kinds);
    lifecycles = Set.copyOf(lifecycles);
  }

  public boolean matches(AlertEvent event) {
    if (!kinds.isEmpty() && !kinds.contains(event.kind())) {
      return false;
    }
    Lifecycle lifecycle = Lifecycle.parse(event.lifecycle());
    if (lifecycle == null || !lifecycles.contains(lifecycle)) {
      return false;
    }
    AlertSeverity severity = AlertSeverity.parse(event.severity());
    return severity == null || severity.compareTo(minSeverity) >= 0;
  }
}
