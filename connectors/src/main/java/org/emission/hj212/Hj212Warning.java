package org.emission.hj212;

/**
 * Harmless deviations from HJ 212 that the decoder accepts and reports. The packet is kept; the
 * warning tells operators which logger to have fixed.
 */
public enum Hj212Warning {
  /** CRC hex digits in lower case; the standard prints upper case (field devices send both). */
  LOWERCASE_CRC,
  /** Spaces or tabs around a field name or value inside the data segment; they are trimmed. */
  WHITESPACE,
  /** Spaces, tabs or extra line breaks before {@code ##} or after the CRC. */
  WHITESPACE_AROUND_FRAME,
  /** An empty field or item, e.g. {@code ;;} or a trailing {@code ;} or {@code ,} inside CP. */
  EMPTY_FIELD,
  /** A field name not in the standard's tables; kept generically. */
  UNKNOWN_FIELD,
  /** A CN command code not in HJ 212-2017 Table 9 nor the known 2025 additions. */
  UNKNOWN_CN,
  /** An ST system code not in HJ 212-2017 Table 5 nor the known 2025 additions. */
  UNKNOWN_ST,
  /** Flag version bits that no known edition defines (HJ 212-2017 Table 3: V5..V0). */
  UNKNOWN_VERSION,
  /** Header fields not in the order QN;ST;CN;PW;MN;Flag;PNUM;PNO;CP (HJ 212-2017 §6.3.2). */
  FIELD_ORDER,
  /** The same CP field twice; the grouped views keep the first. */
  DUPLICATE_FIELD,
  /** A 14-character, HJ/T 212-2005 style MN in a 2017 or 2025 packet. */
  SHORT_MN,
  /** An MN that is neither 24 characters 0-9A-F (2017) nor 14 characters (2005). */
  NONSTANDARD_MN,
  /** A QN that is not 17 digits ({@code yyyyMMddHHmmssSSS}). */
  NONSTANDARD_QN,
  /** No QN (usual for HJ/T 212-2005 uploads); an answer cannot echo it. */
  MISSING_QN,
  /** No Flag: read as HJ/T 212-2005, no answer requested. */
  MISSING_FLAG,
  /** No PW (access password). */
  MISSING_PW,
  /**
   * A time with milliseconds, {@code yyyyMMddHHmmssSSS}, where N14 {@code yyyyMMddHHmmss} is due
   * (seen from HJ/T 212-2005 loggers); the milliseconds are kept.
   */
  NONSTANDARD_TIME,
  /** A data flag ({@code -Flag}) other than N, F, M, S, D, C, T, B (HJ 212-2017 Table 8); kept. */
  UNKNOWN_DATA_FLAG,
  /** PNUM/PNO present while the Flag D bit is 0; the packet is treated as not split. */
  SPLIT_FIELDS_WITHOUT_D_BIT
}
