package org.emission.domain.alert;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.emission.domain.aggregate.OutletHour;
import org.emission.domain.registry.Outlet;

/**
 * LOGGER_HOUR_MISMATCH: the logger's own 2061 hourly {@code -Avg} (and {@code -ZsAvg} when both are
 * present) differs from the hour this job computed from the same logger's minutes by more than
 * {@code max(loggerMismatchAbsolute, loggerMismatchRelative × |computed|)} — the logger either
 * averages differently or reports hours it did not measure (state of one outlet and pollutant).
 * Judged on hours with a computed dry mean and a logger value; consecutive mismatching hours form
 * one episode (UPDATED with the largest difference); the first matching hour closes it.
 */
public final class LoggerMismatchRule implements Serializable {

  private static final long serialVersionUID = 1L;

  private final AlertSlot slot = new AlertSlot(AlertKind.LOGGER_HOUR_MISMATCH);
  private long lastHour = Long.MIN_VALUE;

  public boolean isOpen() {
    return slot.isOpen();
  }

  public List<Alert> onHour(Outlet outlet, OutletHour h, AlertThresholds t) {
    long start = h.hourStart().toEpochMilli();
    if (start < lastHour || h.loggerAvg() == null || h.concentration() == null) {
      return List.of();
    }
    lastHour = start;
    double difference = difference(h.loggerAvg(), h.concentration());
    double tolerance = tolerance(h.concentration(), t);
    boolean mismatch = difference > tolerance;
    double worst = difference;
    if (h.loggerZsAvg() != null && h.convertedConcentration() != null) {
      double zs = difference(h.loggerZsAvg(), h.convertedConcentration());
      mismatch |= zs > tolerance(h.convertedConcentration(), t);
      worst = Math.max(worst, zs);
    }
    String detail =
        String.format(
            Locale.ROOT,
            "%s logger Avg %s vs computed %s (tolerance %.3f)%s",
            h.pollutant(),
            h.loggerAvg().toPlainString(),
            h.concentration().toPlainString(),
            tolerance,
            h.loggerZsAvg() == null || h.convertedConcentration() == null
                ? ""
                : ", ZsAvg "
                    + h.loggerZsAvg().toPlainString()
                    + " vs "
                    + h.convertedConcentration().toPlainString());
    if (mismatch && !slot.isOpen()) {
      return List.of(
          slot.openAgainstThreshold(
              outlet,
              h.pollutant(),
              h.hourStart(),
              h.hourEnd(),
              worst,
              tolerance,
              "loggerMismatch",
              detail));
    }
    if (mismatch && worst > slot.peak()) {
      return slot.update(h.hourEnd(), worst, detail).stream().toList();
    }
    if (!mismatch && slot.isOpen()) {
      return List.of(slot.close(h.hourStart(), h.hourEnd(), detail));
    }
    return List.of();
  }

  private static double difference(BigDecimal logger, BigDecimal computed) {
    return Math.abs(logger.doubleValue() - computed.doubleValue());
  }

  private static double tolerance(BigDecimal computed, AlertThresholds t) {
    return Math.max(
        t.loggerMismatchAbsolute(), t.loggerMismatchRelative() * Math.abs(computed.doubleValue()));
  }
}
