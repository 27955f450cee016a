package org.emission.local.clickhouse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Rewrites chDB's Native output, which is always protocol revision 0, into the Native output a
 * ClickHouse server writes for a client that sent {@code client_protocol_version=N}
 * (src/Formats/NativeWriter.cpp, src/Core/BlockInfo.cpp, src/Core/ProtocolDefines.h):
 *
 * <ul>
 *   <li>N &gt; 0: each block starts with BlockInfo: field 1 {@code is_overflows} (UInt8 0), field 2
 *       {@code bucket_num} (Int32 -1), from revision 54480 field 3 {@code out_of_order_buckets} (an
 *       empty vector), then 0;
 *   <li>N &ge; 54337: a top-level {@code DateTime('tz')} keeps its time zone, which revision 0
 *       drops (NativeWriter writes plain {@code DateTime} below that revision), so the real type
 *       names are asked of the {@code typeResolver};
 *   <li>N &ge; 54454: each column's type is followed by a {@code has_custom_serialization} byte;
 *       chDB's data is the default (dense) serialization, so it is 0.
 * </ul>
 *
 * <p>The column data itself is the same at every revision up to 54491 for the types {@link
 * NativeType} understands, and is copied byte for byte. Data that would differ is refused with
 * NOT_IMPLEMENTED: LowCardinality for a client below 54405 (the server would send the plain type),
 * String from 54492 (sent with a separate size stream) and types NativeType cannot lay out.
 */
final class NativeTranscoder {
  static final long REVISION_WITH_TIME_ZONE_IN_DATETIME = 54337;
  static final long REVISION_WITH_LOW_CARDINALITY = 54405;
  static final long REVISION_WITH_CUSTOM_SERIALIZATION = 54454;
  static final long REVISION_WITH_OUT_OF_ORDER_BUCKETS = 54480;
  static final long REVISION_WITH_STRING_SIZE_STREAM = 54492;

  private final long revision;
  private final Supplier<List<String>> typeResolver;
  private final Map<String, NativeType> parsed = new HashMap<>();
  private List<String> resolvedTypes;

  /**
   * @param revision the client's {@code client_protocol_version}, &gt; 0
   * @param typeResolver the result's column types as ClickHouse names them, or null if unknown;
   *     asked only when a top-level DateTime column may have lost its time zone
   */
  NativeTranscoder(long revision, Supplier<List<String>> typeResolver) {
    this.revision = revision;
    this.typeResolver = typeResolver;
  }

  byte[] transcode(byte[] revisionZero) {
    NativeReader in = new NativeReader(revisionZero);
    ByteArrayOutputStream out = new ByteArrayOutputStream(revisionZero.length + 256);
    while (!in.atEnd()) {
      writeBlockInfo(out);
      long columns = in.readVarUInt();
      long rows = in.readVarUInt();
      writeVarUInt(out, columns);
      writeVarUInt(out, rows);
      for (int column = 0; column < columns; column++) {
        writeString(out, in.readString());
        String typeName = in.readString();
        NativeType type = type(typeName);
        writeString(out, restoreTimeZone(column, (int) columns, typeName));
        if (revision >= REVISION_WITH_CUSTOM_SERIALIZATION) {
          out.write(0);
        }
        if (rows > 0) {
          int start = in.position();
          type.skipPrefix(in);
          type.skipData(in, rows);
          out.write(in.data(), start, in.position() - start);
        }
      }
    }
    return out.toByteArray();
  }

  private NativeType type(String typeName) {
    NativeType type = parsed.get(typeName);
    if (type != null) {
      return type;
    }
    try {
      type = NativeType.parse(typeName);
    } catch (NativeType.UnsupportedTypeException e) {
      throw notImplemented("type " + e.typeName());
    }
    if (revision < REVISION_WITH_LOW_CARDINALITY && type.containsLowCardinality()) {
      throw notImplemented("LowCardinality (" + typeName + ") below revision 54405");
    }
    if (revision >= REVISION_WITH_STRING_SIZE_STREAM && type.containsString()) {
      throw notImplemented("String (" + typeName + ") with the size-stream serialization");
    }
    parsed.put(typeName, type);
    return type;
  }

  private String restoreTimeZone(int column, int columns, String typeName) {
    if (!typeName.equals("DateTime")
        || revision < REVISION_WITH_TIME_ZONE_IN_DATETIME
        || typeResolver == null) {
      return typeName;
    }
    if (resolvedTypes == null) {
      List<String> types = typeResolver.get();
      resolvedTypes = types == null || types.size() != columns ? List.of() : types;
    }
    if (resolvedTypes.isEmpty()) {
      return typeName;
    }
    String resolved = resolvedTypes.get(column);
    return resolved.startsWith("DateTime(") ? resolved : typeName;
  }

  private void writeBlockInfo(ByteArrayOutputStream out) {
    out.write(1);
    out.write(0);
    out.write(2);
    out.writeBytes(new byte[] {-1, -1, -1, -1});
    if (revision >= REVISION_WITH_OUT_OF_ORDER_BUCKETS) {
      out.write(3);
      out.write(0);
    }
    out.write(0);
  }

  private ClickHouseException notImplemented(String what) {
    return new ClickHouseException(
        ClickHouseError.of(
            ClickHouseError.NOT_IMPLEMENTED,
            "Code: 48. DB::Exception: The embedded ClickHouse (chDB) cannot write "
                + what
                + " in Native format for client_protocol_version "
                + revision
                + "; ask for another format or client_protocol_version=0. (NOT_IMPLEMENTED)"));
  }

  static void writeVarUInt(ByteArrayOutputStream out, long value) {
    long v = value;
    while ((v & ~0x7FL) != 0) {
      out.write((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
  }

  static void writeString(ByteArrayOutputStream out, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    writeVarUInt(out, bytes.length);
    out.writeBytes(bytes);
  }
}
