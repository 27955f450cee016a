package org.emission.hj212;

/**
 * The CRC16 check of HJ 212 (HJ 212-2017 Appendix A, normative; HJ 212-2025 Appendix A.1), computed
 * over the UTF-8 bytes of the data segment (数据段) only.
 *
 * <p>The standard's loop per byte is {@code reg = (reg >> 8) ^ b} followed by eight reflected
 * shifts with polynomial 0xA001, starting from 0xFFFF. It is <em>not</em> Modbus CRC-16: HJ 212
 * drops the low byte of the register before folding in the next byte. Because eight shifts of a
 * value whose low byte is {@code x} give {@code TABLE[x] ^ (value >>> 8)}, and the register's high
 * byte is gone after the {@code >> 8}, one step is {@code reg = TABLE[(reg >>> 8) ^ b]}. The
 * mapping is linear over GF(2), so eight bytes can be folded at once with eight tables
 * (slicing-by-8), which breaks the load-to-load dependency of the byte-wise loop.
 *
 * <p>Check values: {@code 123456789} gives 2F80 (Modbus: 4B37); the official 2017 example gives
 * 1C80.
 *
 * <p>A consequence of dropping the low byte: the result is {@code TABLE[x]} for an 8-bit {@code x},
 * so only 256 distinct CRC values exist. The check catches most corruption but is weaker than a
 * true 16-bit CRC, which is why the decoder also checks the length and the grammar.
 */
public final class Hj212Crc {

  /** Register value before the first byte (HJ 212-2017 Appendix A, step 1). */
  public static final int INITIAL = 0xFFFF;

  private static final int POLYNOMIAL = 0xA001;

  /** {@code SLICES[k * 256 + x]}: contribution of byte {@code x} seen {@code k + 1} steps ago. */
  private static final int[] SLICES = new int[8 * 256];

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  static {
    for (int x = 0; x < 256; x++) {
      int reg = x;
      for (int bit = 0; bit < 8; bit++) {
        reg = (reg & 1) != 0 ? (reg >>> 1) ^ POLYNOMIAL : reg >>> 1;
      }
      SLICES[x] = reg;
    }
    for (int k = 1; k < 8; k++) {
      for (int x = 0; x < 256; x++) {
        SLICES[k * 256 + x] = SLICES[SLICES[(k - 1) * 256 + x] >>> 8];
      }
    }
  }

  private Hj212Crc() {}

  /** CRC of a whole array. */
  public static int compute(byte[] bytes) {
    return compute(bytes, 0, bytes.length);
  }

  /** CRC of {@code length} bytes from {@code offset}, as an unsigned 16-bit value. */
  public static int compute(byte[] bytes, int offset, int length) {
    return update(INITIAL, bytes, offset, length);
  }

  /** Continues a CRC: feeds {@code length} more bytes into register {@code reg}. */
  public static int update(int reg, byte[] bytes, int offset, int length) {
    int i = offset;
    int end = offset + length;
    int[] t = SLICES;
    for (; i + 8 <= end; i += 8) {
      reg =
          t[7 * 256 + (((reg >>> 8) ^ bytes[i]) & 0xFF)]
              ^ t[6 * 256 + (bytes[i + 1] & 0xFF)]
              ^ t[5 * 256 + (bytes[i + 2] & 0xFF)]
              ^ t[4 * 256 + (bytes[i + 3] & 0xFF)]
              ^ t[3 * 256 + (bytes[i + 4] & 0xFF)]
              ^ t[2 * 256 + (bytes[i + 5] & 0xFF)]
              ^ t[256 + (bytes[i + 6] & 0xFF)]
              ^ t[bytes[i + 7] & 0xFF];
    }
    for (; i < end; i++) {
      reg = t[((reg >>> 8) ^ bytes[i]) & 0xFF];
    }
    return reg;
  }

  /** The CRC as it is written in a packet: four uppercase hex digits, high byte first. */
  public static String toHex(int crc) {
    return new String(
        new char[] {
          HEX[(crc >>> 12) & 0xF], HEX[(crc >>> 8) & 0xF], HEX[(crc >>> 4) & 0xF], HEX[crc & 0xF]
        });
  }

  /** Writes the four uppercase hex digits of {@code crc} into {@code out} at {@code offset}. */
  static void writeHex(int crc, byte[] out, int offset) {
    out[offset] = (byte) HEX[(crc >>> 12) & 0xF];
    out[offset + 1] = (byte) HEX[(crc >>> 8) & 0xF];
    out[offset + 2] = (byte) HEX[(crc >>> 4) & 0xF];
    out[offset + 3] = (byte) HEX[crc & 0xF];
  }
}
