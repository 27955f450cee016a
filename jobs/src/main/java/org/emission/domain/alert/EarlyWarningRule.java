package org.emission.domain.alert;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.emission.domain.Cst;
import org.emission.domain.aggregate.RunningHour;
import org.emission.domain.aggregate.ValidityRules;
import org.emission.domain.cems.PollutantMinute;
import org.emission.domain.registry.Averaging;
import org.emission.domain.registry.LimitInForce;
import org.emission.domain.registry.Outlet;

/**
 * EARLY_WARNING (超标预警) inside the running clock hour (state of one outlet and pollutant).
 *
 * <p>Estimator, after each minute record: with {@code k} the converted valid minutes so far and
 * {@code S} the sum of their converted values (minute value × covered minutes), {@code R} the
 * minutes left in the hour after the latest record, and {@code r} the mean of the most recent
 * {@code earlyWarningRecentMinutes} valid converted minutes, the projected hour mean is
 *
 * <pre>P = (S + R × r) / (k + R)</pre>
 *
 * i.e. the rest of the hour is assumed valid at the recent level. A warning opens when {@code k >=
 * earlyWarningMinValidMinutes} and {@code P > L × earlyWarningFactor} for the hourly limit {@code
 * L} in force; it is UPDATED when P rises, and closes when P falls back to or below {@code L ×
 * factor} or when the hour ends ({@link #onHourEnd}); the hour's value is then judged by {@link
 * ExceedanceRule}.
 */
public final class EarlyWarningRule implements Serializable {

  private static final long serialVersionUID = 1L;

  private final AlertSlot slot = new AlertSlot(AlertKind.EARLY_WARNING);
  private long hourStart = Long.MIN_VALUE;
  private long lastStart = Long.MIN_VALUE;
  // recent valid converted minutes of the hour: value per covered minute, oldest first
  private final ArrayList<Double> recent = new ArrayList<>();

  public boolean isOpen() {
    return slot.isOpen();
  }

  /**
   * Judges the running hour after {@code minute} was added to it.
   *
   * @param hour the running state of the minute's hour ({@code HourState.running()})
   * @param limit the hourly limit in force for that hour, or null
   */
  public List<Alert> onMinute(
      Outlet outlet,
      PollutantMinute minute,
      RunningHour hour,
      LimitInForce limit,
      AlertThresholds t) {
    long start = minute.start().toEpochMilli();
    long minuteHour = Cst.hourStart(start);
    if (minuteHour < hourStart || start <= lastStart) {
      return List.of();
    }
    List<Alert> out = List.of();
    if (minuteHour > hourStart) {
      if (hourStart != Long.MIN_VALUE) {
        out = onHourEnd(Instant.ofEpochMilli(hourStart + Cst.HOUR_MS));
      }
      hourStart = minuteHour;
      recent.clear();
    }
    lastStart = start;
    if (minute.isValid() && minute.converted() != null) {
      for (int i = 0; i < minute.coveredMinutes(); i++) {
        recent.add(minute.converted());
      }
      while (recent.size() > t.earlyWarningRecentMinutes()) {
        recent.remove(0);
      }
    }
    if (limit == null || limit.averaging() != Averaging.HOUR) {
      return out;
    }
    Double projected = project(hour, recent);
    double threshold = limit.limit() * t.earlyWarningFactor();
    boolean warn =
        projected != null
            && hour.convertibleMinutes() >= t.earlyWarningMinValidMinutes()
            && projected > threshold;
    Instant at = minute.end();
    Alert change = null;
    if (warn && !slot.isOpen()) {
      change =
          slot.open(
              outlet,
              minute.pollutant(),
              at,
              at,
              projected,
              limit,
              detail(projected, hour, threshold, limit, t));
    } else if (warn && projected > slot.peak()) {
      change =
          slot.update(at, projected, limit, detail(projected, hour, threshold, limit, t))
              .orElse(null);
    } else if (!warn && slot.isOpen()) {
      change = slot.close(at, at, detail(projected, hour, threshold, limit, t));
    }
    if (change == null) {
      return out;
    }
    List<Alert> all = new ArrayList<>(out);
    all.add(change);
    return all;
  }

  /** The explanation of a projection (formatted only when an alert record needs it). */
  private static String detail(
      Double projected, RunningHour hour, double threshold, LimitInForce limit, AlertThresholds t) {
    return projected == null
        ? null
        : String.format(
            Locale.ROOT,
            "projected hour mean %.3f after %d valid minutes (warn above %.3f = %s limit %s × %s)",
            projected,
            hour.convertibleMinutes(),
            threshold,
            limit.kind().code(),
            limit.value().toPlainString(),
            t.earlyWarningFactor());
  }

  /** Closes an open warning when its hour ends ({@code hourEnd} = the next hour's start). */
  public List<Alert> onHourEnd(Instant hourEnd) {
    if (!slot.isOpen() || hourEnd.toEpochMilli() <= hourStart) {
      return List.of();
    }
    return List.of(slot.close(hourEnd, hourEnd, "hour ended; judged by the hour value"));
  }

  /** {@code P = (S + R × r) / (k + R)}, or null before any converted minute. */
  static Double project(RunningHour hour, List<Double> recent) {
    int k = hour.convertibleMinutes();
    if (k == 0) {
      return null;
    }
    int remaining = Math.max(0, ValidityRules.MINUTES_PER_HOUR - hour.elapsedMinutes());
    double r = recent.isEmpty() ? hour.convertedSum() / k : average(recent);
    return (hour.convertedSum() + remaining * r) / (k + remaining);
  }

  /**
   * The mean of non-empty {@code values}, computed as {@code DoubleStream.average()} does (Kahan
   * compensated summation, then the compensation applied once), so that it equals {@code
   * values.stream().mapToDouble(Double::doubleValue).average()} without building a stream.
   */
  static double average(List<Double> values) {
    double sum = 0;
    double compensation = 0;
    double simpleSum = 0;
    double count = 0;
    for (int i = 0, n = values.size(); i < n; i++) {
      double v = values.get(i);
      count++;
      double tmp = v - compensation;
      double velvel = sum + tmp;
      compensation = (velvel - sum) - tmp;
      sum = velvel;
      simpleSum += v;
    }
    double total = sum - compensation;
    if (Double.isNaN(total) && Double.isInfinite(simpleSum)) {
      total = simpleSum;
    }
    return total / count;
  }
}
