package org.emission.domain.alert;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.emission.domain.PollutantCodes;
import org.emission.domain.cems.PollutantMinute;
import org.emission.domain.registry.Outlet;

/**
 * ZERO_FLOW_WITH_POLLUTANT (流量为零但有浓度): a valid flow of zero or less while the pollutant reads a
 * valid value above zero, for {@code zeroFlowMinMinutes} — either the flow meter or the analyser is
 * wrong, and the mass computed from them is zero (state of one outlet and pollutant). Closes at the
 * first minute without the condition.
 */
public final class ZeroFlowRule implements Serializable {

  private static final long serialVersionUID = 1L;

  private final AlertSlot slot = new AlertSlot(AlertKind.ZERO_FLOW_WITH_POLLUTANT);
  private long lastStart = Long.MIN_VALUE;
  private long runStart = Long.MIN_VALUE;
  private int runMinutes;
  private double peak;

  public boolean isOpen() {
    return slot.isOpen();
  }

  public List<Alert> onMinute(Outlet outlet, PollutantMinute m, AlertThresholds t) {
    long start = m.start().toEpochMilli();
    if (start <= lastStart || PollutantCodes.isParameter(m.pollutant())) {
      return List.of();
    }
    lastStart = start;
    boolean condition = m.isValid() && m.value() > 0 && m.hasValidFlow() && m.flowM3h() <= 0;
    if (!condition) {
      runStart = Long.MIN_VALUE;
      runMinutes = 0;
      return slot.isOpen() ? List.of(slot.close(m.start(), m.end(), null)) : List.of();
    }
    if (runStart == Long.MIN_VALUE) {
      runStart = start;
      peak = m.value();
    }
    runMinutes += m.coveredMinutes();
    peak = Math.max(peak, m.value());
    if (!slot.isOpen() && runMinutes >= t.zeroFlowMinMinutes()) {
      return List.of(
          slot.openAgainstThreshold(
              outlet,
              m.pollutant(),
              Instant.ofEpochMilli(runStart),
              m.end(),
              peak,
              (double) t.zeroFlowMinMinutes(),
              "zeroFlowMinMinutes",
              String.format(
                  Locale.ROOT,
                  "flow %.3f m3/h with %s up to %.3f for %d minutes",
                  m.flowM3h(),
                  m.pollutant(),
                  peak,
                  runMinutes)));
    }
    return List.of();
  }
}
