package org.emission.domain.alert;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.emission.domain.cems.PollutantMinute;
import org.emission.domain.registry.Outlet;

/**
 * FLAT_LINE (数据恒值): a pollutant's valid minute values unchanged — within {@code flatLineTolerance}
 * of the first value of the run — for {@code flatLineHours} of operating minutes: real analysers
 * always show noise, so a constant signal suggests a frozen or faked value (state of one outlet and
 * pollutant). Stop (F) and invalid minutes neither extend nor break a run. The alert starts at the
 * run's start and closes at the first different valid value.
 */
public final class FlatLineRule implements Serializable {

  private static final long serialVersionUID = 1L;

  private final AlertSlot slot = new AlertSlot(AlertKind.FLAT_LINE);
  private long lastStart = Long.MIN_VALUE;
  private Double reference;
  private long runStart;
  private int runMinutes;

  public boolean isOpen() {
    return slot.isOpen();
  }

  public List<Alert> onMinute(Outlet outlet, PollutantMinute m, AlertThresholds t) {
    long start = m.start().toEpochMilli();
    if (start <= lastStart || !m.isValid()) {
      return List.of();
    }
    lastStart = start;
    if (reference != null && Math.abs(m.value() - reference) <= t.flatLineTolerance()) {
      runMinutes += m.coveredMinutes();
      if (!slot.isOpen() && runMinutes >= t.flatLineHours() * 60) {
        return List.of(
            slot.openAgainstThreshold(
                outlet,
                m.pollutant(),
                Instant.ofEpochMilli(runStart),
                m.end(),
                reference,
                (double) t.flatLineHours(),
                "flatLineHours",
                String.format(
                    Locale.ROOT,
                    "value %.3f unchanged for %d operating minutes",
                    reference,
                    runMinutes)));
      }
      return List.of();
    }
    reference = m.value();
    runStart = start;
    runMinutes = m.coveredMinutes();
    if (slot.isOpen()) {
      return List.of(slot.close(m.start(), m.end(), null));
    }
    return List.of();
  }
}
