package org.emission.local.clickhouse;

import java.nio.charset.StandardCharsets;

/**
 * A cursor over bytes in ClickHouse's Native format: little-endian integers, LEB128 {@code VarUInt}
 * and {@code String} as a VarUInt length followed by the bytes (src/IO/VarInt.h, WriteHelpers.h).
 */
final class NativeReader {
  private final byte[] data;
  private int position;

  NativeReader(byte[] data) {
    this.data = data;
  }

  boolean atEnd() {
    return position >= data.length;
  }

  int position() {
    return position;
  }

  byte[] data() {
    return data;
  }

  long readVarUInt() {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      int b = readUInt8();
      value |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw new IllegalArgumentException("VarUInt longer than 10 bytes at " + position);
  }

  int readUInt8() {
    require(1);
    return data[position++] & 0xff;
  }

  long readUInt64() {
    require(8);
    long value = 0;
    for (int i = 7; i >= 0; i--) {
      value = (value << 8) | (data[position + i] & 0xff);
    }
    position += 8;
    return value;
  }

  String readString() {
    long length = readVarUInt();
    require(length);
    String value = new String(data, position, (int) length, StandardCharsets.UTF_8);
    position += (int) length;
    return value;
  }

  /** Skips {@code count} items of {@code width} bytes each, refusing sizes past the end. */
  void skip(long count, long width) {
    if (count < 0 || width < 0 || (width > 0 && count > Long.MAX_VALUE / width)) {
      throw new IllegalArgumentException("impossible size " + count + " x " + width);
    }
    long bytes = count * width;
    require(bytes);
    position += (int) bytes;
  }

  private void require(long bytes) {
    if (bytes < 0 || bytes > data.length - position) {
      throw new IllegalArgumentException(
          "Native data ends at " + data.length + ", needed " + bytes + " bytes at " + position);
    }
  }
}
