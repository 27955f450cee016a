package org.emission.domain.registry;

/**
 * The averaging period a limit is judged on: flue gas on the hourly mean converted concentration,
 * wastewater and standards with daily limits on the daily mean (hj75-validity.md §6).
 */
public enum Averaging {
  HOUR("hour"),
  DAY("day");

  private final String code;

  Averaging(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** The averaging for a registry cell, or null. */
  public static Averaging parse(String text) {
    for (Averaging a : values()) {
      if (a.code.equals(text)) {
        return a;
      }
    }
    return null;
  }
}
