package org.emission.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Deterministic rounding of computed doubles for output records (HALF_UP on the shortest decimal
 * representation of the double, so equal doubles always print equally).
 */
public final class Round {

  /** Concentrations, flows, volumes and percentages: 3 decimals. */
  public static final int VALUE_SCALE = 3;

  /** Masses in kg: 6 decimals (gram resolution would lose mercury, 0.03 kg/h at a power unit). */
  public static final int MASS_SCALE = 6;

  private Round() {}

  /** {@code value} to {@link #VALUE_SCALE} decimals HALF_UP, or null. */
  public static BigDecimal value(Double value) {
    return of(value, VALUE_SCALE);
  }

  /** {@code value} to {@link #MASS_SCALE} decimals HALF_UP, or null. */
  public static BigDecimal mass(Double value) {
    return of(value, MASS_SCALE);
  }

  public static BigDecimal of(Double value, int scale) {
    if (value == null || value.isNaN() || value.isInfinite()) {
      return null;
    }
    return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP);
  }
}
