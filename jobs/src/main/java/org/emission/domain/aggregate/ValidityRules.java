package org.emission.domain.aggregate;

/** Minimum valid counts for hour and day values (hj75-validity.md §2, §3). */
public final class ValidityRules {

  public static final int MINUTES_PER_HOUR = 60;
  public static final int HOURS_PER_DAY = 24;
  public static final int MINUTES_PER_DAY = MINUTES_PER_HOUR * HOURS_PER_DAY;

  /**
   * Flue gas: an hour mean needs at least 45 valid minute means (有效分钟), HJ 212-2017 App. D eq. 24
   * (HJ 75-2017 keeps the count). When part of the hour is a stop period (flag F), the stop minutes
   * leave numerator and denominator and the same share applies to the operating minutes: {@code
   * ceil(45 × operating / 60)} (project rule, consistent with the 75 % rule of App. C).
   */
  public static final int FLUE_GAS_MIN_VALID_MINUTES = 45;

  /**
   * Flue gas: a day mean needs at least 20 valid hour means (有效小时), HJ 212-2017 App. D eq. 25; stop
   * hours leave numerator and denominator as for hours: {@code ceil(20 × operating / 24)}.
   */
  public static final int FLUE_GAS_MIN_VALID_HOURS = 20;

  /** Wastewater: an hour needs 1 ≤ m valid minute blocks (HJ 212-2017 App. D.1, 1 ≤ m ≤ 6). */
  public static final int WASTEWATER_MIN_VALID_RECORDS = 1;

  /** Wastewater: a day needs 1 ≤ h valid hours (HJ 212-2017 App. D.1, 1 ≤ h ≤ 24). */
  public static final int WASTEWATER_MIN_VALID_HOURS = 1;

  private ValidityRules() {}

  /** Valid minutes a flue-gas hour with {@code operatingMinutes} non-stop minutes needs. */
  public static int requiredValidMinutes(int operatingMinutes) {
    return ceilShare(FLUE_GAS_MIN_VALID_MINUTES, operatingMinutes, MINUTES_PER_HOUR);
  }

  /** Valid hours a flue-gas day with {@code operatingHours} non-stop hours needs. */
  public static int requiredValidHours(int operatingHours) {
    return ceilShare(FLUE_GAS_MIN_VALID_HOURS, operatingHours, HOURS_PER_DAY);
  }

  private static int ceilShare(int minimum, int operating, int whole) {
    return (minimum * operating + whole - 1) / whole;
  }
}
