package org.emission.domain.aggregate;

import java.io.Serializable;
import java.time.Instant;
import java.util.Iterator;
import java.util.Locale;
import java.util.TreeMap;
import org.emission.domain.Cst;
import org.emission.domain.Determination;
import org.emission.domain.PollutantCodes;
import org.emission.domain.registry.OutletKind;

/**
 * Emission substitution for invalid hours of one outlet and pollutant (state; key: outlet,
 * pollutant): mass and total-emission accounting only, never a concentration. Table of
 * hj75-validity.md §4 (HJ 75-2017 as implemented by a public platform; S, numbers U), for SO2, NOx
 * and PM of flue gas:
 *
 * <ul>
 *   <li>quarterly capture rate α >= 90 % and N <= 24 consecutive invalid hours: the maximum valid
 *       hourly emission of the {@value #LOOKBACK_SHORT} valid hours before;
 *   <li>α >= 90 % and N > 24: maximum of the {@value #LOOKBACK_MEDIUM} valid hours before;
 *   <li>75 % <= α < 90 %: maximum of the {@value #LOOKBACK_LONG} valid hours before;
 *   <li>α < 75 %: the table gives no rule; the most conservative look-back ({@value
 *       #LOOKBACK_LONG}) is used and the rule text says so.
 * </ul>
 *
 * <p>{@code α = (hours in quarter − stop hours − invalid hours) / (hours in quarter − stop hours)},
 * counted over the quarter's hours up to the judged one (hours never received are invalid). N
 * counts the hours since the last valid hour, including the judged one. Stop hours (unit_stopped)
 * are not substituted: a stopped source emits nothing. Hours of an earlier quarter (very late data)
 * use the {@value #LOOKBACK_LONG}-hour look-back since their α is no longer kept.
 */
public final class SubstitutionLedger implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Look-back for α >= 90 % and N <= 24 (hj75-validity.md §4). */
  public static final int LOOKBACK_SHORT = 180;

  /** Look-back for α >= 90 % and N > 24. */
  public static final int LOOKBACK_MEDIUM = 720;

  /** Look-back for 75 % <= α < 90 % (and, without a rule, below). */
  public static final int LOOKBACK_LONG = 2160;

  /** α threshold of the first two rows. */
  public static final double ALPHA_HIGH = 0.90;

  /** α threshold of the third row. */
  public static final double ALPHA_LOW = 0.75;

  /** N threshold between the first two rows. */
  public static final int SHORT_OUTAGE_HOURS = 24;

  private static final int QUARTER_HOURS = 92 * 24;

  private final TreeMap<Long, Double> validMass = new TreeMap<>();
  private long quarterStart = Long.MIN_VALUE;
  private final long[] validBits = new long[(QUARTER_HOURS + 63) / 64];
  private final long[] stopBits = new long[(QUARTER_HOURS + 63) / 64];

  /** Whether the table applies to this pollutant of this kind of outlet. */
  public static boolean applies(OutletKind kind, String pollutant) {
    return kind == OutletKind.FLUE_GAS && PollutantCodes.SUBSTITUTABLE.contains(pollutant);
  }

  /**
   * Records the hour and returns it, with a substituted mass when its mass is invalid and the table
   * gives one; otherwise unchanged.
   */
  public OutletHour apply(OutletHour h) {
    if (!applies(h.kind(), h.pollutant())) {
      return h;
    }
    long start = h.hourStart().toEpochMilli();
    boolean measured = h.massDetermination() == Determination.MEASURED;
    if (measured) {
      validMass.put(start, h.massKg().doubleValue());
      while (validMass.size() > LOOKBACK_LONG) {
        validMass.pollFirstEntry();
      }
    } else {
      validMass.remove(start);
    }
    Double alpha = recordInQuarter(h.hourStart(), measured, h.isStopped());
    if (measured || h.isStopped() || h.massDetermination() == null) {
      return h;
    }
    Long lastValid = validMass.lowerKey(start);
    long outage = lastValid == null ? Long.MAX_VALUE : (start - lastValid) / Cst.HOUR_MS;
    int lookback;
    if (alpha == null || alpha < ALPHA_HIGH) {
      lookback = LOOKBACK_LONG;
    } else {
      lookback = outage <= SHORT_OUTAGE_HOURS ? LOOKBACK_SHORT : LOOKBACK_MEDIUM;
    }
    Double max = null;
    int seen = 0;
    Iterator<Double> before = validMass.headMap(start, false).descendingMap().values().iterator();
    while (before.hasNext() && seen < lookback) {
      double v = before.next();
      max = max == null ? v : Math.max(max, v);
      seen++;
    }
    if (max == null) {
      return h;
    }
    String rule =
        String.format(
            Locale.ROOT,
            "HJ 75-2017 substitution: alpha=%s, N=%s, max of %d valid hours before%s",
            alpha == null ? "unknown" : String.format(Locale.ROOT, "%.1f%%", alpha * 100),
            outage == Long.MAX_VALUE ? "unknown" : Long.toString(outage),
            lookback,
            alpha != null && alpha < ALPHA_LOW
                ? " (alpha < 75 %: no rule, longest look-back)"
                : "");
    return h.withSubstitutedMass(org.emission.domain.Round.mass(max), rule);
  }

  /** Marks the hour in the quarter's bit sets; returns α up to that hour, or null if unknown. */
  private Double recordInQuarter(Instant hourStart, boolean valid, boolean stop) {
    long q = Cst.quarterStart(hourStart).toEpochMilli();
    if (q < quarterStart) {
      return null;
    }
    if (q > quarterStart) {
      quarterStart = q;
      java.util.Arrays.fill(validBits, 0L);
      java.util.Arrays.fill(stopBits, 0L);
    }
    int index = (int) ((hourStart.toEpochMilli() - quarterStart) / Cst.HOUR_MS);
    set(validBits, index, valid);
    set(stopBits, index, stop);
    int elapsed = index + 1;
    int stops = count(stopBits, elapsed);
    int validHours = count(validBits, elapsed);
    int denominator = elapsed - stops;
    return denominator <= 0 ? 1.0 : (double) validHours / denominator;
  }

  private static void set(long[] bits, int index, boolean on) {
    long mask = 1L << (index & 63);
    if (on) {
      bits[index >> 6] |= mask;
    } else {
      bits[index >> 6] &= ~mask;
    }
  }

  private static int count(long[] bits, int upTo) {
    int n = 0;
    for (int i = 0; i < upTo; i++) {
      if ((bits[i >> 6] & (1L << (i & 63))) != 0) {
        n++;
      }
    }
    return n;
  }

  /** Valid hourly masses held (at most {@value #LOOKBACK_LONG}). */
  public int validHoursHeld() {
    return validMass.size();
  }
}
