package org.emission.domain.alert;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.emission.domain.PollutantCodes;
import org.emission.domain.cems.MinuteSnapshot;
import org.emission.domain.cems.PollutantMinute;
import org.emission.domain.registry.Outlet;

/**
 * STOPPED_BUT_EMITTING (停产仍排放): the registry records the outlet as stopped or decommissioned (from
 * {@code status_since}), yet its minutes show a valid positive flow together with a valid positive
 * pollutant value, for {@code stoppedEmittingMinMinutes} (state of one outlet; peak = flow in
 * m3/h). Closes at the first minute without the condition.
 */
public final class StoppedButEmittingRule implements Serializable {

  private static final long serialVersionUID = 1L;

  private final AlertSlot slot = new AlertSlot(AlertKind.STOPPED_BUT_EMITTING);
  private long lastStart = Long.MIN_VALUE;
  private long runStart = Long.MIN_VALUE;
  private int runMinutes;
  private double peakFlow;

  public boolean isOpen() {
    return slot.isOpen();
  }

  public List<Alert> onMinute(Outlet outlet, MinuteSnapshot s, AlertThresholds t) {
    long start = s.start().toEpochMilli();
    if (start <= lastStart) {
      return List.of();
    }
    lastStart = start;
    Double flow = null;
    boolean pollutant = false;
    boolean stopped = !outlet.operatingAt(s.start());
    if (stopped) {
      // the record's values matter only while the registry says stopped
      for (PollutantMinute p : s.pollutants().values()) {
        if (flow == null && p.hasValidFlow()) {
          flow = p.flowM3h();
        }
        if (!PollutantCodes.isParameter(p.pollutant()) && p.isValid() && p.value() > 0) {
          pollutant = true;
        }
      }
    }
    boolean emitting = stopped && flow != null && flow > 0 && pollutant;
    if (!emitting) {
      runStart = Long.MIN_VALUE;
      runMinutes = 0;
      return slot.isOpen() ? List.of(slot.close(s.start(), s.end(), null)) : List.of();
    }
    if (runStart == Long.MIN_VALUE) {
      runStart = start;
      peakFlow = flow;
    }
    runMinutes += s.coveredMinutes();
    peakFlow = Math.max(peakFlow, flow);
    if (!slot.isOpen() && runMinutes >= t.stoppedEmittingMinMinutes()) {
      return List.of(
          slot.openAgainstThreshold(
              outlet,
              null,
              Instant.ofEpochMilli(runStart),
              s.end(),
              peakFlow,
              (double) t.stoppedEmittingMinMinutes(),
              "stoppedEmittingMinMinutes",
              String.format(
                  Locale.ROOT,
                  "registry status %s since %s, but flow %.3f m3/h with pollutant values for %d minutes",
                  outlet.status().code(),
                  outlet.statusSince(),
                  peakFlow,
                  runMinutes)));
    }
    return List.of();
  }
}
