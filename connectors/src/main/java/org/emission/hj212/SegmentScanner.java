package org.emission.hj212;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Tokenizes one data segment (数据段) in a single forward scan, without building Strings: header
 * fields {@code name=value;} up to {@code CP=&&}, then the CP area's items ({@code ;}) and fields
 * ({@code ,}) up to the closing {@code &&} (HJ 212-2017 §6.3.2, §6.3.3). Each field is recorded as
 * a packed {@code long} of offsets (see {@link Hj212Packet}).
 *
 * <p>A well-formed name is read in one loop that checks its characters, hashes it and notes its
 * last '-'; anything unusual (whitespace, empty fields, errors) takes a slower path that also words
 * the error messages. Not thread-safe: the scratch arrays are reused from one segment to the next.
 */
final class SegmentScanner {

  /** Longest field name accepted; the standard's longest is under 20 characters. */
  static final int MAX_NAME = 64;

  /** Longest field value accepted; N14.2 numbers are at most 18 characters. */
  static final int MAX_VALUE = 512;

  /** Longest number accepted (N14.2 plus room for extra decimals). */
  static final int MAX_NUMBER = 24;

  /** Outcomes of reading a name. */
  private static final int FOUND = 0;

  private static final int FAILED = -1;
  private static final int BLANK = -2;

  private static final byte[] DATA_TIME = "DataTime".getBytes(StandardCharsets.US_ASCII);

  private static final byte ORDINARY = 0;
  private static final byte SEPARATOR = 1;
  private static final byte CONTROL = 2;
  private static final byte NON_ASCII = 3;

  private static final byte[] CLASS = new byte[256];
  private static final boolean[] NAME_CHAR = new boolean[256];

  static {
    for (int c = 0; c < 0x20; c++) {
      CLASS[c] = CONTROL;
    }
    CLASS['\t'] = ORDINARY;
    CLASS[0x7F] = CONTROL;
    for (int c = 0x80; c < 0x100; c++) {
      CLASS[c] = NON_ASCII;
    }
    for (char c : ";,=&".toCharArray()) {
      CLASS[c] = SEPARATOR;
    }
    for (int c = '0'; c <= '9'; c++) {
      NAME_CHAR[c] = true;
    }
    for (int c = 'A'; c <= 'Z'; c++) {
      NAME_CHAR[c] = true;
      NAME_CHAR[c + ('a' - 'A')] = true;
    }
    NAME_CHAR['-'] = true;
    NAME_CHAR['_'] = true;
    NAME_CHAR['.'] = true;
  }

  private final boolean checkValues;

  private byte[] b;
  private int base;

  /** Per header rank: absolute offset and length of the value, length -1 when absent. */
  final int[] header = new int[2 * (Hj212Codes.CP + 1)];

  long[] fields = new long[32];
  int fieldCount;
  long[] extras = new long[4];
  int extraCount;
  int dataTimeIndex;
  boolean nonAscii;

  Hj212RejectReason error;
  String errorField;
  String errorDetail;

  /** First bad CP value; reported after header checks, so that it never hides a header error. */
  Hj212RejectReason valueError;

  String valueErrorField;
  String valueErrorDetail;

  private long warned;
  private List<Hj212Notice> notices;

  /**
   * Open-addressing table of field-name hashes for duplicate detection, stamped per segment; only
   * when values are checked (the decoder), not for packets this package writes itself.
   */
  private final int[] nameTable;

  private final int[] nameHashes;
  private int stamp;

  /**
   * The field being read: name bounds (trimmed), the '=' after it, value bounds (trimmed), the '-'
   * index in the name (or -1) and the name's {@link ByteDictionary#hash}.
   */
  private int ns;

  private int ne;
  private int eq;
  private int vs;
  private int ve;
  private int dash;
  private int nameHash;

  SegmentScanner(boolean checkValues) {
    this.checkValues = checkValues;
    this.nameTable = checkValues ? new int[1024] : null;
    this.nameHashes = checkValues ? new int[512] : null;
  }

  /** Starts a new frame: clears warnings and errors. */
  void reset() {
    warned = 0;
    notices = null;
    error = null;
    errorField = null;
    errorDetail = null;
    valueError = null;
    valueErrorField = null;
    valueErrorDetail = null;
  }

  List<Hj212Notice> notices() {
    return notices == null ? List.of() : notices;
  }

