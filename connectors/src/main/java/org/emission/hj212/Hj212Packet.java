package org.emission.hj212;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.emission.records.FieldMap;

/**
 * One HJ 212 packet (通讯包): the header fields of the data segment and its CP data area (数据区), all
 * values kept as the text sent (HJ 212-2017 Table 3, §6.3.3).
 *
 * <p>Immutable. A decoded packet keeps the frame's bytes and the offsets of its fields and makes
 * Strings only when asked, so that decoding allocates little; the decoder does not copy the frame,
 * so the caller must not modify the array after decoding. Packets built with {@link #builder()} own
 * their bytes. Two packets are equal when their header fields and CP items have the same text,
 * whatever whitespace or CRC case the frame had.
 */
public final class Hj212Packet {

  private static final long[] NONE = new long[0];

  private final byte[] buf;
  private final int segOff;
  private final int segLen;

  /** Per header rank (see {@link Hj212Codes#QN}..): absolute offset, length (-1 when absent). */
  private final int[] header;

  /** Packed unknown header fields, in the order sent. */
  private final long[] extras;

  /** Packed CP fields, in the order sent; see {@link #pack}. */
  private final long[] fields;

  private final int dataTimeIndex;
  private final int flag;
  private final int pnum;
  private final int pno;

  // Lazily made views; Strings are immutable, so a racy first computation is harmless.
  private String qn;
  private String st;
  private String cn;
  private String mn;
  private List<Hj212Item> items;
  private Groups groups;

  Hj212Packet(
      byte[] buf,
      int segOff,
      int segLen,
      int[] header,
      long[] fields,
      int fieldCount,
      long[] extras,
      int extraCount,
      int dataTimeIndex) {
    this.buf = buf;
    this.segOff = segOff;
    this.segLen = segLen;
    this.header = header.clone();
    this.fields = fieldCount == 0 ? NONE : Arrays.copyOf(fields, fieldCount);
    this.extras = extraCount == 0 ? NONE : Arrays.copyOf(extras, extraCount);
    this.dataTimeIndex = dataTimeIndex;
    this.flag = headerInt(Hj212Codes.FLAG);
    this.pnum = headerInt(Hj212Codes.PNUM);
    this.pno = headerInt(Hj212Codes.PNO);
  }

  /** A builder for packets to send (answers, commands) or for tests. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this packet's fields. */
  public Builder toBuilder() {
    Builder b =
        new Builder()
            .qn(qn())
            .st(st())
            .cn(cn())
            .pw(pw())
            .mn(mn())
            .flag(flag())
            .pnum(pnum())
            .pno(pno())
            .rf(rf());
    for (Hj212Field f : headerExtras()) {
      b.headerField(f.name(), f.value());
    }
    return b.items(items());
  }

  // ---- header ----

  /** Edition from the Flag version bits (no Flag: HJ/T 212-2005). */
  public Hj212Edition edition() {
    return Hj212Edition.ofFlag(flag());
  }

  /** Flag bits 7..2 (V5..V0) as sent, 0 when Flag is absent. */
  public int versionBits() {
    return flag < 0 ? 0 : flag >>> 2;
  }

  /** QN request id {@code yyyyMMddHHmmssSSS}, or null. */
  public String qn() {
    String s = qn;
    if (s == null && present(Hj212Codes.QN)) {
      qn = s = headerText(Hj212Codes.QN);
    }
    return s;
  }

  /** ST system code, e.g. "31" flue gas, "32" wastewater, "91" system interaction. */
  public String st() {
    String s = st;
    if (s == null && present(Hj212Codes.ST)) {
      st = s = sharedHeaderText(Hj212Codes.ST);
    }
    return s;
  }

  /** CN command code, e.g. "2011". */
  public String cn() {
    String s = cn;
    if (s == null && present(Hj212Codes.CN)) {
      cn = s = sharedHeaderText(Hj212Codes.CN);
    }
    return s;
  }

  /** PW access password, or null. */
  public String pw() {
    return sharedHeaderText(Hj212Codes.PW);
  }

  /** MN device id of the data logger. */
  public String mn() {
    String s = mn;
    if (s == null && present(Hj212Codes.MN)) {
      mn = s = sharedHeaderText(Hj212Codes.MN);
    }
    return s;
  }

