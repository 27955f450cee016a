package org.emission.records;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * Flink's serializer of {@link CemsSample}, field by field: what the compliance job ships from the
 * source to the operator keyed by MN. Generic (Kryo) serialization of the nested maps cost more
 * than the compliance rules themselves. Records are immutable, so copies are the records
 * themselves.
 */
public final class CemsSampleSerializer extends TypeSerializerSingleton<CemsSample> {

  private static final long serialVersionUID = 1L;

  public static final CemsSampleSerializer INSTANCE = new CemsSampleSerializer();

  @Override
  public boolean isImmutableType() {
    return true;
  }

  @Override
  public CemsSample createInstance() {
    return null;
  }

  @Override
  public CemsSample copy(CemsSample from) {
    return from;
  }

  @Override
  public CemsSample copy(CemsSample from, CemsSample reuse) {
    return from;
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(CemsSample s, DataOutputView out) throws IOException {
    out.writeInt(s.schema());
    StringValue.writeString(s.mn(), out);
    StringValue.writeString(s.st(), out);
    StringValue.writeString(s.cn(), out);
    StringValue.writeString(s.qn(), out);
    StringValue.writeString(s.protocol(), out);
    out.writeLong(s.dataTime().toEpochSecond());
    out.writeInt(s.dataTime().getNano());
    out.writeInt(s.dataTime().getOffset().getTotalSeconds());
    out.writeBoolean(s.receivedAt() != null);
    if (s.receivedAt() != null) {
      out.writeLong(s.receivedAt().getEpochSecond());
      out.writeInt(s.receivedAt().getNano());
    }
    out.writeBoolean(s.backfill());
    out.writeInt(s.pollutants().size());
    for (Map.Entry<String, Map<String, String>> p : s.pollutants().entrySet()) {
      StringValue.writeString(p.getKey(), out);
      writeFields(p.getValue(), out);
    }
    writeFields(s.extra(), out);
  }

  private static void writeFields(Map<String, String> fields, DataOutputView out)
      throws IOException {
    out.writeInt(fields.size());
    for (Map.Entry<String, String> f : fields.entrySet()) {
      StringValue.writeString(f.getKey(), out);
      StringValue.writeString(f.getValue(), out);
    }
  }

  @Override
  public CemsSample deserialize(DataInputView in) throws IOException {
    int schema = in.readInt();
    String mn = StringValue.readString(in);
    String st = StringValue.readString(in);
    String cn = StringValue.readString(in);
    String qn = StringValue.readString(in);
    String protocol = StringValue.readString(in);
    long seconds = in.readLong();
    int nanos = in.readInt();
    ZoneOffset offset = ZoneOffset.ofTotalSeconds(in.readInt());
    OffsetDateTime dataTime =
        OffsetDateTime.ofInstant(Instant.ofEpochSecond(seconds, nanos), offset);
    Instant receivedAt =
        in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
    boolean backfill = in.readBoolean();
    int count = in.readInt();
    FieldMap.Builder<Map<String, String>> pollutants = new FieldMap.Builder<>(count);
    for (int i = 0; i < count; i++) {
      pollutants.put(StringValue.readString(in), readFields(in));
    }
    Map<String, String> extra = readFields(in);
    return new CemsSample(
        schema,
        mn,
        st,
        cn,
        qn,
        protocol,
        dataTime,
        receivedAt,
        backfill,
        pollutants.build(),
        extra);
  }

  private static Map<String, String> readFields(DataInputView in) throws IOException {
    int n = in.readInt();
    FieldMap.Builder<String> fields = new FieldMap.Builder<>(n);
    for (int i = 0; i < n; i++) {
      fields.put(StringValue.readString(in), StringValue.readString(in));
    }
    // the record keeps a FieldMap as it is
    return fields.build();
  }

  @Override
  public CemsSample deserialize(CemsSample reuse, DataInputView in) throws IOException {
    return deserialize(in);
  }

  @Override
  public void copy(DataInputView in, DataOutputView out) throws IOException {
    // field by field, without making the record
    out.writeInt(in.readInt());
    for (int i = 0; i < 5; i++) {
      StringValue.copyString(in, out);
    }
    out.writeLong(in.readLong());
    out.writeInt(in.readInt());
    out.writeInt(in.readInt());
    boolean received = in.readBoolean();
    out.writeBoolean(received);
    if (received) {
      out.writeLong(in.readLong());
      out.writeInt(in.readInt());
    }
    out.writeBoolean(in.readBoolean());
    int pollutants = in.readInt();
    out.writeInt(pollutants);
    for (int i = 0; i < pollutants; i++) {
      StringValue.copyString(in, out);
      copyFields(in, out);
    }
    copyFields(in, out);
  }

  private static void copyFields(DataInputView in, DataOutputView out) throws IOException {
    int n = in.readInt();
    out.writeInt(n);
    for (int i = 0; i < 2 * n; i++) {
      StringValue.copyString(in, out);
    }
  }

  @Override
  public TypeSerializerSnapshot<CemsSample> snapshotConfiguration() {
    return new Snapshot();
  }

  /** Serializer snapshot for state compatibility checks. */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<CemsSample> {
    public Snapshot() {
      super(() -> INSTANCE);
    }
  }
}
