package org.emission.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class CemsSampleSerializerTest {

  private static CemsSample roundTrip(CemsSample sample) throws Exception {
    DataOutputSerializer out = new DataOutputSerializer(256);
    CemsSampleSerializer.INSTANCE.serialize(sample, out);
    DataOutputSerializer copied = new DataOutputSerializer(256);
    CemsSampleSerializer.INSTANCE.copy(new DataInputDeserializer(out.getCopyOfBuffer()), copied);
    assertThat(copied.getCopyOfBuffer()).isEqualTo(out.getCopyOfBuffer());
    DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
    CemsSample read = CemsSampleSerializer.INSTANCE.deserialize(in);
    assertThat(in.available()).isZero();
    return read;
  }

  @Test
  void everyFieldSurvivesTheRoundTrip() throws Exception {
    CemsSample full =
        new CemsSample(
            CemsSample.SCHEMA,
            "88150300401100000000ABCD",
            "31",
            "2051",
            "20250115100100123",
            "HJ212-2017",
            OffsetDateTime.parse("2025-01-15T10:00+08:00"),
            Instant.parse("2025-01-15T02:01:00.123456789Z"),
            true,
            Map.of(
                "a21026", Map.of("Avg", "36.0", "Flag", "N", "ZsAvg", "46.8"),
                "a19001", Map.of("Avg", "11.0", "Flag", "N")),
            Map.of("SB1-RS", "1", "note", "数采仪"));
    assertThat(roundTrip(full)).isEqualTo(full);
    assertThat(roundTrip(full).dataTime().getOffset()).isEqualTo(full.dataTime().getOffset());
  }

  @Test
  void optionalFieldsMayBeAbsent() throws Exception {
    CemsSample sparse =
        new CemsSample(
            CemsSample.SCHEMA,
            "15030230125620",
            null,
            "2011",
            null,
            null,
            OffsetDateTime.parse("2025-01-15T10:00:30+08:00"),
            null,
            false,
            Map.of(),
            null);
    assertThat(roundTrip(sparse)).isEqualTo(sparse);
  }

  @Test
  void flinkUsesItForEveryStreamOfSamples() {
    assertThat(TypeInformation.of(CemsSample.class)).isEqualTo(CemsSampleTypeInfo.INSTANCE);
  }
}