  /** Flag as sent, or null when absent. */
  public Integer flag() {
    return flag < 0 ? null : flag;
  }

  /** Flag A bit (bit 0): the sender wants an answer (HJ 212-2017 Table 3). */
  public boolean ackRequested() {
    return flag >= 0 && (flag & 1) != 0;
  }

  /**
   * Flag D bit (bit 1): the packet is one of several sub-packets with PNUM/PNO. A packet without
   * Flag (HJ/T 212-2005) counts as split when it carries PNUM.
   */
  public boolean split() {
    return flag < 0 ? pnum >= 0 : (flag & 2) != 0;
  }

  /** PNUM total number of sub-packets, or null. */
  public Integer pnum() {
    return pnum < 0 ? null : pnum;
  }

  /** PNO number of this sub-packet (from 1), or null. */
  public Integer pno() {
    return pno < 0 ? null : pno;
  }

  /** RF as sent (HJ 212-2025: {@code RF=1} marks a back-filled, 补传, packet), or null. */
  public String rf() {
    return headerText(Hj212Codes.RF);
  }

  /** Whether the packet is marked as back-filled data ({@code RF=1}). */
  public boolean backfill() {
    int len = header[2 * Hj212Codes.RF + 1];
    return len == 1 && buf[header[2 * Hj212Codes.RF]] == '1';
  }

  /** Header fields the standard does not define, in the order sent. */
  public List<Hj212Field> headerExtras() {
    if (extras.length == 0) {
      return List.of();
    }
    List<Hj212Field> out = new ArrayList<>(extras.length);
    for (long f : extras) {
      out.add(field(f));
    }
    return Collections.unmodifiableList(out);
  }

  /** UTF-8 byte count of the data segment as sent (equals the declared length). */
  public int dataSegmentLength() {
    return segLen;
  }

  // ---- CP ----

  /** The CP area: items in the order sent, each an ordered list of fields. */
  public List<Hj212Item> items() {
    List<Hj212Item> list = items;
    if (list == null) {
      List<Hj212Item> out = new ArrayList<>();
      List<Hj212Field> current = null;
      for (long f : fields) {
        if (isItemStart(f) || current == null) {
          if (current != null) {
            out.add(new Hj212Item(current));
          }
          current = new ArrayList<>(4);
        }
        current.add(field(f));
      }
      if (current != null) {
        out.add(new Hj212Item(current));
      }
      items = list = List.copyOf(out);
    }
    return list;
  }

  /** All CP fields in the order sent, across items. */
  public List<Hj212Field> fields() {
    List<Hj212Field> out = new ArrayList<>(fields.length);
    for (long f : fields) {
      out.add(field(f));
    }
    return Collections.unmodifiableList(out);
  }

  /** Number of CP fields. */
  public int fieldCount() {
    return fields.length;
  }

  /** The value of the first CP field with this exact name, or null. */
  public String value(String name) {
    int i = indexOf(name);
    return i < 0 ? null : valueText(fields[i]);
  }

  /** Whether the CP area has a field with this exact name. */
  public boolean hasField(String name) {
    return indexOf(name) >= 0;
  }

  /** DataTime as sent, or null. */
  public String dataTimeText() {
    return dataTimeIndex < 0 ? null : valueText(fields[dataTimeIndex]);
  }

  /**
   * DataTime ({@code yyyyMMddHHmmss}, China Standard Time without offset): the start of the
   * interval for 2051/2061/2031/2041, the sampling instant for 2011/2021 (HJ 212-2017 Table 4).
   *
   * @return the time, or null when the packet has no DataTime
   * @throws java.time.DateTimeException when a built packet's DataTime is malformed (decoded
   *     packets are checked)
   */
  public LocalDateTime dataTime() {
    if (dataTimeIndex < 0) {
      return null;
    }
    long f = fields[dataTimeIndex];
    return Hj212Times.parse(buf, segOff + valueOff(f), valueLen(f));
  }

  /**
   * Pollutant fields grouped by code, then by kind: {@code a21026 -> {Avg -> 25.3, Flag -> N}}.
   * HJ/T 212-2005 codes are mapped to 2017 codes (see {@link #originalCodes()}); device fields
   * {@code SBxxx-RS/RT} are in {@link #devices()}. Ordered as sent; a duplicate keeps the first.
   */
  public Map<String, Map<String, String>> pollutants() {
    return groups().pollutants;
  }

