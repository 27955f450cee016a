package org.emission.domain.alert;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import org.emission.domain.aggregate.OutletDay;
import org.emission.domain.registry.Outlet;

/**
 * LOW_TRANSMISSION_RATE (传输有效率低): a CST day whose transmission-validity rate — valid minutes
 * received / expected minutes, expected = 1440 − stop minutes ({@link
 * OutletDay#transmissionPercent()}) — is below {@code minTransmissionPercent} (state of one outlet
 * and pollutant). Consecutive low days form one episode (UPDATED with the lowest rate); the first
 * day at or above the threshold closes it. A revision of the latest judged day is judged again;
 * older days are ignored.
 */
public final class TransmissionRateRule implements Serializable {

  private static final long serialVersionUID = 1L;

  private final AlertSlot slot = new AlertSlot(AlertKind.LOW_TRANSMISSION_RATE);
  private long lastDay = Long.MIN_VALUE;

  public boolean isOpen() {
    return slot.isOpen();
  }

  public List<Alert> onDay(Outlet outlet, OutletDay day, AlertThresholds t) {
    long d = day.dayStart().toEpochMilli();
    if (day.transmissionPercent() == null || d < lastDay) {
      return List.of();
    }
    lastDay = d;
    double rate = day.transmissionPercent().doubleValue();
    String detail =
        String.format(
            Locale.ROOT,
            "%s: %d valid of %d expected minutes = %.3f %%",
            day.day(),
            day.validMinutes(),
            day.expectedMinutes(),
            rate);
    boolean low = rate < t.minTransmissionPercent();
    if (low && !slot.isOpen()) {
      return List.of(
          slot.openAgainstThreshold(
              outlet,
              day.pollutant(),
              day.dayStart(),
              day.dayStart().plusSeconds(86_400),
              rate,
              t.minTransmissionPercent(),
              "minTransmissionPercent",
              detail));
    }
    if (low && rate < slot.peak()) {
      return slot.update(day.dayStart().plusSeconds(86_400), rate, detail).stream().toList();
    }
    if (!low && slot.isOpen()) {
      return List.of(slot.close(day.dayStart(), day.dayStart().plusSeconds(86_400), detail));
    }
    return List.of();
  }
}
