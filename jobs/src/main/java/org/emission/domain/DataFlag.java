package org.emission.domain;

/**
 * HJ 212-2017 data flag (数据标记, Table 8) and how HJ 75-2017 treats it in statistics
 * (hj75-validity.md §4).
 */
public enum DataFlag {
  /** Normal (正常). Valid. */
  N(Treatment.VALID, null),
  /** Over the measuring-range upper limit (超测上限). Kept in the means but marked. */
  T(Treatment.VALID, null),
  /**
   * Instrument stopped / source shut down (停运): a stop period, out of numerator and denominator.
   */
  F(Treatment.STOP, InvalidReason.UNIT_STOPPED),
  /** Calibration in progress (校准). Invalid. */
  C(Treatment.INVALID, InvalidReason.CALIBRATION),
  /** Maintenance (维护). Invalid. */
  M(Treatment.INVALID, InvalidReason.MAINTENANCE),
  /** Instrument fault (故障). Invalid. */
  D(Treatment.INVALID, InvalidReason.FAULT),
  /** Instrument–logger communication failure (通讯异常). Invalid. */
  B(Treatment.INVALID, InvalidReason.COMMS_FAILURE),
  /** Manually entered set value (手工输入). Not a measurement: invalid for compliance. */
  S(Treatment.INVALID, InvalidReason.MANUAL_VALUE);

  /** How a flagged value counts in hour and day statistics. */
  public enum Treatment {
    VALID,
    STOP,
    INVALID
  }

  private final Treatment treatment;
  private final InvalidReason reason;

  DataFlag(Treatment treatment, InvalidReason reason) {
    this.treatment = treatment;
    this.reason = reason;
  }

  public Treatment treatment() {
    return treatment;
  }

  /** The reason an hour made mostly of this flag is invalid; null for N and T. */
  public InvalidReason reason() {
    return reason;
  }

  public boolean isValid() {
    return treatment == Treatment.VALID;
  }

  public boolean isStop() {
    return treatment == Treatment.STOP;
  }

  /**
   * Parses a packet's {@code -Flag} text. Absent (2005 loggers send none) means N. An unknown
   * letter is D: HJ 212-2017 App. C notes mark any period that is not normal as D.
   */
  public static DataFlag parse(String text) {
    if (text == null || text.isBlank()) {
      return N;
    }
    if (text.length() == 1) {
      DataFlag flag = ofLetter(text.charAt(0));
      if (flag != null) {
        return flag;
      }
    }
    try {
      return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return D;
    }
  }

  /** The flag of a one-letter text as {@link #parse} reads it, or null to parse it in full. */
  private static DataFlag ofLetter(char c) {
    return switch (c) {
      case 'N', 'n' -> N;
      case 'T', 't' -> T;
      case 'F', 'f' -> F;
      case 'C', 'c' -> C;
      case 'M', 'm' -> M;
      case 'D', 'd' -> D;
      case 'B', 'b' -> B;
      case 'S', 's' -> S;
      default -> null;
    };
  }
}
