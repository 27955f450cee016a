package org.emission.hj212;

import java.nio.charset.StandardCharsets;

/**
 * Decodes one HJ 212 frame: {@code ##}, 4-digit length, data segment, 4 hex CRC, CR LF (HJ 212-2017
 * Table 2). The CR LF may be missing at the end of a line read from a file.
 *
 * <p>Integrity breaks (framing, length, CRC, grammar, size bounds, required fields, malformed
 * values) reject the frame with a {@link Hj212RejectReason}; harmless deviations are accepted with
 * a {@link Hj212Warning} (see the package documentation for the full list). The frame is read front
 * to back once, apart from the CRC, which runs as its own slicing-by-8 loop over the same bytes;
 * fields are recorded as offsets and Strings are made only when the packet is asked for them.
 *
 * <p>Not thread-safe (it reuses scratch arrays): use one decoder per thread or connection. The
 * decoded packet keeps a reference to the given array, which must not be modified afterwards.
 */
public final class Hj212Decoder {

  /** Fields every packet needs besides CP (HJ 212-2017 Table 3). */
  private static final int[] REQUIRED = {Hj212Codes.ST, Hj212Codes.CN, Hj212Codes.MN};

  private final SegmentScanner scanner = new SegmentScanner(true);

  /** Decodes a frame held in a whole array. */
  public Hj212DecodeResult decode(byte[] frame) {
    return decode(frame, 0, frame.length);
  }

  /** Decodes a frame given as text (encoded as UTF-8 first). */
  public Hj212DecodeResult decode(String frame) {
    return decode(frame.getBytes(StandardCharsets.UTF_8));
  }

  /** Decodes the frame in {@code buf[offset, offset + length)}. */
  public Hj212DecodeResult decode(byte[] buf, int offset, int length) {
    scanner.reset();
    int end = offset + length;
    int start = offset;
    while (start < end && isBlankOrNewline(buf[start])) {
      start++;
    }
    if (start > offset) {
      scanner.warn(Hj212Warning.WHITESPACE_AROUND_FRAME, "before ##");
    }
    if (end - start < 2 || buf[start] != '#' || buf[start + 1] != '#') {
      return reject(
          Hj212RejectReason.NO_HEADER,
          null,
          "frame does not start with ## but with " + quote(buf, start, end, 8));
    }
    if (end - start < 6) {
      return reject(
          Hj212RejectReason.BAD_LENGTH_FIELD, null, "frame ends before the 4-digit length");
    }
    int declared = digits4(buf, start + 2);
    if (declared < 0) {
      return reject(
          Hj212RejectReason.BAD_LENGTH_FIELD,
          null,
          quote(buf, start + 2, start + 6, 4) + " is not a 4-digit decimal length");
    }
    if (declared > Hj212Encoder.MAX_DATA_SEGMENT) {
      return reject(
          Hj212RejectReason.TOO_LONG,
          null,
          "declared length " + declared + " exceeds " + Hj212Encoder.MAX_DATA_SEGMENT);
    }
    int seg = start + 6;
    int crcAt = seg + declared;
    int tail = end;
    while (tail > seg && isBlankOrNewline(buf[tail - 1])) {
      tail--;
    }
    if (crcAt + 4 != tail) {
      return frameError(buf, seg, declared, crcAt, tail, end);
    }
    checkTrailer(buf, tail, end);
    int sent = hex4(buf, crcAt);
    if (sent < 0) {
      return reject(
          Hj212RejectReason.BAD_CRC_FIELD,
          null,
          quote(buf, crcAt, crcAt + 4, 4) + " is not 4 hex digits");
    }
    int computed = Hj212Crc.compute(buf, seg, declared);
    if (computed != sent) {
      if (looksEncrypted(buf, seg, crcAt)) {
        return encrypted();
      }
      return reject(
          Hj212RejectReason.CRC_MISMATCH,
          null,
          "packet says "
              + new String(buf, crcAt, 4, StandardCharsets.US_ASCII)
              + ", computed "
              + Hj212Crc.toHex(computed));
    }
    if (hasLowerCase(buf, crcAt)) {
      scanner.warn(
          Hj212Warning.LOWERCASE_CRC, new String(buf, crcAt, 4, StandardCharsets.US_ASCII));
    }
    if (!scanner.scan(buf, seg, crcAt)) {
      if (scanner.error == Hj212RejectReason.BAD_GRAMMAR && looksEncrypted(buf, seg, crcAt)) {
        return encrypted();
      }
      return reject(scanner.error, scanner.errorField, scanner.errorDetail);
    }
    if (scanner.nonAscii && !Utf8.isValid(buf, seg, crcAt)) {
      return reject(
          Hj212RejectReason.BAD_ENCODING,
          null,
          "the data segment is not valid UTF-8 (HJ 212-2017 §6.3)");
    }
    Hj212DecodeResult headerError = checkHeader(buf);
    if (headerError != null) {
      return headerError;
    }
    if (scanner.valueError != null) {
      return reject(scanner.valueError, scanner.valueErrorField, scanner.valueErrorDetail);
    }
    Hj212Packet packet =
        new Hj212Packet(
            buf,
            seg,
            declared,
            scanner.header,
            scanner.fields,
            scanner.fieldCount,
            scanner.extras,
            scanner.extraCount,
            scanner.dataTimeIndex);
    Hj212DecodeResult timeError = checkDataTime(packet);
    if (timeError != null) {
      return timeError;
    }
    return new Hj212DecodeResult.Accepted(packet, scanner.notices());
  }

