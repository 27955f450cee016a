package org.emission.hj212;

import java.util.Objects;

/**
 * One {@code name=value} field of the CP data area (数据区), value kept as the text sent (HJ 212-2017
 * §6.3.3.1).
 *
 * <p>Pollutant and device fields are named {@code <code>-<kind>} (HJ 212-2017 Table 4), e.g. {@code
 * a21026-Avg} or {@code SB1-RS}; {@link #code()} and {@link #kind()} split at the last '-'.
 *
 * @param name field name as sent (case-sensitive)
 * @param value value text as sent, never null (may be empty)
 */
public record Hj212Field(String name, String value) {

  public Hj212Field {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }

  /** The part before the last '-', e.g. "a21026"; null when the name has no such part. */
  public String code() {
    int dash = dash(name);
    return dash < 0 ? null : name.substring(0, dash);
  }

  /** The part after the last '-', e.g. "Avg"; null when the name has no such part. */
  public String kind() {
    int dash = dash(name);
    return dash < 0 ? null : name.substring(dash + 1);
  }

  /** Index of the '-' separating code and kind, or -1 (both parts must be non-empty). */
  static int dash(String name) {
    int dash = name.lastIndexOf('-');
    return dash <= 0 || dash == name.length() - 1 ? -1 : dash;
  }

  @Override
  public String toString() {
    return name + "=" + value;
  }
}
