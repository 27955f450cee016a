package org.emission.hj212;

/**
 * Edition of HJ 212 a packet claims, read from the version bits V5..V0 of Flag (HJ 212-2017 Table
 * 3: bits 7..2).
 *
 * <p>A packet without Flag is an HJ/T 212-2005 upload (2005 loggers often omit it). Version bits
 * that no edition defines yet are accepted: such a packet is reported as {@link #HJ212_2025}, the
 * newest grammar we know, with the warning {@link Hj212Warning#UNKNOWN_VERSION} and the raw bits in
 * {@link Hj212Packet#versionBits()}.
 */
public enum Hj212Edition {
  /** HJ/T 212-2005, version bits 000000 (Flag 0..3) or no Flag. */
  HJT212_2005(0, "HJT212-2005"),
  /** HJ 212-2017, version bits 000001 (Flag 4..7). */
  HJ212_2017(1, "HJ212-2017"),
  /** HJ 212-2025, version bits 000010 (Flag 8..11). */
  HJ212_2025(2, "HJ212-2025");

  private final int versionBits;
  private final String label;

  Hj212Edition(int versionBits, String label) {
    this.versionBits = versionBits;
    this.label = label;
  }

  /** The value of Flag bits 7..2 for this edition. */
  public int versionBits() {
    return versionBits;
  }

  /** Protocol label used in records, e.g. "HJ212-2017" ({@code CemsSample.protocol}). */
  public String label() {
    return label;
  }

  /** Whether the edition defines these version bits. */
  public static boolean isKnown(int versionBits) {
    return versionBits >= 0 && versionBits <= 2;
  }

  /**
   * Edition for a Flag value; {@code null} (no Flag) means 2005, unknown version bits map to the
   * newest edition.
   */
  public static Hj212Edition ofFlag(Integer flag) {
    if (flag == null) {
      return HJT212_2005;
    }
    return switch (flag >>> 2) {
      case 0 -> HJT212_2005;
      case 1 -> HJ212_2017;
      default -> HJ212_2025;
    };
  }
}
