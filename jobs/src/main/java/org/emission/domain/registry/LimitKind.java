package org.emission.domain.registry;

/** The kind of an emission limit (limits.md §1–§8). */
public enum LimitKind {
  /** The sector standard's normal limit (排放标准限值). */
  STANDARD("standard"),
  /** The standard's special emission limit (特别排放限值), in force here from 2023-01-01. */
  SPECIAL("special"),
  /** Ultra-low emission value (超低排放), from each sector's retrofit deadline. */
  ULTRA_LOW("ultra_low"),
  /** The outlet's pollutant discharge permit (排污许可证) concentration limit. */
  PERMIT("permit");

  private final String code;

  LimitKind(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** The kind for a registry cell, or null. */
  public static LimitKind parse(String text) {
    for (LimitKind k : values()) {
      if (k.code.equals(text)) {
        return k;
      }
    }
    return null;
  }
}
