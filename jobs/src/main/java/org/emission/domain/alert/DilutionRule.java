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
 * DILUTION (稀释排放): valid O2 ({@code a19001}) at or above {@code dilutionO2Percent} (near the 21 %
 * of ambient air) for {@code dilutionMinMinutes} while the registry says the outlet operates and
 * the flow is valid and positive — air let into the stack lowers the measured concentration (state
 * of one flue-gas outlet). Closes at the first minute without the condition.
 */
public final class DilutionRule implements Serializable {

  private static final long serialVersionUID = 1L;

  private final AlertSlot slot = new AlertSlot(AlertKind.DILUTION);
  private long lastStart = Long.MIN_VALUE;
  private long runStart = Long.MIN_VALUE;
  private int runMinutes;
  private double peak;

  public boolean isOpen() {
    return slot.isOpen();
  }

  public List<Alert> onMinute(Outlet outlet, MinuteSnapshot s, AlertThresholds t) {
    long start = s.start().toEpochMilli();
    if (start <= lastStart) {
      return List.of();
    }
    lastStart = start;
    PollutantMinute o2 = s.get(PollutantCodes.O2);
    PollutantMinute flow = s.get(PollutantCodes.FLUE_GAS_FLOW);
    boolean diluted =
        outlet.operatingAt(s.start())
            && o2 != null
            && o2.isValid()
            && o2.value() >= t.dilutionO2Percent()
            && flow != null
            && flow.isValid()
            && flow.value() > 0;
    if (!diluted) {
      runStart = Long.MIN_VALUE;
      runMinutes = 0;
      return slot.isOpen() ? List.of(slot.close(s.start(), s.end(), null)) : List.of();
    }
    if (runStart == Long.MIN_VALUE) {
      runStart = start;
      peak = o2.value();
    }
    runMinutes += s.coveredMinutes();
    peak = Math.max(peak, o2.value());
    if (!slot.isOpen() && runMinutes >= t.dilutionMinMinutes()) {
      return List.of(
          slot.openAgainstThreshold(
              outlet,
              PollutantCodes.O2,
              Instant.ofEpochMilli(runStart),
              s.end(),
              peak,
              t.dilutionO2Percent(),
              "dilutionO2Percent",
              String.format(
                  Locale.ROOT,
                  "O2 >= %.1f %% for %d minutes with flow %.3f m3/h while operating",
                  t.dilutionO2Percent(),
                  runMinutes,
                  flow.value())));
    }
    return List.of();
  }
}