  boolean warned(Hj212Warning w) {
    return (warned & (1L << w.ordinal())) != 0;
  }

  void warn(Hj212Warning w, String detail) {
    long bit = 1L << w.ordinal();
    if ((warned & bit) == 0) {
      warned |= bit;
      if (notices == null) {
        notices = new ArrayList<>(4);
      }
      notices.add(new Hj212Notice(w, detail));
    }
  }

  /**
   * Scans the data segment {@code bytes[from, to)}; returns false and sets {@link #error} when the
   * grammar is broken.
   */
  boolean scan(byte[] bytes, int from, int to) {
    b = bytes;
    base = from;
    Arrays.fill(header, -1);
    fieldCount = 0;
    extraCount = 0;
    dataTimeIndex = -1;
    nonAscii = false;
    if (nameTable != null && ++stamp > 0xFFFF) {
      Arrays.fill(nameTable, 0);
      stamp = 1;
    }
    int p = from;
    int lastRank = -1;
    while (true) {
      int status = name(p, to, false);
      if (status == FAILED) {
        return false;
      }
      if (status == BLANK) {
        int t = next(p, to);
        if (t == to) {
          return fail(Hj212RejectReason.MISSING_FIELD, "CP", "no CP=&&...&& data area");
        }
        warn(Hj212Warning.EMPTY_FIELD, "empty header field at offset " + (p - base));
        p = t + 1;
        continue;
      }
      int rank = Hj212Codes.HEADER.get(b, ns, ne - ns, nameHash);
      if (rank == Hj212Codes.CP) {
        if (ns != p || ne != eq) {
          warn(Hj212Warning.WHITESPACE, "around CP");
        }
        return scanCp(eq + 1, to);
      }
      int end = value(p, to, false);
      if (end == FAILED) {
        return false;
      }
      if (rank >= 0) {
        if (header[2 * rank + 1] >= 0) {
          String name = Hj212Codes.HEADER_NAMES[rank];
          return fail(Hj212RejectReason.DUPLICATE_FIELD, name, name + " appears twice");
        }
        header[2 * rank] = vs;
        header[2 * rank + 1] = ve - vs;
        if (rank < lastRank) {
          warn(
              Hj212Warning.FIELD_ORDER,
              Hj212Codes.HEADER_NAMES[rank] + " after " + Hj212Codes.HEADER_NAMES[lastRank]);
        }
        lastRank = Math.max(lastRank, rank);
      } else {
        if (!warned(Hj212Warning.UNKNOWN_FIELD)) {
          warn(Hj212Warning.UNKNOWN_FIELD, text(ns, ne - ns));
        }
        if (extraCount == extras.length) {
          extras = Arrays.copyOf(extras, extraCount * 2);
        }
        extras[extraCount++] = pack(ns, ne - ns, 0, vs, ve - vs, false);
      }
      if (end == to) {
        return fail(Hj212RejectReason.MISSING_FIELD, "CP", "no CP=&&...&& data area");
      }
      p = end + 1;
    }
  }

  /** The CP area: {@code &&} items {@code &&}, which must end the segment. */
  private boolean scanCp(int v, int to) {
    int q = v;
    while (q < to && isSpace(b[q])) {
      q++;
    }
    if (q > v) {
      warn(Hj212Warning.WHITESPACE, "around CP");
    }
    if (q + 2 > to || b[q] != '&' || b[q + 1] != '&') {
      return fail(
          Hj212RejectReason.BAD_GRAMMAR, null, "CP must start with && (offset " + (q - base) + ")");
    }
    int cs = q + 2;
    int end = to;
    while (end > cs && isSpace(b[end - 1])) {
      end--;
    }
    if (end < to) {
      warn(Hj212Warning.WHITESPACE, "after CP");
    }
    if (end - 2 < cs || b[end - 2] != '&' || b[end - 1] != '&') {
      return fail(
          Hj212RejectReason.BAD_GRAMMAR, null, "the data segment must end with the && closing CP");
    }
    int ce = end - 2;
    header[2 * Hj212Codes.CP] = cs;
    header[2 * Hj212Codes.CP + 1] = ce - cs;
    return scanItems(cs, ce);
  }

