package org.emission.hj212;

import java.nio.charset.StandardCharsets;

/**
 * Writes packets as frames (HJ 212-2017 Table 2): {@code ##}, the 4-digit zero-padded byte length
 * of the data segment, the data segment, its CRC in upper-case hex ({@link Hj212Crc}) and CR LF.
 *
 * <p>The data segment is written canonically: QN;ST;CN;PW;MN;Flag;PNUM;PNO;RF; then extra header
 * fields, then {@code CP=&&...&&}, absent fields omitted, no whitespace. A frame decoded from
 * canonical input is thus re-encoded byte for byte.
 */
public final class Hj212Encoder {

  /** Longest data segment in one packet; longer data must be split (HJ 212-2017 Table 2). */
  public static final int MAX_DATA_SEGMENT = 1024;

  private static final byte[] CP_OPEN = {'C', 'P', '=', '&', '&'};

  private Hj212Encoder() {}

  /**
   * The frame of a packet.
   *
   * @throws IllegalArgumentException when the data segment exceeds 1024 bytes (split it first)
   */
  public static byte[] encode(Hj212Packet packet) {
    byte[] segment = segment(packet);
    if (segment.length > MAX_DATA_SEGMENT) {
      throw new IllegalArgumentException(
          "data segment of "
              + segment.length
              + " bytes exceeds "
              + MAX_DATA_SEGMENT
              + "; send it as sub-packets (PNUM/PNO)");
    }
    return frame(segment);
  }

  /** The frame of a packet as text. */
  public static String encodeToString(Hj212Packet packet) {
    return new String(encode(packet), StandardCharsets.UTF_8);
  }

  /** Wraps an arbitrary data segment into a frame with its length, CRC and CR LF. */
  public static byte[] frame(byte[] segment) {
    int n = segment.length;
    if (n > 9999) {
      throw new IllegalArgumentException("data segment of " + n + " bytes does not fit 4 digits");
    }
    byte[] out = new byte[n + 12];
    out[0] = '#';
    out[1] = '#';
    out[2] = (byte) ('0' + n / 1000);
    out[3] = (byte) ('0' + n / 100 % 10);
    out[4] = (byte) ('0' + n / 10 % 10);
    out[5] = (byte) ('0' + n % 10);
    System.arraycopy(segment, 0, out, 6, n);
    Hj212Crc.writeHex(Hj212Crc.compute(segment, 0, n), out, 6 + n);
    out[n + 10] = '\r';
    out[n + 11] = '\n';
    return out;
  }

  /** Wraps a data segment given as text (UTF-8) into a frame. */
  public static String frame(String segment) {
    return new String(frame(segment.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
  }

  /** The canonical data segment of a packet. */
  static byte[] segment(Hj212Packet p) {
    byte[] src = p.buf();
    int base = p.segOff();
    long[] extras = p.packedExtras();
    long[] fields = p.packedFields();
    int size = 0;
    for (int rank = 0; rank < Hj212Codes.CP; rank++) {
      int len = p.headerLen(rank);
      if (len >= 0) {
        size += Hj212Codes.HEADER_NAMES[rank].length() + len + 2;
      }
    }
    for (long f : extras) {
      size += Hj212Packet.nameLen(f) + Hj212Packet.valueLen(f) + 2;
    }
    size += CP_OPEN.length + 2;
    for (int i = 0; i < fields.length; i++) {
      long f = fields[i];
      size += Hj212Packet.nameLen(f) + 1 + Hj212Packet.valueLen(f) + (i > 0 ? 1 : 0);
    }
    byte[] out = new byte[size];
    int o = 0;
    for (int rank = 0; rank < Hj212Codes.CP; rank++) {
      int len = p.headerLen(rank);
      if (len >= 0) {
        String name = Hj212Codes.HEADER_NAMES[rank];
        for (int i = 0; i < name.length(); i++) {
          out[o++] = (byte) name.charAt(i);
        }
        out[o++] = '=';
        System.arraycopy(src, p.headerOff(rank), out, o, len);
        o += len;
        out[o++] = ';';
      }
    }
    for (long f : extras) {
      o = copyField(src, base, f, out, o);
      out[o++] = ';';
    }
    System.arraycopy(CP_OPEN, 0, out, o, CP_OPEN.length);
    o += CP_OPEN.length;
    for (int i = 0; i < fields.length; i++) {
      long f = fields[i];
      if (i > 0) {
        out[o++] = Hj212Packet.isItemStart(f) ? (byte) ';' : (byte) ',';
      }
      o = copyField(src, base, f, out, o);
    }
    out[o++] = '&';
    out[o++] = '&';
    return out;
  }

  private static int copyField(byte[] src, int base, long f, byte[] out, int o) {
    int nl = Hj212Packet.nameLen(f);
    System.arraycopy(src, base + Hj212Packet.nameOff(f), out, o, nl);
    o += nl;
    out[o++] = '=';
    int vl = Hj212Packet.valueLen(f);
    System.arraycopy(src, base + Hj212Packet.valueOff(f), out, o, vl);
    return o + vl;
  }
}