  /** The declared length does not put a CRC at the end of the frame: say why. */
  private Hj212DecodeResult frameError(
      byte[] buf, int seg, int declared, int crcAt, int tail, int end) {
    if (crcAt + 4 < tail && hex4(buf, crcAt) >= 0) {
      boolean crlf = buf[crcAt + 4] == '\r' && crcAt + 5 < end && buf[crcAt + 5] == '\n';
      if (crlf) {
        return reject(
            Hj212RejectReason.TRAILING_DATA,
            null,
            (tail - crcAt - 6)
                + " bytes after the CR LF ending the frame: "
                + quote(buf, crcAt + 6, tail, 16));
      }
      if (declared >= 2 && buf[crcAt - 1] == '&' && buf[crcAt - 2] == '&') {
        return reject(
            Hj212RejectReason.MISSING_TRAILER,
            null,
            "the CRC is followed by " + quote(buf, crcAt + 4, tail, 8) + " instead of CR LF");
      }
    }
    int actual = tail - 4 - seg;
    if (actual > Hj212Encoder.MAX_DATA_SEGMENT) {
      return reject(
          Hj212RejectReason.TOO_LONG,
          null,
          "data segment has " + actual + " bytes, limit " + Hj212Encoder.MAX_DATA_SEGMENT);
    }
    boolean looksComplete =
        actual >= 2 && hex4(buf, tail - 4) >= 0 && buf[tail - 5] == '&' && buf[tail - 6] == '&';
    if (!looksComplete && crcAt + 4 > tail) {
      return reject(
          Hj212RejectReason.LENGTH_MISMATCH,
          null,
          "declared "
              + declared
              + " bytes, but only "
              + (tail - seg)
              + " bytes follow the length field (frame truncated?)");
    }
    return reject(
        Hj212RejectReason.LENGTH_MISMATCH,
        null,
        "declared " + declared + " bytes, data segment has " + actual + " bytes");
  }

  /** After the CRC: nothing, CR, LF or CR LF are all fine (a file line lacks them). */
  private void checkTrailer(byte[] buf, int tail, int end) {
    int n = end - tail;
    boolean plain =
        n == 0
            || (n == 1 && (buf[tail] == '\n' || buf[tail] == '\r'))
            || (n == 2 && buf[tail] == '\r' && buf[tail + 1] == '\n');
    if (!plain) {
      scanner.warn(Hj212Warning.WHITESPACE_AROUND_FRAME, "after the CRC");
    }
  }

