package org.emission.hj212;

import java.util.Objects;

/**
 * One warning the decoder raised, with the detail of its first occurrence.
 *
 * @param warning what was tolerated
 * @param detail where, e.g. the field name, or null
 */
public record Hj212Notice(Hj212Warning warning, String detail) {

  public Hj212Notice {
    Objects.requireNonNull(warning, "warning");
  }

  /** {@code CODE} or {@code CODE: detail}. */
  @Override
  public String toString() {
    return detail == null ? warning.name() : warning.name() + ": " + detail;
  }
}