  private boolean scanItems(int cs, int ce) {
    int p = cs;
    boolean itemStart = true;
    while (p < ce) {
      int status = name(p, ce, true);
      if (status == FAILED) {
        return false;
      }
      if (status == BLANK) {
        int t = next(p, ce);
        if (p != cs || t != ce) {
          warn(Hj212Warning.EMPTY_FIELD, "empty CP field at offset " + (p - base));
        }
        if (t == ce) {
          return true;
        }
        itemStart |= b[t] == ';';
        p = t + 1;
        continue;
      }
      int end = value(p, ce, true);
      if (end == FAILED) {
        return false;
      }
      addField(itemStart);
      if (end == ce) {
        return true;
      }
      itemStart = b[end] == ';';
      p = end + 1;
      if (p == ce) {
        warn(Hj212Warning.EMPTY_FIELD, "trailing '" + (char) b[end] + "' in CP");
      }
    }
    return true;
  }

  /**
   * Reads a field name from {@code p} up to its '=': sets {@link #ns}, {@link #ne}, {@link #eq},
   * {@link #dash} and {@link #nameHash}. Returns {@link #FOUND}, {@link #BLANK} for an empty or
   * blank field, or {@link #FAILED} with {@link #error} set.
   */
  private int name(int p, int to, boolean cp) {
    byte[] bytes = b;
    int i = p;
    int h = 0;
    int d = -1;
    while (i < to) {
      int c = bytes[i] & 0xFF;
      if (!NAME_CHAR[c]) {
        break;
      }
      if (c == '-') {
        d = i;
      }
      h = 31 * h + c;
      i++;
    }
    if (i > p && i < to && bytes[i] == '=' && i - p <= MAX_NAME) {
      ns = p;
      ne = i;
      eq = i;
      nameHash = h;
      dash = d > p && d < i - 1 ? d - p : -1;
      return FOUND;
    }
    return slowName(p, to, cp);
  }

  /**
   * Reads the value after {@link #eq}: sets {@link #vs} and {@link #ve} (trimmed) and returns the
   * index of the separator after it, or {@code to}; {@link #FAILED} with {@link #error} set. Inside
   * CP a value ends at {@code ;} or {@code ,} and may hold a single {@code &}; in the header it
   * ends at {@code ;}.
   */
  private int value(int p, int to, boolean cp) {
    int start = eq + 1;
    int end = valueEnd(start, to, cp);
    if (end < to && b[end] != ';' && (!cp || b[end] != ',')) {
      if (cp && b[end] == '&') {
        fail(
            Hj212RejectReason.BAD_GRAMMAR,
            null,
            "'&&' inside the CP area (offset " + (end - base) + ")");
      } else {
        failChar(end, "in the value of " + text(ns, ne - ns));
      }
      return FAILED;
    }
    vs = start;
    ve = end;
    boolean trimmed = ns != p || ne != eq;
    if (vs < ve && (isSpace(b[vs]) || isSpace(b[ve - 1]))) {
      vs = trimStart(vs, ve);
      ve = trimEnd(vs, ve);
      trimmed = true;
    }
    if (trimmed) {
      warn(Hj212Warning.WHITESPACE, "around " + text(ns, ne - ns));
    }
    if (ve - vs > MAX_VALUE) {
      String name = text(ns, ne - ns);
      fail(
          Hj212RejectReason.FIELD_TOO_LONG,
          name,
          "value of " + name + " has " + (ve - vs) + " bytes, limit " + MAX_VALUE);
      return FAILED;
    }
    return end;
  }

  /**
   * The careful reading of a name the fast path did not take: whitespace around it, a blank field,
   * a field without '=', bad characters, a name over {@link #MAX_NAME} bytes.
   */
  private int slowName(int p, int to, boolean cp) {
    int t = next(p, to);
    if (t == to || b[t] == ';' || (cp && b[t] == ',')) {
      if (!isBlank(p, t)) {
        String where = cp ? "CP field '" : "header field '";
        fail(
            Hj212RejectReason.BAD_GRAMMAR,
            null,
            where + text(p, Math.min(t - p, 40)) + "' has no '=' (offset " + (p - base) + ")");
        return FAILED;
      }
      if (t > p) {
        warn(Hj212Warning.WHITESPACE, "blank field at offset " + (p - base));
      }
      return BLANK;
    }
    if (b[t] != '=') {
      failChar(t, cp ? "in a CP field name" : "in a header field name");
      return FAILED;
    }
    int s = trimStart(p, t);
    int e = trimEnd(s, t);
    if (s == e) {
      fail(Hj212RejectReason.BAD_GRAMMAR, null, "empty field name at offset " + (t - base));
      return FAILED;
    }
    int len = e - s;
    if (len > MAX_NAME) {
      fail(
          Hj212RejectReason.FIELD_TOO_LONG,
          text(s, MAX_NAME),
          "field name of " + len + " bytes, limit " + MAX_NAME);
      return FAILED;
    }
    for (int i = s; i < e; i++) {
      if (!NAME_CHAR[b[i] & 0xFF]) {
        fail(
            Hj212RejectReason.BAD_GRAMMAR,
            null,
            "invalid character "
                + describe(b[i] & 0xFF)
                + " in field name '"
                + text(s, len)
                + "' (offset "
                + (i - base)
                + ")");
        return FAILED;
      }
    }
    ns = s;
    ne = e;
    eq = t;
    analyzeName();
    return FOUND;
  }