  /** Header rules of HJ 212-2017 Table 3 (2005 and 2025 variants noted). */
  private Hj212DecodeResult checkHeader(byte[] buf) {
    int[] h = scanner.header;
    for (int rank : REQUIRED) {
      if (h[2 * rank + 1] < 0) {
        String name = Hj212Codes.HEADER_NAMES[rank];
        return reject(Hj212RejectReason.MISSING_FIELD, name, name + " is required");
      }
    }
    int flag = -1;
    if (h[2 * Hj212Codes.FLAG + 1] >= 0) {
      flag = unsigned(buf, Hj212Codes.FLAG, 3);
      if (flag < 0 || flag > 255) {
        return badValue(buf, Hj212Codes.FLAG, "is not an integer 0..255");
      }
      if (!Hj212Edition.isKnown(flag >>> 2)) {
        scanner.warn(
            Hj212Warning.UNKNOWN_VERSION, "Flag=" + flag + ", version bits " + (flag >>> 2));
      }
    } else {
      scanner.warn(Hj212Warning.MISSING_FLAG, null);
    }
    Hj212Edition edition = Hj212Edition.ofFlag(flag < 0 ? null : flag);

    int qnLen = h[2 * Hj212Codes.QN + 1];
    if (qnLen < 0) {
      scanner.warn(Hj212Warning.MISSING_QN, null);
    } else if (qnLen == 0 || qnLen > 20 || !allDigits(buf, h[2 * Hj212Codes.QN], qnLen)) {
      return badValue(buf, Hj212Codes.QN, "is not a request number of up to 20 digits");
    } else if (qnLen != 17) {
      scanner.warn(Hj212Warning.NONSTANDARD_QN, text(buf, Hj212Codes.QN));
    }

    int stOff = h[2 * Hj212Codes.ST];
    if (h[2 * Hj212Codes.ST + 1] != 2
        || !isUpperAlnum(buf[stOff])
        || !isUpperAlnum(buf[stOff + 1])) {
      return badValue(buf, Hj212Codes.ST, "is not a 2-character system code");
    }
    int stNum = (buf[stOff] - '0') * 10 + (buf[stOff + 1] - '0');
    if (!isDigit(buf[stOff]) || !isDigit(buf[stOff + 1]) || !Hj212Codes.knownSt(stNum)) {
      scanner.warn(Hj212Warning.UNKNOWN_ST, text(buf, Hj212Codes.ST));
    }

    int cn = h[2 * Hj212Codes.CN + 1] == 4 ? unsigned(buf, Hj212Codes.CN, 4) : -1;
    if (cn < 0) {
      return badValue(buf, Hj212Codes.CN, "is not a 4-digit command code");
    }
    if (!Hj212Codes.knownCn(cn)) {
      scanner.warn(Hj212Warning.UNKNOWN_CN, text(buf, Hj212Codes.CN));
    }

    if (h[2 * Hj212Codes.PW + 1] < 0) {
      scanner.warn(Hj212Warning.MISSING_PW, null);
    }

    Hj212DecodeResult mnError = checkMn(buf, edition);
    if (mnError != null) {
      return mnError;
    }
    return checkSplit(buf, flag);
  }

  private Hj212DecodeResult checkMn(byte[] buf, Hj212Edition edition) {
    int off = scanner.header[2 * Hj212Codes.MN];
    int len = scanner.header[2 * Hj212Codes.MN + 1];
    if (len == 0 || len > 32) {
      return badValue(buf, Hj212Codes.MN, "must have 1..32 characters");
    }
    boolean hex = true;
    for (int i = off; i < off + len; i++) {
      byte c = buf[i];
      if (!isUpperAlnum(c) && !(c >= 'a' && c <= 'z') && c != '-' && c != '_') {
        return badValue(buf, Hj212Codes.MN, "is not a device number of letters and digits");
      }
      hex &= isDigit(c) || (c >= 'A' && c <= 'F');
    }
    if (len == 14) {
      if (edition != Hj212Edition.HJT212_2005) {
        scanner.warn(Hj212Warning.SHORT_MN, text(buf, Hj212Codes.MN));
      }
    } else if (len != 24 || (!hex && edition != Hj212Edition.HJT212_2005)) {
      scanner.warn(Hj212Warning.NONSTANDARD_MN, text(buf, Hj212Codes.MN));
    }
    return null;
  }

