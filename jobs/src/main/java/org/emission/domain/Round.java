package org.emission.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Deterministic rounding of computed doubles for output records (HALF_UP on the shortest decimal
 * representation of the double, so equal doubles always print equally).
 *
 * <p>The result is always that of {@code BigDecimal.valueOf(value).setScale(scale, HALF_UP)}.
 * Building it that way formats the double as text first, which is slow on paths that round every
 * minute (live values), so {@link #of(double, int)} takes a shortcut when it cannot change the
 * result: the decimal text of a double lies within half an ulp of it, so when {@code value ×
 * 10^scale} is clearly away from a rounding boundary ({@code n + 0.5}), the text rounds to the same
 * nearest integer {@code n}, and the result is {@code n × 10^-scale}. Values near a boundary, large
 * values and other scales take the BigDecimal way.
 */
public final class Round {

  /** Concentrations, flows, volumes and percentages: 3 decimals. */
  public static final int VALUE_SCALE = 3;

  /** Masses in kg: 6 decimals (gram resolution would lose mercury, 0.03 kg/h at a power unit). */
  public static final int MASS_SCALE = 6;

  /** Exact powers of ten for the shortcut. */
  private static final double[] POWERS = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};

  /** Above this magnitude of {@code value × 10^scale} the shortcut is not used (2^50). */
  private static final double SHORTCUT_LIMIT = 0x1p50;

  /**
   * Relative distance from a rounding boundary the shortcut needs: 2^-48, far above the error of
   * the decimal text (2^-53 relative) and of the scaling multiplication (2^-53 relative).
   */
  private static final double SHORTCUT_MARGIN = 0x1p-48;

  private Round() {}

  /** {@code value} to {@link #VALUE_SCALE} decimals HALF_UP, or null. */
  public static BigDecimal value(Double value) {
    return of(value, VALUE_SCALE);
  }

  /** {@link #value(Double)} of a primitive (no boxing). */
  public static BigDecimal value(double value) {
    return of(value, VALUE_SCALE);
  }

  /** {@code value} to {@link #MASS_SCALE} decimals HALF_UP, or null. */
  public static BigDecimal mass(Double value) {
    return of(value, MASS_SCALE);
  }

  /** {@link #mass(Double)} of a primitive (no boxing). */
  public static BigDecimal mass(double value) {
    return of(value, MASS_SCALE);
  }

  public static BigDecimal of(Double value, int scale) {
    return value == null ? null : of(value.doubleValue(), scale);
  }

  /** {@code value} to {@code scale} decimals HALF_UP, or null when NaN or infinite. */
  public static BigDecimal of(double value, int scale) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return null;
    }
    if (scale >= 0 && scale < POWERS.length) {
      double scaled = value * POWERS[scale];
      double magnitude = Math.abs(scaled);
      if (magnitude < SHORTCUT_LIMIT) {
        double floor = Math.floor(scaled);
        double fraction = scaled - floor;
        if (Math.abs(fraction - 0.5) > magnitude * SHORTCUT_MARGIN) {
          long nearest = (long) floor + (fraction > 0.5 ? 1 : 0);
          return BigDecimal.valueOf(nearest, scale);
        }
      }
    }
    return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP);
  }
}
