/**
 * HJ 212 codec (污染物在线监控（监测）系统数据传输标准): HJ/T 212-2005, HJ 212-2017 and HJ 212-2025 frames, without
 * framework types.
 *
 * <ul>
 *   <li>{@link org.emission.hj212.Hj212Decoder} checks and decodes one frame into an {@link
 *       org.emission.hj212.Hj212Packet} with warnings, or rejects it with a {@link
 *       org.emission.hj212.Hj212RejectReason}.
 *   <li>{@link org.emission.hj212.Hj212Encoder} writes packets as frames; {@link
 *       org.emission.hj212.Hj212Commands} builds the gateway's answers (9011..9014) and host
 *       commands (history request, set time).
 *   <li>{@link org.emission.hj212.SplitPacketAssembler} joins sub-packets (PNUM/PNO); {@link
 *       org.emission.hj212.Hj212Records} maps data packets to {@code CemsSample}; {@link
 *       org.emission.hj212.DecodeCommandSupport} is the work of {@code ./emission decode}.
 * </ul>
 *
 * <p><b>Accepted with a warning</b> ({@link org.emission.hj212.Hj212Warning}): lower-case CRC hex
 * (LOWERCASE_CRC); spaces or tabs around names and values (WHITESPACE) or around the frame, extra
 * line breaks after it (WHITESPACE_AROUND_FRAME); empty fields such as {@code ;;} or a trailing
 * {@code ;} or {@code ,} in CP (EMPTY_FIELD); field names, CN and ST codes the tables do not have
 * (UNKNOWN_FIELD, UNKNOWN_CN, UNKNOWN_ST); Flag version bits of no known edition (UNKNOWN_VERSION);
 * header fields out of the standard's order (FIELD_ORDER); a CP field repeated (DUPLICATE_FIELD); a
 * 14-character MN in a 2017/2025 packet (SHORT_MN) or an MN of another shape (NONSTANDARD_MN); a QN
 * that is not 17 digits (NONSTANDARD_QN); no QN, no Flag or no PW (MISSING_QN, MISSING_FLAG,
 * MISSING_PW); times with milliseconds (NONSTANDARD_TIME); data flags outside N F M S D C T B
 * (UNKNOWN_DATA_FLAG); PNUM/PNO without the D bit (SPLIT_FIELDS_WITHOUT_D_BIT). A missing CR LF at
 * the end of a line, or a lone CR or LF, is accepted silently.
 *
 * <p><b>Rejected</b>: a broken frame (NO_HEADER, BAD_LENGTH_FIELD, LENGTH_MISMATCH, BAD_CRC_FIELD,
 * CRC_MISMATCH, MISSING_TRAILER, TRAILING_DATA), a data segment over 1024 bytes (TOO_LONG), bytes
 * that are not UTF-8 (BAD_ENCODING), broken grammar (BAD_GRAMMAR), a repeated header field
 * (DUPLICATE_FIELD), a missing ST, CN, MN, CP, PNUM/PNO of a split packet or DataTime of a data
 * upload (MISSING_FIELD), malformed values: numbers, times, Flag, CN, ST, MN, QN, PNUM/PNO, RF
 * (BAD_FIELD_VALUE), names over 64 or values over 512 bytes (FIELD_TOO_LONG), and 2025 packets
 * whose CP looks SM4-encrypted (ENCRYPTED_UNSUPPORTED). The assembler adds SPLIT_TIMEOUT and
 * SPLIT_EVICTED.
 *
 * <p>Values stay text as sent. HJ 212 has no escape mechanism (HJ 212-2017 §6.3.3): {@code ; , =
 * &&} never occur inside values, and the encoder refuses values that hold them.
 */
package org.emission.hj212;