  /** PNUM/PNO are present exactly when the Flag D bit is set (HJ 212-2017 Table 3). */
  private Hj212DecodeResult checkSplit(byte[] buf, int flag) {
    int[] h = scanner.header;
    boolean hasPnum = h[2 * Hj212Codes.PNUM + 1] >= 0;
    boolean hasPno = h[2 * Hj212Codes.PNO + 1] >= 0;
    boolean dBit = flag >= 0 && (flag & 2) != 0;
    if (dBit || hasPnum || hasPno) {
      if (!hasPnum) {
        return reject(
            Hj212RejectReason.MISSING_FIELD, "PNUM", "PNUM is required for a split packet");
      }
      if (!hasPno) {
        return reject(Hj212RejectReason.MISSING_FIELD, "PNO", "PNO is required for a split packet");
      }
      int pnum = unsigned(buf, Hj212Codes.PNUM, 4);
      if (pnum < 1) {
        return badValue(buf, Hj212Codes.PNUM, "is not a sub-packet count 1..9999");
      }
      int pno = unsigned(buf, Hj212Codes.PNO, 4);
      if (pno < 1 || pno > pnum) {
        return badValue(buf, Hj212Codes.PNO, "is not a sub-packet number 1.." + pnum);
      }
      if (!dBit && flag >= 0) {
        scanner.warn(Hj212Warning.SPLIT_FIELDS_WITHOUT_D_BIT, "Flag=" + flag);
      }
    }
    int rfLen = h[2 * Hj212Codes.RF + 1];
    if (rfLen >= 0
        && (rfLen != 1 || (buf[h[2 * Hj212Codes.RF]] != '1' && buf[h[2 * Hj212Codes.RF]] != '0'))) {
      return badValue(buf, Hj212Codes.RF, "is not 1 (back-filled) or 0");
    }
    return null;
  }

  /**
   * A data upload (2011, 2051, 2061, 2031, ...) must carry a valid DataTime. A data CN whose CP is
   * empty (start real-time upload) or a BeginTime/EndTime window is a host request instead.
   */
  private Hj212DecodeResult checkDataTime(Hj212Packet packet) {
    if (scanner.dataTimeIndex >= 0 || packet.fieldCount() == 0) {
      return null;
    }
    if (!Hj212Codes.isDataUpload(packet.cn())
        || (packet.hasField("BeginTime") && packet.hasField("EndTime"))) {
      return null;
    }
    return reject(
        Hj212RejectReason.MISSING_FIELD,
        "DataTime",
        "DataTime is required for a CN=" + packet.cn() + " upload");
  }

  /**
   * Whether the frame looks like an HJ 212-2025 packet whose CP area is SM4-encrypted (2025 §6.4.2,
   * reported by secondary sources): Flag version bits 2, and the first bytes after {@code CP=&&}
   * are binary, or a run of 32 hex digits, or of 24 base64 characters, none of which a plain field
   * name followed by '=' can be. Anything less certain is reported as what it is (CRC or grammar).
   */
  private static boolean looksEncrypted(byte[] buf, int seg, int end) {
    int cp = indexOf(buf, seg, end, "CP=&&");
    if (cp < 0) {
      return false;
    }
    int flagAt = indexOf(buf, seg, cp, "Flag=");
    if (flagAt < 0 || (flagAt > seg && buf[flagAt - 1] != ';')) {
      return false;
    }
    int flag = 0;
    int i = flagAt + 5;
    for (; i < cp && isDigit(buf[i]) && i < flagAt + 8; i++) {
      flag = flag * 10 + (buf[i] - '0');
    }
    if (i == flagAt + 5 || (flag >>> 2) != 2) {
      return false;
    }
    int cs = cp + 5;
    int n = end - cs;
    if (n < 16) {
      return false;
    }
    boolean binary = !Utf8.isValid(buf, cs, cs + 16);
    for (int k = cs; k < cs + 16 && !binary; k++) {
      binary = (buf[k] >= 0 && buf[k] < 0x20) || buf[k] == 0x7F;
    }
    return binary
        || allOf(buf, cs, Math.min(n, 32), 32, Hj212Decoder::isHex)
        || allOf(buf, cs, Math.min(n, 24), 24, Hj212Decoder::isBase64);
  }

