package org.emission.domain.aggregate;

import java.io.Serializable;
import java.util.Arrays;
import org.emission.domain.Cst;
import org.emission.domain.cems.PollutantMinute;

/**
 * The records of one pollutant's trailing window and the sums behind its means (part of {@link
 * LiveState}): the records ordered by start, one per start (a record with the same start replaces
 * the one held), in primitive arrays from {@code head} for {@code size} entries.
 *
 * <p>{@link #sum} adds, record by record in start order, {@code value × minutes inside the window}
 * of the valid records, as a sum over a map of the records would, so the result is the same double.
 * Floating-point sums depend on their order, so a window that slides cannot drop its oldest terms
 * from a running total; it is summed again. To do that less often, when the window holds only
 * 1-minute records on minute boundaries, one pass also prepares the sums the window will have after
 * it slides by 1 to {@value #AHEAD} − 1 minutes with the same records (each a sum of the records
 * still inside, in the same order); while records are only appended after that, a later window
 * starts from its prepared sum and adds the new records.
 */
final class TrailingWindow implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final byte VALID = 1;
  private static final byte CONVERTIBLE = 2;

  /** Window positions, in minutes from the current one, whose sums one pass prepares. */
  static final int AHEAD = 4;

  private long[] starts = new long[64];
  private long[] ends = new long[64];
  // whole minutes from start to end (at least 0): the minutes inside a window that contains it
  private int[] spans = new int[64];
  // VALID: a valid value; CONVERTIBLE: a converted value
  private byte[] flags = new byte[64];
  private double[] values = new double[64];
  private double[] converted = new double[64];
  private int head;
  private int size;
  // the longest coverage (end − start) of any record put, in ms
  private long longestCoverMs;
  // puts that replaced or inserted a record rather than appending one
  private long edits;

  // the sums of the last call of sum()
  double sum;
  double convertedSum;
  int valid;
  int convertible;

  // the prepared sums of window positions 0..AHEAD-1 minutes after preparedEnd
  private transient double[] aheadSum;
  private transient double[] aheadConvertedSum;
  private transient int[] aheadValid;
  private transient int[] aheadConvertible;
  private transient boolean prepared;
  private transient long preparedEnd;
  private transient long preparedLastStart;
  private transient long preparedEdits;

  boolean isEmpty() {
    return size == 0;
  }

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
      edits++;
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

  /**
   * Sets {@link #sum}, {@link #valid}, {@link #convertedSum} and {@link #convertible} over the
   * window {@code [windowStart, newestEnd)}.
   */
  void sum(long windowStart, long newestEnd) {
    if (prepared && edits == preparedEdits) {
      long ahead = newestEnd - preparedEnd;
      if (ahead >= 0 && ahead % Cst.MINUTE_MS == 0 && ahead / Cst.MINUTE_MS < AHEAD) {
        int j = (int) (ahead / Cst.MINUTE_MS);
        sum = aheadSum[j];
        convertedSum = aheadConvertedSum[j];
        valid = aheadValid[j];
        convertible = aheadConvertible[j];
        // the records appended since, in order (those still held)
        add(firstStartAfter(preparedLastStart), windowStart, newestEnd);
        return;
      }
    }
    // records starting at or before windowStart − (longest coverage) end before the window
    int first = firstStartAfter(windowStart - longestCoverMs);
    if (minuteRecordsOnly(first, windowStart, newestEnd)) {
      prepare(first, windowStart, newestEnd);
    } else {
      prepared = false;
      sum = 0;
      convertedSum = 0;
      valid = 0;
      convertible = 0;
      add(first, windowStart, newestEnd);
    }
  }

  /** Adds the records from index {@code from} on to the sums. */
  private void add(int from, long windowStart, long newestEnd) {
    for (int i = from, end = head + size; i < end; i++) {
      long recordStart = starts[i];
      long recordEnd = ends[i];
      int inside;
      if (recordStart >= windowStart && recordEnd <= newestEnd) {
        inside = spans[i];
      } else {
        long a = Math.max(recordStart, windowStart);
        long b = Math.min(recordEnd, newestEnd);
        inside = (int) Math.max(0, (b - a) / Cst.MINUTE_MS);
      }
      int flag = flags[i];
      if (inside == 0 || (flag & VALID) == 0) {
        continue;
      }
      valid += inside;
      sum += values[i] * inside;
      if ((flag & CONVERTIBLE) != 0) {
        convertible += inside;
        convertedSum += converted[i] * inside;
      }
    }
  }

  /**
   * Whether every record from {@code first} on covers exactly one minute on a minute boundary of
   * the window and ends by its end: then a window that later starts j minutes on (with the same
   * records) has exactly the records starting from its start inside it, one minute each.
   */
  private boolean minuteRecordsOnly(int first, long windowStart, long newestEnd) {
    for (int i = first, end = head + size; i < end; i++) {
      if (ends[i] - starts[i] != Cst.MINUTE_MS
          || (starts[i] - windowStart) % Cst.MINUTE_MS != 0
          || ends[i] > newestEnd) {
        return false;
      }
    }
    return true;
  }

  /**
   * Sums the window and prepares the sums of the next {@value #AHEAD} − 1 window positions in one
   * pass (independent sums, so they add in parallel): position j sums the valid records starting at
   * or after {@code windowStart} + j minutes, in order; a record inside adds its value × 1 minute,
   * i.e. its value.
   */
  private void prepare(int first, long windowStart, long newestEnd) {
    if (aheadSum == null) {
      aheadSum = new double[AHEAD];
      aheadConvertedSum = new double[AHEAD];
      aheadValid = new int[AHEAD];
      aheadConvertible = new int[AHEAD];
    }
    int end = head + size;
    int from0 = firstStartAfter(windowStart - 1);
    int from1 = firstStartAfter(windowStart + Cst.MINUTE_MS - 1);
    int from2 = firstStartAfter(windowStart + 2 * Cst.MINUTE_MS - 1);
    int from3 = firstStartAfter(windowStart + 3 * Cst.MINUTE_MS - 1);
    double sum0 = 0;
    double sum1 = 0;
    double sum2 = 0;
    double sum3 = 0;
    double converted0 = 0;
    double converted1 = 0;
    double converted2 = 0;
    double converted3 = 0;
    int valid0 = 0;
    int convertible0 = 0;
    int[] validBefore = new int[AHEAD];
    int[] convertibleBefore = new int[AHEAD];
    for (int i = from0; i < end; i++) {
      int flag = flags[i];
      if ((flag & VALID) == 0) {
        continue;
      }
      double value = values[i];
      boolean hasConverted = (flag & CONVERTIBLE) != 0;
      double convertedValue = converted[i];
      // positions whose window this record is in: 0, and 1..3 once i reaches their first record
      int in = i >= from3 ? 3 : i >= from2 ? 2 : i >= from1 ? 1 : 0;
      valid0++;
      sum0 += value;
      if (in >= 1) {
        sum1 += value;
        if (in >= 2) {
          sum2 += value;
          if (in >= 3) {
            sum3 += value;
          }
        }
      }
      if (hasConverted) {
        convertible0++;
        converted0 += convertedValue;
        if (in >= 1) {
          converted1 += convertedValue;
          if (in >= 2) {
            converted2 += convertedValue;
            if (in >= 3) {
              converted3 += convertedValue;
            }
          }
        }
      }
      // counts of the records before each later position's first record
      for (int j = in + 1; j < AHEAD; j++) {
        validBefore[j]++;
        if (hasConverted) {
          convertibleBefore[j]++;
        }
      }
    }
    aheadSum[0] = sum0;
    aheadSum[1] = sum1;
    aheadSum[2] = sum2;
    aheadSum[3] = sum3;
    aheadConvertedSum[0] = converted0;
    aheadConvertedSum[1] = converted1;
    aheadConvertedSum[2] = converted2;
    aheadConvertedSum[3] = converted3;
    for (int j = 0; j < AHEAD; j++) {
      aheadValid[j] = valid0 - validBefore[j];
      aheadConvertible[j] = convertible0 - convertibleBefore[j];
    }
    sum = sum0;
    convertedSum = converted0;
    valid = valid0;
    convertible = convertible0;
    prepared = true;
    preparedEnd = newestEnd;
    preparedLastStart = starts[end - 1];
    preparedEdits = edits;
  }

  /** Index of the first record starting after {@code t} (head + size when none). */
  private int firstStartAfter(long t) {
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

  private void set(int i, long start, PollutantMinute m) {
    // m.end() in ms, without an Instant
    long end = Math.addExact(start, Math.multiplyExact(Cst.MINUTE_MS, m.coveredMinutes()));
    starts[i] = start;
    ends[i] = end;
    spans[i] = (int) Math.max(0, (end - start) / Cst.MINUTE_MS);
    longestCoverMs = Math.max(longestCoverMs, end - start);
    boolean isValid = m.isValid();
    boolean hasConverted = m.converted() != null;
    flags[i] = (byte) ((isValid ? VALID : 0) | (hasConverted ? CONVERTIBLE : 0));
    values[i] = isValid ? m.value() : 0;
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