  /** Notes the last '-' of the name and its hash, as the fast path in {@link #name} does. */
  private void analyzeName() {
    int h = 0;
    int d = -1;
    for (int i = ns; i < ne; i++) {
      if (b[i] == '-') {
        d = i - ns;
      }
      h = 31 * h + (b[i] & 0xFF);
    }
    nameHash = h;
    dash = d > 0 && d < ne - ns - 1 ? d : -1;
  }

  /**
   * Index of the separator or control byte that ends a value starting at {@code p}, or {@code to}.
   * Inside CP a single {@code &} is part of the value.
   */
  private int valueEnd(int p, int to, boolean cp) {
    while (true) {
      p = next(p, to);
      if (!cp || p == to || b[p] != '&' || (p + 1 < to && b[p + 1] == '&')) {
        return p;
      }
      p++;
    }
  }

  private void addField(boolean itemStart) {
    int index = fieldCount;
    if (index == fields.length) {
      fields = Arrays.copyOf(fields, index * 2);
    }
    int nameLen = ne - ns;
    fields[fieldCount++] = pack(ns, nameLen, dash + 1, vs, ve - vs, itemStart);
    int type;
    if (dash > 0) {
      type = Hj212Codes.kindType(b, ns + dash + 1, nameLen - dash - 1);
    } else {
      type = Hj212Codes.PLAIN_FIELDS.get(b, ns, nameLen, nameHash);
      if (type == Hj212Codes.VALUE_TIME && dataTimeIndex < 0 && isDataTime(ns, nameLen)) {
        dataTimeIndex = index;
      }
    }
    if (!checkValues) {
      return;
    }
    if (type == ByteDictionary.ABSENT) {
      if (!warned(Hj212Warning.UNKNOWN_FIELD)) {
        warn(Hj212Warning.UNKNOWN_FIELD, text(ns, nameLen));
      }
    } else if (type != Hj212Codes.VALUE_TEXT) {
      checkValue(type, nameLen);
    }
    checkDuplicate(index, nameLen);
  }

  private void checkValue(int type, int nameLen) {
    int len = ve - vs;
    switch (type) {
      case Hj212Codes.VALUE_NUMBER -> {
        if (len > MAX_NUMBER) {
          valueError(nameLen, "number longer than " + MAX_NUMBER + " characters");
        } else if (!isNumber(vs, len)) {
          valueError(nameLen, "not a number");
        }
      }
      case Hj212Codes.VALUE_INTEGER -> {
        if (len == 0 || len > 9 || !allDigits(vs, len)) {
          valueError(nameLen, "not an unsigned integer");
        }
      }
      case Hj212Codes.VALUE_TIME -> {
        if (!Hj212Times.isValid(b, vs, len)) {
          valueError(nameLen, "not a yyyyMMddHHmmss time");
        } else if (len != 14 && !warned(Hj212Warning.NONSTANDARD_TIME)) {
          warn(Hj212Warning.NONSTANDARD_TIME, text(ns, nameLen) + "=" + text(vs, len));
        }
      }
      case Hj212Codes.VALUE_DATA_FLAG -> {
        if ((len != 1 || !isDataFlag(b[vs])) && !warned(Hj212Warning.UNKNOWN_DATA_FLAG)) {
          warn(Hj212Warning.UNKNOWN_DATA_FLAG, text(ns, nameLen) + "=" + text(vs, len));
        }
      }
      default -> {}
    }
  }