  private interface BytePredicate {
    boolean test(byte c);
  }

  private static boolean allOf(byte[] buf, int from, int n, int needed, BytePredicate p) {
    if (n < needed) {
      return false;
    }
    for (int i = from; i < from + n; i++) {
      if (!p.test(buf[i])) {
        return false;
      }
    }
    return true;
  }

  private Hj212DecodeResult encrypted() {
    return reject(
        Hj212RejectReason.ENCRYPTED_UNSUPPORTED,
        null,
        "the CP area of this HJ 212-2025 packet looks SM4-encrypted; decryption is not supported");
  }

  private Hj212DecodeResult badValue(byte[] buf, int rank, String what) {
    String name = Hj212Codes.HEADER_NAMES[rank];
    return reject(
        Hj212RejectReason.BAD_FIELD_VALUE, name, name + "='" + text(buf, rank) + "' " + what);
  }

  private static Hj212DecodeResult reject(Hj212RejectReason reason, String field, String detail) {
    return new Hj212DecodeResult.Rejected(reason, field, detail);
  }

  private String text(byte[] buf, int rank) {
    int len = scanner.header[2 * rank + 1];
    return len < 0 ? null : new String(buf, scanner.header[2 * rank], len, StandardCharsets.UTF_8);
  }

  /** A header value of up to {@code maxDigits} digits as an int; -1 if absent or not digits. */
  private int unsigned(byte[] buf, int rank, int maxDigits) {
    return unsigned(buf, scanner.header[2 * rank], scanner.header[2 * rank + 1], maxDigits);
  }

  private static int unsigned(byte[] buf, int off, int len, int maxDigits) {
    if (len <= 0 || len > maxDigits) {
      return -1;
    }
    int v = 0;
    for (int i = off; i < off + len; i++) {
      if (!isDigit(buf[i])) {
        return -1;
      }
      v = v * 10 + (buf[i] - '0');
    }
    return v;
  }

  private static boolean allDigits(byte[] buf, int off, int len) {
    for (int i = off; i < off + len; i++) {
      if (!isDigit(buf[i])) {
        return false;
      }
    }
    return true;
  }

  private static int digits4(byte[] buf, int off) {
    int v = 0;
    for (int i = off; i < off + 4; i++) {
      if (!isDigit(buf[i])) {
        return -1;
      }
      v = v * 10 + (buf[i] - '0');
    }
    return v;
  }

  private static int hex4(byte[] buf, int off) {
    int v = 0;
    for (int i = off; i < off + 4; i++) {
      int d = Character.digit(buf[i], 16);
      if (d < 0 || buf[i] < 0) {
        return -1;
      }
      v = (v << 4) | d;
    }
    return v;
  }

  private static boolean hasLowerCase(byte[] buf, int off) {
    for (int i = off; i < off + 4; i++) {
      if (buf[i] >= 'a' && buf[i] <= 'f') {
        return true;
      }
    }
    return false;
  }

  private static int indexOf(byte[] buf, int from, int to, String needle) {
    int n = needle.length();
    outer:
    for (int i = from; i + n <= to; i++) {
      for (int j = 0; j < n; j++) {
        if (buf[i + j] != needle.charAt(j)) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static String quote(byte[] buf, int from, int to, int max) {
    int n = Math.max(0, Math.min(to - from, max));
    StringBuilder sb = new StringBuilder("'");
    for (int i = from; i < from + n; i++) {
      int c = buf[i] & 0xFF;
      if (c >= 0x20 && c < 0x7F) {
        sb.append((char) c);
      } else {
        sb.append(String.format("\\x%02X", c));
      }
    }
    return sb.append(n < to - from ? "...'" : "'").toString();
  }

  private static boolean isBlankOrNewline(byte c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  private static boolean isDigit(byte c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isUpperAlnum(byte c) {
    return isDigit(c) || (c >= 'A' && c <= 'Z');
  }

  private static boolean isHex(byte c) {
    return isDigit(c) || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
  }

  private static boolean isBase64(byte c) {
    return isDigit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '+' || c == '/';
  }
}
