package org.emission.simulator;

/**
 * Fixed-scale decimals as HJ 212 sends them (N14.2 style, HJ 212-2017 §6.3.3.2.2): a value is held
 * as scaled units ({@code round(v × 10^scale)}), so that the text sent and the number the logger
 * averages are the same value the receiver parses.
 */
final class Decimals {

  private static final double[] POW = {1, 10, 100, 1_000, 10_000, 100_000};

  private Decimals() {}

  /** {@code v} in units of {@code 10^-scale}, rounded half away from zero. */
  static long units(double v, int scale) {
    return Math.round(v * POW[scale]);
  }

  /** The value of scaled units. */
  static double value(long units, int scale) {
    return units / POW[scale];
  }

  /** {@code v} rounded to {@code scale} decimals. */
  static double round(double v, int scale) {
    return value(units(v, scale), scale);
  }

  /** Text of scaled units, e.g. (1234, 2) -> "12.34", (-5, 3) -> "-0.005". */
  static String text(long units, int scale) {
    if (scale == 0) {
      return Long.toString(units);
    }
    boolean negative = units < 0;
    String digits = Long.toString(Math.abs(units));
    StringBuilder sb = new StringBuilder(digits.length() + 3);
    if (negative) {
      sb.append('-');
    }
    int intDigits = digits.length() - scale;
    if (intDigits <= 0) {
      sb.append("0.");
      for (int i = intDigits; i < 0; i++) {
        sb.append('0');
      }
      sb.append(digits);
    } else {
      sb.append(digits, 0, intDigits).append('.').append(digits, intDigits, digits.length());
    }
    return sb.toString();
  }

  /** Text of {@code v} rounded to {@code scale} decimals. */
  static String text(double v, int scale) {
    return text(units(v, scale), scale);
  }
}
