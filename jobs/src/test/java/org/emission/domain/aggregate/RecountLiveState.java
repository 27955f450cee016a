package org.emission.domain.aggregate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.emission.domain.Cst;
import org.emission.domain.cems.PollutantMinute;

/**
 * Test oracle: {@link LiveState} as it was before it kept its trailing window in arrays with
 * prepared sums — the records in a map, summed in full on every minute, and every day of the year
 * added — with rounding done by {@code BigDecimal} itself. {@code LiveStateOracleTest} checks that
 * both give equal results.
 */
final class RecountLiveState {

  /** Length of the trailing window: 60 minutes. */
  public static final int TRAILING_MINUTES = 60;

  private final TreeMap<Long, PollutantMinute> window = new TreeMap<>();
  private long dayStart = Long.MIN_VALUE;
  private int year;
  private final double[] hourMassKg = new double[24];
  private final double[] dayMassKg = new double[366];

  /**
   * Updates the live values with a minute record and the state of its hour (after the minute was
   * added to it); empty for a minute before the current CST day.
   */
  public Optional<LiveValue> onMinute(PollutantMinute m, RunningHour hour) {
    long start = m.start().toEpochMilli();
    rollTo(m.start());
    if (start < dayStart) {
      return Optional.empty();
    }
    window.put(start, m);
    long newestEnd = window.lastEntry().getValue().end().toEpochMilli();
    long windowStart = newestEnd - TRAILING_MINUTES * Cst.MINUTE_MS;
    window.headMap(windowStart - Cst.HOUR_MS, true).clear();

    double sum = 0;
    double convertedSum = 0;
    int valid = 0;
    int convertible = 0;
    for (Map.Entry<Long, PollutantMinute> e :
        window.tailMap(windowStart - Cst.HOUR_MS).entrySet()) {
      PollutantMinute p = e.getValue();
      long from = Math.max(p.start().toEpochMilli(), windowStart);
      long to = Math.min(p.end().toEpochMilli(), newestEnd);
      int inside = (int) Math.max(0, (to - from) / Cst.MINUTE_MS);
      if (inside == 0 || !p.isValid()) {
        continue;
      }
      valid += inside;
      sum += p.value() * inside;
      if (p.converted() != null) {
        convertible += inside;
        convertedSum += p.converted() * inside;
      }
    }

    int hourIndex = (int) ((hour.hourStart().toEpochMilli() - dayStart) / Cst.HOUR_MS);
    double day = hour.massKg();
    for (int i = 0; i < hourMassKg.length; i++) {
      if (i != hourIndex) {
        day += hourMassKg[i];
      }
    }
    LocalDate today = Cst.day(Instant.ofEpochMilli(dayStart));
    double month = day;
    double yearTotal = day;
    for (int d = 0; d < today.getDayOfYear() - 1; d++) {
      yearTotal += dayMassKg[d];
      if (d >= today.withDayOfMonth(1).getDayOfYear() - 1) {
        month += dayMassKg[d];
      }
    }
    return Optional.of(
        new LiveValue(
            m.outletId(),
            m.pollutant(),
            Instant.ofEpochMilli(newestEnd),
            hour.hourStart(),
            hour.validMinutes(),
            RecountHourState.round(hour.mean(), 3),
            RecountHourState.round(hour.convertedMean(), 3),
            valid,
            RecountHourState.round(valid == 0 ? null : sum / valid, 3),
            RecountHourState.round(convertible == 0 ? null : convertedSum / convertible, 3),
            round6(day),
            round6(month),
            round6(yearTotal)));
  }

  /** Records an emitted hour's mass (measured or substituted) if it is of the current day. */
  public void onHour(OutletHour h) {
    rollTo(h.hourStart());
    long start = h.hourStart().toEpochMilli();
    if (start >= dayStart && start < dayStart + Cst.DAY_MS) {
      hourMassKg[(int) ((start - dayStart) / Cst.HOUR_MS)] =
          h.massKg() == null ? 0.0 : h.massKg().doubleValue();
    }
  }

  /**
   * Records an emitted day's mass if it is of the current year. A day is emitted once it is over,
   * so the current day is at least the next one.
   */
  public void onDay(OutletDay d) {
    rollTo(d.dayStart().plusMillis(Cst.DAY_MS));
    if (d.day().getYear() == year && d.dayStart().toEpochMilli() < dayStart) {
      dayMassKg[d.day().getDayOfYear() - 1] = d.massKg() == null ? 0.0 : d.massKg().doubleValue();
    }
  }

  /** Moves the current day forward to the day of {@code t} (never backward). */
  private void rollTo(Instant t) {
    long newDay = Cst.dayStart(t).toEpochMilli();
    if (newDay <= dayStart) {
      return;
    }
    if (dayStart != Long.MIN_VALUE) {
      LocalDate old = Cst.day(Instant.ofEpochMilli(dayStart));
      if (old.getYear() == Cst.day(t).getYear()) {
        // the day's own value replaces this running total when it is emitted
        double total = 0;
        for (double v : hourMassKg) {
          total += v;
        }
        dayMassKg[old.getDayOfYear() - 1] = total;
      }
    }
    int newYear = Cst.day(t).getYear();
    if (newYear != year) {
      java.util.Arrays.fill(dayMassKg, 0.0);
      year = newYear;
    }
    java.util.Arrays.fill(hourMassKg, 0.0);
    dayStart = newDay;
  }

  private static BigDecimal round6(Double v) {
    return RecountHourState.round(v, 6);
  }
}
