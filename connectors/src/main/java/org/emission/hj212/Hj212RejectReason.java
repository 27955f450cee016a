package org.emission.hj212;

/**
 * Why a packet was rejected: its integrity is broken, or it cannot be read safely. Rejected packets
 * are not answered (HJ 212-2017 Table 2: a CRC error ends processing) and go to {@code
 * ingest.rejects}.
 */
public enum Hj212RejectReason {
  /** The frame does not start with {@code ##} (HJ 212-2017 Table 2, 包头). */
  NO_HEADER("No header"),
  /** The 4 characters after {@code ##} are not a decimal length. */
  BAD_LENGTH_FIELD("Bad length field"),
  /** The data segment is longer than 1024 bytes (HJ 212-2017 Table 2; longer data is split). */
  TOO_LONG("Too long"),
  /** The declared length differs from the UTF-8 byte count of the data segment. */
  LENGTH_MISMATCH("Length mismatch"),
  /** The 4 characters after the data segment are not hex digits. */
  BAD_CRC_FIELD("Bad CRC field"),
  /** The CRC of the data segment differs from the one sent (HJ 212-2017 Appendix A). */
  CRC_MISMATCH("CRC mismatch"),
  /** The CRC is followed by something other than CR LF (包尾). */
  MISSING_TRAILER("Missing trailer"),
  /** More bytes follow the CR LF that ends the frame. */
  TRAILING_DATA("Trailing data"),
  /** The data segment is not valid UTF-8 (HJ 212-2017 §6.3: Chinese characters in UTF-8). */
  BAD_ENCODING("Bad encoding"),
  /** The data segment is not {@code name=value;...;CP=&&...&&} (HJ 212-2017 §6.3.3). */
  BAD_GRAMMAR("Bad grammar"),
  /** A header field (QN, ST, CN, PW, MN, Flag, PNUM, PNO, RF) appears twice. */
  DUPLICATE_FIELD("Duplicate field"),
  /** A required field is absent; {@link Hj212DecodeResult.Rejected#field()} names it. */
  MISSING_FIELD("Missing field"),
  /** A field value has the wrong format; {@link Hj212DecodeResult.Rejected#field()} names it. */
  BAD_FIELD_VALUE("Bad field value"),
  /**
   * A field name or value exceeds its bound; {@link Hj212DecodeResult.Rejected#field()} names it.
   */
  FIELD_TOO_LONG("Field too long"),
  /**
   * An HJ 212-2025 packet whose CP area looks SM4-encrypted (§6.4.2); decryption is not supported.
   */
  ENCRYPTED_UNSUPPORTED("Encrypted CP unsupported"),
  /**
   * Split packet: not all sub-packets arrived before the timeout ({@link SplitPacketAssembler}).
   */
  SPLIT_TIMEOUT("Split packet timeout"),
  /** Split packet: the group was dropped to keep the assembler within its memory bound. */
  SPLIT_EVICTED("Split packet evicted");

  private final String label;

  Hj212RejectReason(String label) {
    this.label = label;
  }

  /** Human prefix of the message, e.g. "CRC mismatch". */
  public String label() {
    return label;
  }
}