  /** Treatment-equipment fields {@code SBxxx-RS} / {@code SBxxx-RT} by device code, then kind. */
  public Map<String, Map<String, String>> devices() {
    return groups().devices;
  }

  /** CP fields that are not {@code <code>-<kind>}: DataTime, BeginTime, QnRtn, PolId, ... */
  public Map<String, String> otherFields() {
    return groups().others;
  }

  /**
   * For each mapped HJ/T 212-2005 code, the 2017 code it became and the code sent: a21026 -> 02.
   */
  public Map<String, String> originalCodes() {
    return groups().originalCodes;
  }

  /** The code as sent for a code of {@link #pollutants()}: the 2005 code if mapped, else itself. */
  public String originalCode(String code) {
    return groups().originalCodes.getOrDefault(code, code);
  }

  // ---- Object ----

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Hj212Packet other)) {
      return false;
    }
    for (int rank = 0; rank < Hj212Codes.CP; rank++) {
      int len = header[2 * rank + 1];
      if (len != other.header[2 * rank + 1]
          || (len > 0 && !same(buf, header[2 * rank], other.buf, other.header[2 * rank], len))) {
        return false;
      }
    }
    return sameFields(extras, other, other.extras) && sameFields(fields, other, other.fields);
  }

  private boolean sameFields(long[] mine, Hj212Packet other, long[] theirs) {
    if (mine.length != theirs.length) {
      return false;
    }
    for (int i = 0; i < mine.length; i++) {
      long a = mine[i];
      long b = theirs[i];
      if (isItemStart(a) != isItemStart(b)
          || nameLen(a) != nameLen(b)
          || valueLen(a) != valueLen(b)
          || !same(buf, segOff + nameOff(a), other.buf, other.segOff + nameOff(b), nameLen(a))
          || !same(buf, segOff + valueOff(a), other.buf, other.segOff + valueOff(b), valueLen(a))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = 1;
    for (int rank = 0; rank < Hj212Codes.CP; rank++) {
      h = 31 * h + hash(buf, header[2 * rank], header[2 * rank + 1]);
    }
    for (long f : fields) {
      h = 31 * h + hash(buf, segOff + nameOff(f), nameLen(f));
      h = 31 * h + hash(buf, segOff + valueOff(f), valueLen(f));
    }
    return h;
  }

  /** The canonical data segment, e.g. {@code QN=...;ST=31;...;CP=&&...&&}. */
  @Override
  public String toString() {
    return new String(Hj212Encoder.segment(this), StandardCharsets.UTF_8);
  }

  // ---- internals shared with the encoder and scanner ----

  /**
   * A packet over a data segment this package wrote itself, {@code segment[0, length)}.
   *
   * @throws IllegalArgumentException when it is longer than the field offsets can hold (64 KiB)
   */
  static Hj212Packet ofSegment(byte[] segment, int length) {
    if (length > 0xFFFF) {
      throw new IllegalArgumentException("data segment of " + length + " bytes is too long");
    }
    SegmentScanner scanner = new SegmentScanner(false);
    scanner.reset();
    if (!scanner.scan(segment, 0, length)) {
      throw new IllegalArgumentException(scanner.errorDetail);
    }
    return new Hj212Packet(
        segment,
        0,
        length,
        scanner.header,
        scanner.fields,
        scanner.fieldCount,
        scanner.extras,
        scanner.extraCount,
        scanner.dataTimeIndex);
  }

  static long pack(
      int nameOff, int nameLen, int dashPlusOne, int valueOff, int valueLen, boolean itemStart) {
    return (nameOff & 0xFFFFL)
        | ((nameLen & 0xFFL) << 16)
        | ((dashPlusOne & 0xFFL) << 24)
        | ((valueOff & 0xFFFFL) << 32)
        | ((valueLen & 0xFFFL) << 48)
        | (itemStart ? 1L << 60 : 0L);
  }

  static int nameOff(long f) {
    return (int) (f & 0xFFFF);
  }

  static int nameLen(long f) {
    return (int) ((f >>> 16) & 0xFF);
  }

  /** Index of the code/kind '-' within the name, or -1. */
  static int dash(long f) {
    return (int) ((f >>> 24) & 0xFF) - 1;
  }

  static int valueOff(long f) {
    return (int) ((f >>> 32) & 0xFFFF);
  }

  static int valueLen(long f) {
    return (int) ((f >>> 48) & 0xFFF);
  }

  static boolean isItemStart(long f) {
    return (f & (1L << 60)) != 0;
  }

  byte[] buf() {
    return buf;
  }

  int segOff() {
    return segOff;
  }

  long[] packedFields() {
    return fields;
  }

  /** Index of the first DataTime among the CP fields, or -1. */
  int dataTimeIndex() {
    return dataTimeIndex;
  }

  long[] packedExtras() {
    return extras;
  }

  /** Absolute offset of a header value. */
  int headerOff(int rank) {
    return header[2 * rank];
  }

  /** Length of a header value, -1 when absent. */
  int headerLen(int rank) {
    return header[2 * rank + 1];
  }

  private boolean present(int rank) {
    return header[2 * rank + 1] >= 0;
  }

  private String headerText(int rank) {
    int len = header[2 * rank + 1];
    return len < 0 ? null : new String(buf, header[2 * rank], len, StandardCharsets.UTF_8);
  }

  /** A header value that repeats from packet to packet, as a shared String. */
  private String sharedHeaderText(int rank) {
    int len = header[2 * rank + 1];
    return len < 0 ? null : TextCache.of(buf, header[2 * rank], len);
  }

  /** Header value as a non-negative int, -1 when absent or not digits. */
  private int headerInt(int rank) {
    int len = header[2 * rank + 1];
    if (len <= 0 || len > 9) {
      return -1;
    }
    int off = header[2 * rank];
    int v = 0;
    for (int i = off; i < off + len; i++) {
      int d = buf[i] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }

  private Hj212Field field(long f) {
    return new Hj212Field(nameText(f), valueText(f));
  }

  private String nameText(long f) {
    return new String(buf, segOff + nameOff(f), nameLen(f), StandardCharsets.UTF_8);
  }

  /** The kind of a {@code code-kind} field name; the known kinds are shared Strings. */
  private String kindText(long f) {
    int dash = dash(f);
    int off = segOff + nameOff(f) + dash + 1;
    int len = nameLen(f) - dash - 1;
    int k = Hj212Codes.KIND_INDEX.get(buf, off, len);
    return k >= 0 ? Hj212Codes.KIND_NAMES[k] : new String(buf, off, len, StandardCharsets.UTF_8);
  }

  private String valueText(long f) {
    return new String(buf, segOff + valueOff(f), valueLen(f), StandardCharsets.UTF_8);
  }

  private int indexOf(String name) {
    int n = name.length();
    for (int i = 0; i < fields.length; i++) {
      long f = fields[i];
      if (nameLen(f) != n) {
        continue;
      }
      int off = segOff + nameOff(f);
      int j = 0;
      while (j < n && buf[off + j] == name.charAt(j)) {
        j++;
      }
      if (j == n) {
        return i;
      }
    }
    return -1;
  }

  private Groups groups() {
    Groups g = groups;
    if (g == null) {
      groups = g = new Groups(this);
    }
    return g;
  }

  private static boolean same(byte[] a, int ao, byte[] b, int bo, int len) {
    return Arrays.equals(a, ao, ao + len, b, bo, bo + len);
  }

  private static int hash(byte[] a, int off, int len) {
    int h = len;
    for (int i = off; i < off + len; i++) {
      h = 31 * h + a[i];
    }
    return h;
  }

  /** The grouped views of the CP area, made once on first use. */
  private static final class Groups {
    final Map<String, Map<String, String>> pollutants;
    final Map<String, Map<String, String>> devices;
    final Map<String, String> others;
    final Map<String, String> originalCodes;

    Groups(Hj212Packet p) {
      boolean map2005 = p.edition() == Hj212Edition.HJT212_2005;
      int n = p.fields.length;
      // the codes in the order first sent, each with the fields of its kinds
      String[] codes = new String[n];
      @SuppressWarnings("unchecked")
      FieldMap.Builder<String>[] kinds = new FieldMap.Builder[n];
      int groupCount = 0;
      FieldMap.Builder<String> oth = new FieldMap.Builder<>(2);
      FieldMap.Builder<String> orig = new FieldMap.Builder<>(1);
      int current = -1;
      long previous = -1;
      for (long f : p.fields) {
        int dash = dash(f);
        if (dash < 0) {
          oth.put(p.nameText(f), p.valueText(f));
          continue;
        }
        // Fields of one pollutant come together: the group stays while the code repeats.
        if (current < 0 || !sameCode(p, previous, f)) {
          String code = TextCache.of(p.buf, p.segOff + nameOff(f), dash);
          String mapped =
              map2005 && !code.startsWith("SB") ? Hj212Codes.code2017Of2005(code) : null;
          if (mapped != null) {
            orig.put(mapped, code);
            code = mapped;
          }
          current = -1;
          for (int g = 0; g < groupCount && current < 0; g++) {
            if (codes[g].equals(code)) {
              current = g;
            }
          }
          if (current < 0) {
            current = groupCount++;
            codes[current] = code;
            kinds[current] = new FieldMap.Builder<>(8);
          }
          previous = f;
        }
        kinds[current].put(p.kindText(f), p.valueText(f));
      }
      FieldMap.Builder<Map<String, String>> pol = new FieldMap.Builder<>(groupCount);
      FieldMap.Builder<Map<String, String>> dev = new FieldMap.Builder<>(1);
      for (int g = 0; g < groupCount; g++) {
        (codes[g].startsWith("SB") ? dev : pol).put(codes[g], kinds[g].build());
      }
      pollutants = pol.build();
      devices = dev.build();
      others = oth.build();
      originalCodes = orig.build();
    }

    private static boolean sameCode(Hj212Packet p, long a, long b) {
      int len = dash(a);
      if (len != dash(b)) {
        return false;
      }
      int ao = p.segOff + nameOff(a);
      int bo = p.segOff + nameOff(b);
      return Arrays.equals(p.buf, ao, ao + len, p.buf, bo, bo + len);
    }
  }

  /**
   * Builds a packet from texts. Checks only what keeps the packet readable: names of {@code
   * [A-Za-z0-9_.-]}, values without the reserved {@code ; , = &&} (HJ 212 has no escapes, HJ
   * 212-2017 §6.3.3), no control characters, no surrounding whitespace, and the size bounds.
   */
  public static final class Builder {
    private String qn;
    private String st;
    private String cn;
    private String pw;
    private String mn;
    private Integer flag;
    private Integer pnum;
    private Integer pno;
    private String rf;
    private final List<Hj212Field> headerExtras = new ArrayList<>();
    private final List<Hj212Item> items = new ArrayList<>();

    private Builder() {}

    public Builder qn(String qn) {
      this.qn = qn;
      return this;
    }

    public Builder st(String st) {
      this.st = st;
      return this;
    }

    public Builder cn(String cn) {
      this.cn = cn;
      return this;
    }

    public Builder pw(String pw) {
      this.pw = pw;
      return this;
    }

    public Builder mn(String mn) {
      this.mn = mn;
      return this;
    }

    /** Flag (0..255), or null to omit it (HJ/T 212-2005 style). */
    public Builder flag(Integer flag) {
      if (flag != null && (flag < 0 || flag > 255)) {
        throw new IllegalArgumentException("Flag must be 0..255: " + flag);
      }
      this.flag = flag;
      return this;
    }

    public Builder pnum(Integer pnum) {
      this.pnum = pnum;
      return this;
    }

    public Builder pno(Integer pno) {
      this.pno = pno;
      return this;
    }

    /** RF back-fill marker (HJ 212-2025), "1" or null. */
    public Builder rf(String rf) {
      this.rf = rf;
      return this;
    }

    /** Adds a header field the standard does not define (kept for round trips). */
    public Builder headerField(String name, String value) {
      if (Hj212Codes.HEADER.get(name) >= 0) {
        throw new IllegalArgumentException("not an extra header field: " + name);
      }
      headerExtras.add(new Hj212Field(name, value));
      return this;
    }

    /** Appends one CP item of these fields. */
    public Builder item(Hj212Field... fields) {
      items.add(new Hj212Item(List.of(fields)));
      return this;
    }

    /** Appends one CP item holding a single field. */
    public Builder item(String name, String value) {
      return item(new Hj212Field(name, value));
    }

    /** Appends CP items. */
    public Builder items(Collection<Hj212Item> more) {
      items.addAll(more);
      return this;
    }

    /** Removes all CP items. */
    public Builder clearItems() {
      items.clear();
      return this;
    }

    /**
     * Builds the packet.
     *
     * @throws IllegalArgumentException when a name or value cannot be written unambiguously
     */
    public Hj212Packet build() {
      StringBuilder sb = new StringBuilder(128);
      header(sb, "QN", qn);
      header(sb, "ST", st);
      header(sb, "CN", cn);
      header(sb, "PW", pw);
      header(sb, "MN", mn);
      header(sb, "Flag", flag == null ? null : flag.toString());
      header(sb, "PNUM", number("PNUM", pnum));
      header(sb, "PNO", number("PNO", pno));
      header(sb, "RF", rf);
      for (Hj212Field f : headerExtras) {
        header(sb, f.name(), f.value());
      }
      sb.append("CP=&&");
      for (int i = 0; i < items.size(); i++) {
        List<Hj212Field> fs = items.get(i).fields();
        if (fs.isEmpty()) {
          throw new IllegalArgumentException("empty CP item at index " + i);
        }
        if (i > 0) {
          sb.append(';');
        }
        for (int j = 0; j < fs.size(); j++) {
          if (j > 0) {
            sb.append(',');
          }
          Hj212Field f = fs.get(j);
          checkName(f.name());
          checkValue(f.name(), f.value(), false);
          sb.append(f.name()).append('=').append(f.value());
        }
      }
      sb.append("&&");
      byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
      if (bytes.length > 0xFFFF) {
        throw new IllegalArgumentException(
            "data segment of " + bytes.length + " bytes is too long");
      }
      SegmentScanner scanner = new SegmentScanner(false);
      if (!scanner.scan(bytes, 0, bytes.length)) {
        throw new IllegalArgumentException(scanner.errorDetail);
      }
      return new Hj212Packet(
          bytes,
          0,
          bytes.length,
          scanner.header,
          scanner.fields,
          scanner.fieldCount,
          scanner.extras,
          scanner.extraCount,
          scanner.dataTimeIndex);
    }

    private static String number(String name, Integer n) {
      if (n == null) {
        return null;
      }
      if (n < 0) {
        throw new IllegalArgumentException(name + " must not be negative: " + n);
      }
      return n.toString();
    }

    private static void header(StringBuilder sb, String name, String value) {
      if (value == null) {
        return;
      }
      checkName(name);
      checkValue(name, value, true);
      sb.append(name).append('=').append(value).append(';');
    }

    private static void checkName(String name) {
      Objects.requireNonNull(name, "name");
      if (name.isEmpty() || name.length() > SegmentScanner.MAX_NAME) {
        throw new IllegalArgumentException(
            "field name length must be 1.." + SegmentScanner.MAX_NAME + ": '" + name + "'");
      }
      for (int i = 0; i < name.length(); i++) {
        char c = name.charAt(i);
        boolean ok =
            (c >= '0' && c <= '9')
                || (c >= 'A' && c <= 'Z')
                || (c >= 'a' && c <= 'z')
                || c == '-'
                || c == '_'
                || c == '.';
        if (!ok) {
          throw new IllegalArgumentException(
              "invalid character '" + c + "' in field name '" + name + "'");
        }
      }
    }

    private static void checkValue(String name, String value, boolean header) {
      Objects.requireNonNull(value, () -> "value of " + name);
      if (!value.isEmpty()
          && (SegmentScanner.isSpace((byte) value.charAt(0))
              || SegmentScanner.isSpace((byte) value.charAt(value.length() - 1)))) {
        throw new IllegalArgumentException("value of " + name + " has surrounding whitespace");
      }
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        boolean bad =
            c == ';'
                || c == ','
                || c == '='
                || (c < 0x20 && c != '\t')
                || c == 0x7F
                || (c == '&' && (header || (i + 1 < value.length() && value.charAt(i + 1) == '&')));
        if (bad) {
          throw new IllegalArgumentException(
              "value of "
                  + name
                  + " contains a reserved character at index "
                  + i
                  + " (HJ 212 has no escapes)");
        }
      }
      int bytes = value.getBytes(StandardCharsets.UTF_8).length;
      if (bytes > SegmentScanner.MAX_VALUE) {
        throw new IllegalArgumentException(
            "value of " + name + " has " + bytes + " bytes, limit " + SegmentScanner.MAX_VALUE);
      }
    }
  }
}
