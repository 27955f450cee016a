package org.emission.local.clickhouse;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An independent reader of Native output as a server writes it for a client with
 * client_protocol_version 54460 (what clickhouse-go decodes): per block a BlockInfo, the column and
 * row counts, and per column its name, type, the has_custom_serialization byte and the data.
 * Written from ClickHouse's format description for the tests, sharing no code with the server.
 */
final class NativeBlocks {
  record Column(String name, String type, List<Object> values) {}

  record Block(boolean overflows, int bucket, List<Column> columns, int rows) {}

  private final ByteBuffer in;

  private NativeBlocks(byte[] data) {
    this.in = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
  }

  static List<Block> read54460(byte[] data) {
    NativeBlocks reader = new NativeBlocks(data);
    List<Block> blocks = new ArrayList<>();
    while (reader.in.hasRemaining()) {
      blocks.add(reader.block());
    }
    return blocks;
  }

  private Block block() {
    boolean overflows = false;
    int bucket = 0;
    for (long field = varUInt(); field != 0; field = varUInt()) {
      if (field == 1) {
        overflows = in.get() != 0;
      } else if (field == 2) {
        bucket = in.getInt();
      } else {
        throw new IllegalStateException("unexpected BlockInfo field " + field);
      }
    }
    int columns = (int) varUInt();
    int rows = (int) varUInt();
    List<Column> result = new ArrayList<>();
    for (int c = 0; c < columns; c++) {
      String name = string();
      String type = string();
      int custom = in.get();
      if (custom != 0) {
        throw new IllegalStateException("custom serialization for " + name);
      }
      List<Object> values = rows == 0 ? List.of() : column(type, rows, true);
      result.add(new Column(name, type, values));
    }
    return new Block(overflows, bucket, result, rows);
  }

  /** Reads the column's prefix (LowCardinality only) when {@code top}, then its data. */
  private List<Object> column(String type, int rows, boolean top) {
    if (top && type.contains("LowCardinality(")) {
      long version = in.getLong();
      if (version != 1) {
        throw new IllegalStateException("LowCardinality key version " + version);
      }
    }
    List<Object> values = new ArrayList<>(rows);
    if (type.startsWith("Nullable(")) {
      byte[] nulls = new byte[rows];
      in.get(nulls);
      List<Object> inner = column(inside(type), rows, false);
      for (int i = 0; i < rows; i++) {
        values.add(nulls[i] != 0 ? null : inner.get(i));
      }
      return values;
    }
    if (type.startsWith("Array(")) {
      long[] offsets = new long[rows];
      for (int i = 0; i < rows; i++) {
        offsets[i] = in.getLong();
      }
      List<Object> inner = column(inside(type), (int) offsets[rows - 1], false);
      long previous = 0;
      for (int i = 0; i < rows; i++) {
        values.add(List.copyOf(inner.subList((int) previous, (int) offsets[i])));
        previous = offsets[i];
      }
      return values;
    }
    if (type.startsWith("LowCardinality(")) {
      long indexType = in.getLong();
      List<Object> keys = List.of();
      if ((indexType & (1 << 9)) != 0) {
        int count = (int) in.getLong();
        String dictionary = inside(type);
        boolean nullable = dictionary.startsWith("Nullable(");
        keys = column(nullable ? inside(dictionary) : dictionary, count, false);
        if (nullable) {
          keys = new ArrayList<>(keys);
          keys.set(0, null);
        }
      }
      long count = in.getLong();
      for (long i = 0; i < count; i++) {
        long index =
            switch ((int) (indexType & 0xff)) {
              case 0 -> in.get() & 0xff;
              case 1 -> in.getShort() & 0xffff;
              case 2 -> in.getInt() & 0xffffffffL;
              default -> in.getLong();
            };
        values.add(keys.get((int) index));
      }
      return values;
    }
    for (int i = 0; i < rows; i++) {
      values.add(value(type));
    }
    return values;
  }

  private Object value(String type) {
    if (type.equals("String")) {
      return string();
    }
    if (type.equals("UInt8")) {
      return (long) (in.get() & 0xff);
    }
    if (type.equals("UInt32")) {
      return in.getInt() & 0xffffffffL;
    }
    if (type.equals("UInt64") || type.equals("Int64")) {
      return in.getLong();
    }
    if (type.equals("Float64")) {
      return in.getDouble();
    }
    if (type.equals("DateTime") || type.startsWith("DateTime(")) {
      return Instant.ofEpochSecond(in.getInt() & 0xffffffffL);
    }
    if (type.startsWith("DateTime64(")) {
      int precision = Integer.parseInt(inside(type).split(",")[0].strip());
      long ticks = in.getLong();
      return Instant.EPOCH.plusNanos(
          BigInteger.valueOf(ticks).multiply(BigInteger.TEN.pow(9 - precision)).longValueExact());
    }
    if (type.startsWith("Decimal(")) {
      String[] ps = inside(type).split(",");
      int precision = Integer.parseInt(ps[0].strip());
      int scale = Integer.parseInt(ps[1].strip());
      long unscaled = precision <= 9 ? in.getInt() : in.getLong();
      return BigDecimal.valueOf(unscaled, scale);
    }
    throw new IllegalStateException("the test reader does not know " + type);
  }

  private static String inside(String type) {
    return type.substring(type.indexOf('(') + 1, type.lastIndexOf(')'));
  }

  private long varUInt() {
    long value = 0;
    for (int shift = 0; ; shift += 7) {
      int b = in.get() & 0xff;
      value |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
  }

  private String string() {
    byte[] bytes = new byte[(int) varUInt()];
    in.get(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
