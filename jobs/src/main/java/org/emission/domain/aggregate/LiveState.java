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
 * <p>The trailing window keeps only what its mean needs, in primitive arrays ordered by start, and
 * is summed in that order each minute as a map of the records would be; the running day, month and
 * year add the same terms in the same order as ever (terms that are exactly zero leave such a sum
 * unchanged and are skipped).
 */
public final class LiveState implements Serializable {

  private static final long serialVersionUID = 2L;

  /** Length of the trailing window: 60 minutes. */
  public static final int TRAILING_MINUTES = 60;

  private final Window window = new Window();
  private long dayStart = Long.MIN_VALUE;
  private int year;
  // day of the year of the current day, and of the first day of its month (1-based)
  private int dayOfYear;
  private int monthFirstDayOfYear;
  private final double[] hourMassKg = new double[24];
  private final double[] dayMassKg = new double[366];
  // the days whose mass is not +0.0
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

    double sum = 0;
    double convertedSum = 0;
    int valid = 0;
    int convertible = 0;
    long[] starts = window.starts;
    long[] ends = window.ends;
    int[] spans = window.spans;
    byte[] flags = window.flags;
    double[] values = window.values;
    double[] converted = window.converted;
    // records starting at or before windowStart − (longest coverage) end before the window
    int first = window.firstStartAfter(windowStart - window.longestCoverMs);
    for (int i = first, end = window.head + window.size; i < end; i++) {
      long from = starts[i];
      long to = ends[i];
      int inside;
      if (from >= windowStart && to <= newestEnd) {
        inside = spans[i];
      } else {
        from = Math.max(from, windowStart);
        to = Math.min(to, newestEnd);
        inside = (int) Math.max(0, (to - from) / Cst.MINUTE_MS);
      }
      int flag = flags[i];
      if (inside == 0 || (flag & Window.VALID) == 0) {
        continue;
      }
      valid += inside;
      sum += values[i] * inside;
      if ((flag & Window.CONVERTIBLE) != 0) {
        convertible += inside;
        convertedSum += converted[i] * inside;
      }
    }

