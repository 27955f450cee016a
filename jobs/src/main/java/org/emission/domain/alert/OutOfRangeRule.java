package org.emission.domain.alert;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import org.emission.domain.DataFlag;
import org.emission.domain.cems.PollutantMinute;
import org.emission.domain.registry.Outlet;

/**
 * OUT_OF_RANGE (超量程): a minute flagged T (above the measuring-range upper limit, HJ 212-2017 Table
 * 8) or with a value above the analyser range configured for the pollutant ({@code analyserRanges})
 * — the value is kept in the means but cannot be trusted (state of one outlet and pollutant).
 * UPDATED when the peak rises; closes at the first minute with a value within range.
 */
public final class OutOfRangeRule implements Serializable {

  private static final long serialVersionUID = 1L;

  private final AlertSlot slot = new AlertSlot(AlertKind.OUT_OF_RANGE);
  private long lastStart = Long.MIN_VALUE;

  public boolean isOpen() {
    return slot.isOpen();
  }

  public List<Alert> onMinute(Outlet outlet, PollutantMinute m, AlertThresholds t) {
    long start = m.start().toEpochMilli();
    if (start <= lastStart) {
      return List.of();
    }
    lastStart = start;
    Double range = t.analyserRanges().get(m.pollutant());
    boolean over =
        m.flag() == DataFlag.T || (range != null && m.value() != null && m.value() > range);
    if (!over) {
      if (slot.isOpen() && m.value() != null) {
        return List.of(slot.close(m.start(), m.end(), null));
      }
      return List.of();
    }
    String detail =
        String.format(
            Locale.ROOT,
            "%s %s flag %s%s",
            m.pollutant(),
            m.value() == null ? "without value" : String.format(Locale.ROOT, "%.3f", m.value()),
            m.flag(),
            range == null ? "" : String.format(Locale.ROOT, ", analyser range %.3f", range));
    if (!slot.isOpen()) {
      return List.of(
          slot.openAgainstThreshold(
              outlet,
              m.pollutant(),
              m.start(),
              m.end(),
              m.value(),
              range,
              "analyserRanges",
              detail));
    }
    Double peak = slot.peak();
    if (m.value() != null && (peak == null || m.value() > peak)) {
      return slot.update(m.end(), m.value(), detail).stream().toList();
    }
    return List.of();
  }
}