  private void valueError(int nameLen, String what) {
    if (valueError == null) {
      valueError = Hj212RejectReason.BAD_FIELD_VALUE;
      valueErrorField = text(ns, nameLen);
      valueErrorDetail = valueErrorField + "='" + text(vs, ve - vs) + "' is " + what;
    }
  }

  private void checkDuplicate(int index, int len) {
    if (index >= nameHashes.length) {
      return;
    }
    int h = nameHash;
    nameHashes[index] = h;
    int mask = nameTable.length - 1;
    int slot = (h * 0x9E3779B9) >>> 22;
    while (true) {
      int entry = nameTable[slot];
      if ((entry >>> 16) != stamp) {
        nameTable[slot] = (stamp << 16) | (index + 1);
        return;
      }
      int other = (entry & 0xFFFF) - 1;
      if (nameHashes[other] == h && sameName(other, len)) {
        if (!warned(Hj212Warning.DUPLICATE_FIELD)) {
          warn(Hj212Warning.DUPLICATE_FIELD, text(ns, len));
        }
        return;
      }
      slot = (slot + 1) & mask;
    }
  }

  private boolean sameName(int other, int len) {
    long f = fields[other];
    int os = base + Hj212Packet.nameOff(f);
    return Hj212Packet.nameLen(f) == len && Arrays.equals(b, os, os + len, b, ns, ns + len);
  }

  private boolean isDataTime(int s, int len) {
    return len == 8 && Arrays.equals(b, s, s + 8, DATA_TIME, 0, 8);
  }

  private long pack(
      int nameStart,
      int nameLen,
      int dashPlusOne,
      int valueStart,
      int valueLen,
      boolean itemStart) {
    return Hj212Packet.pack(
        nameStart - base, nameLen, dashPlusOne, valueStart - base, valueLen, itemStart);
  }

  /** Index of the first separator or control byte in {@code [p, to)}, or {@code to}. */
  private int next(int p, int to) {
    while (p < to) {
      byte c = CLASS[b[p] & 0xFF];
      if (c != ORDINARY) {
        if (c != NON_ASCII) {
          return p;
        }
        nonAscii = true;
      }
      p++;
    }
    return to;
  }

  private boolean isBlank(int from, int to) {
    for (int i = from; i < to; i++) {
      if (!isSpace(b[i])) {
        return false;
      }
    }
    return true;
  }

  private int trimStart(int from, int to) {
    while (from < to && isSpace(b[from])) {
      from++;
    }
    return from;
  }

  private int trimEnd(int from, int to) {
    while (to > from && isSpace(b[to - 1])) {
      to--;
    }
    return to;
  }

  static boolean isSpace(byte c) {
    return c == ' ' || c == '\t';
  }

  /** N14.2 style: optional sign, digits, optional point, at least one digit. */
  private boolean isNumber(int off, int len) {
    if (len == 0) {
      return false;
    }
    int i = off;
    int end = off + len;
    if (b[i] == '-' || b[i] == '+') {
      i++;
    }
    int digits = 0;
    while (i < end && b[i] >= '0' && b[i] <= '9') {
      i++;
      digits++;
    }
    if (i < end && b[i] == '.') {
      i++;
      while (i < end && b[i] >= '0' && b[i] <= '9') {
        i++;
        digits++;
      }
    }
    return i == end && digits > 0;
  }

  private boolean allDigits(int off, int len) {
    for (int i = off; i < off + len; i++) {
      if (b[i] < '0' || b[i] > '9') {
        return false;
      }
    }
    return true;
  }

  /** Data flags of HJ 212-2017 Table 8. */
  static boolean isDataFlag(byte c) {
    return switch (c) {
      case 'N', 'F', 'M', 'S', 'D', 'C', 'T', 'B' -> true;
      default -> false;
    };
  }

  private boolean fail(Hj212RejectReason reason, String field, String detail) {
    error = reason;
    errorField = field;
    errorDetail = detail;
    return false;
  }

  private boolean failChar(int at, String where) {
    int c = b[at] & 0xFF;
    return fail(
        Hj212RejectReason.BAD_GRAMMAR,
        null,
        describe(c) + " " + where + " (offset " + (at - base) + ")");
  }

  private static String describe(int c) {
    return c < 0x20 || c >= 0x7F ? String.format("byte 0x%02X", c) : "'" + (char) c + "'";
  }

  private String text(int off, int len) {
    return new String(b, off, len, StandardCharsets.UTF_8);
  }
}