    int hourIndex = (int) ((hour.hourStart().toEpochMilli() - dayStart) / Cst.HOUR_MS);
    double day = hour.massKg();
    for (int i = 0; i < hourMassKg.length; i++) {
      if (i != hourIndex) {
        day += hourMassKg[i];
      }
    }
    // The month and year add this year's earlier days to the day, in order. Days of 0.0 (all of
    // them for a parameter) are skipped: adding 0.0 leaves a sum unchanged unless it is -0.0, and
    // a sum that does not start at -0.0 never becomes -0.0.
    double month = day;
    double yearTotal = day;
    boolean everyDay = isNegativeZero(day);
    if (everyDay || !nonZeroDays.isEmpty()) {
      int monthFrom = monthFirstDayOfYear - 1;
      for (int d = 0; d < dayOfYear - 1; d++) {
        double kg = dayMassKg[d];
        if (everyDay || !isPositiveZero(kg)) {
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

  private static boolean isNegativeZero(double v) {
    return Double.doubleToRawLongBits(v) == Long.MIN_VALUE;
  }

  private static boolean isPositiveZero(double v) {
    return Double.doubleToRawLongBits(v) == 0L;
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
      nonZeroDays.set(index, !isPositiveZero(dayMassKg[index]));
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
        nonZeroDays.set(old.getDayOfYear() - 1, !isPositiveZero(total));
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

  /**
   * The records of the trailing window, ordered by start (one per start: a record with the same
   * start replaces the one held), in arrays from {@code head} for {@code size} entries.
   */
  private static final class Window implements Serializable {
    private static final long serialVersionUID = 1L;

    static final byte VALID = 1;
    static final byte CONVERTIBLE = 2;

    long[] starts = new long[64];
    long[] ends = new long[64];
    // whole minutes from start to end (at least 0): the minutes inside the window of a record
    // that lies within it
    int[] spans = new int[64];
    // VALID: a valid value; CONVERTIBLE: a converted value
    byte[] flags = new byte[64];
    double[] values = new double[64];
    double[] converted = new double[64];
    int head;
    int size;
    // the longest coverage (end − start) of any record put, in ms
    long longestCoverMs;

    /** End of the record with the latest start. */
    long newestEnd() {
      return ends[head + size - 1];
    }

    void put(long start, PollutantMinute m) {
      int end = head + size;
      int at;
      if (size == 0 || start > starts[end - 1]) {
        at = end;
      } else {
        at = Arrays.binarySearch(starts, head, end, start);
        if (at < 0) {
          at = -at - 1;
        } else {
          set(at, start, m);
          return;
        }
      }
      if (end == starts.length) {
        makeRoom();
        at -= head;
        end -= head;
        head = 0;
      }
      if (at < end) {
        shift(at, end);
      }
      size++;
      set(at, start, m);
    }

    /** Index of the first record starting after {@code t} (head + size when none). */
    int firstStartAfter(long t) {
      int low = head;
      int high = head + size;
      while (low < high) {
        int mid = (low + high) >>> 1;
        if (starts[mid] <= t) {
          low = mid + 1;
        } else {
          high = mid;
        }
      }
      return low;
    }

    /** Forgets the records that start at or before {@code cut}. */
    void removeUpTo(long cut) {
      while (size > 0 && starts[head] <= cut) {
        head++;
        size--;
      }
      if (size == 0) {
        head = 0;
      }
    }

    private void set(int i, long start, PollutantMinute m) {
      long end = m.end().toEpochMilli();
      starts[i] = start;
      ends[i] = end;
      spans[i] = (int) Math.max(0, (end - start) / Cst.MINUTE_MS);
      longestCoverMs = Math.max(longestCoverMs, end - start);
      boolean valid = m.isValid();
      boolean hasConverted = m.converted() != null;
      flags[i] = (byte) ((valid ? VALID : 0) | (hasConverted ? CONVERTIBLE : 0));
      values[i] = valid ? m.value() : 0;
      converted[i] = hasConverted ? m.converted() : 0;
    }

    /** Moves the entries to the front, growing the arrays when more than half full. */
    private void makeRoom() {
      int capacity = size * 2 > starts.length ? starts.length * 2 : starts.length;
      starts = moved(starts, capacity);
      ends = moved(ends, capacity);
      spans = moved(spans, capacity);
      flags = moved(flags, capacity);
      values = moved(values, capacity);
      converted = moved(converted, capacity);
    }

    private long[] moved(long[] a, int capacity) {
      long[] b = capacity == a.length ? a : new long[capacity];
      System.arraycopy(a, head, b, 0, size);
      return b;
    }

    private int[] moved(int[] a, int capacity) {
      int[] b = capacity == a.length ? a : new int[capacity];
      System.arraycopy(a, head, b, 0, size);
      return b;
    }

    private byte[] moved(byte[] a, int capacity) {
      byte[] b = capacity == a.length ? a : new byte[capacity];
      System.arraycopy(a, head, b, 0, size);
      return b;
    }

    private double[] moved(double[] a, int capacity) {
      double[] b = capacity == a.length ? a : new double[capacity];
      System.arraycopy(a, head, b, 0, size);
      return b;
    }

    /** Opens a slot at {@code at} by moving {@code [at, end)} one place up. */
    private void shift(int at, int end) {
      int n = end - at;
      System.arraycopy(starts, at, starts, at + 1, n);
      System.arraycopy(ends, at, ends, at + 1, n);
      System.arraycopy(spans, at, spans, at + 1, n);
      System.arraycopy(flags, at, flags, at + 1, n);
      System.arraycopy(values, at, values, at + 1, n);
      System.arraycopy(converted, at, converted, at + 1, n);
    }
  }
}
