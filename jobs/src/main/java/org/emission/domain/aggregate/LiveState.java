package org.emission.domain.aggregate;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Optional;
import org.emission.domain.Cst;
import org.emission.domain.Round;
import org.emission.domain.cems.PollutantMinute;

/**
 * Live running values of one pollutant of one outlet (state; key: outlet, pollutant): the current
 * clock hour's running mean (from its {@link HourState}), the trailing 60-minute mean, and the
 * running day, month and year emission.
 *
 * <p>Emission totals are built from hour and day results, so they are idempotent under duplicate
 * and late data: the day's closed hours ({@link #onHour}) plus the hour in progress, the year's
 * days ({@link #onDay}, the running day for today). A late day value of this year replaces its day.
 * Minutes from before the current CST day produce no live value.
 *
 * <p>Each minute's values are computed with the same floating-point additions in the same order as
 * plain sums over the records, hours and days, so they round to the same values: the trailing
 * window is a {@link TrailingWindow}; the month and year skip the days of 0.0.
 */
public final class LiveState implements Serializable {

  private static final long serialVersionUID = 2L;

  /** Length of the trailing window: 60 minutes. */
  public static final int TRAILING_MINUTES = 60;

  // the records of the trailing window (kept from an hour before it: a record may cover an hour)
  private final TrailingWindow window = new TrailingWindow();
  private long dayStart = Long.MIN_VALUE;
  private int year;
  // day of the year of the current day, and of the first day of its month (1-based)
  private int dayOfYear;
  private int monthFirstDayOfYear;
  private final double[] hourMassKg = new double[24];
  private final double[] dayMassKg = new double[366];
  // the days whose mass is not 0.0
  private final BitSet nonZeroDays = new BitSet(366);

  /**
   * Updates the live values with a minute record and the state of its hour (after the minute was
   * added to it); empty for a minute before the current CST day.
   */
  public Optional<LiveValue> onMinute(PollutantMinute m, RunningHour hour) {
    long start = m.start().toEpochMilli();
    rollTo(start);
    if (start < dayStart) {
      return Optional.empty();
    }
    window.put(start, m);
    long newestEnd = window.newestEnd();
    long windowStart = newestEnd - TRAILING_MINUTES * Cst.MINUTE_MS;
    window.removeUpTo(windowStart - Cst.HOUR_MS);
    window.sum(windowStart, newestEnd);
    int valid = window.valid;
    int convertible = window.convertible;
    double sum = window.sum;
    double convertedSum = window.convertedSum;

    int hourIndex = (int) ((hour.hourStart().toEpochMilli() - dayStart) / Cst.HOUR_MS);
    double day = hour.massKg();
    for (int i = 0; i < hourMassKg.length; i++) {
      if (i != hourIndex) {
        day += hourMassKg[i];
      }
    }
    // The month and year add this year's earlier days to the day, in order, skipping the days of
    // 0.0 (all of them for a parameter): adding 0.0 changes no sum, except -0.0 into 0.0, and
    // both round to the same value.
    double month = day;
    double yearTotal = day;
    if (!nonZeroDays.isEmpty()) {
      int monthFrom = monthFirstDayOfYear - 1;
      for (int d = 0; d < dayOfYear - 1; d++) {
        double kg = dayMassKg[d];
        if (kg != 0) {
          yearTotal += kg;
          if (d >= monthFrom) {
            month += kg;
          }
        }
      }
    }
    return Optional.of(
        new LiveValue(
            m.outletId(),
            m.pollutant(),
            Instant.ofEpochMilli(newestEnd),
            hour.hourStart(),
            hour.validMinutes(),
            Round.value(hour.mean()),
            Round.value(hour.convertedMean()),
            valid,
            valid == 0 ? null : Round.value(sum / valid),
            convertible == 0 ? null : Round.value(convertedSum / convertible),
            Round.mass(day),
            Round.mass(month),
            Round.mass(yearTotal)));
  }

  /** Records an emitted hour's mass (measured or substituted) if it is of the current day. */
  public void onHour(OutletHour h) {
    long start = h.hourStart().toEpochMilli();
    rollTo(start);
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
    rollTo(d.dayStart().toEpochMilli() + Cst.DAY_MS);
    if (d.day().getYear() == year && d.dayStart().toEpochMilli() < dayStart) {
      int index = d.day().getDayOfYear() - 1;
      dayMassKg[index] = d.massKg() == null ? 0.0 : d.massKg().doubleValue();
      nonZeroDays.set(index, dayMassKg[index] != 0);
    }
  }

  /** Moves the current day forward to the day of {@code t} (epoch ms; never backward). */
  private void rollTo(long t) {
    long newDay = Cst.dayStart(t);
    if (newDay <= dayStart) {
      return;
    }
    LocalDate next = Cst.day(Instant.ofEpochMilli(newDay));
    if (dayStart != Long.MIN_VALUE) {
      LocalDate old = Cst.day(Instant.ofEpochMilli(dayStart));
      if (old.getYear() == next.getYear()) {
        // the day's own value replaces this running total when it is emitted
        double total = 0;
        for (double v : hourMassKg) {
          total += v;
        }
        dayMassKg[old.getDayOfYear() - 1] = total;
        nonZeroDays.set(old.getDayOfYear() - 1, total != 0);
      }
    }
    int newYear = next.getYear();
    if (newYear != year) {
      Arrays.fill(dayMassKg, 0.0);
      nonZeroDays.clear();
      year = newYear;
    }
    Arrays.fill(hourMassKg, 0.0);
    dayStart = newDay;
    dayOfYear = next.getDayOfYear();
    monthFirstDayOfYear = next.withDayOfMonth(1).getDayOfYear();
  }
}
