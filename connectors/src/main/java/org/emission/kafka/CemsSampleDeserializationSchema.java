package org.emission.kafka;

import java.io.IOException;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.Collector;
import org.emission.records.CemsSample;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@link CemsSample} records from {@code cems.samples}. A record that is not valid JSON of
 * the contract is logged and skipped: the gateway already wrote the packet to {@code hj212.raw}.
 */
public final class CemsSampleDeserializationSchema implements DeserializationSchema<CemsSample> {
  private static final Logger LOG = LoggerFactory.getLogger(CemsSampleDeserializationSchema.class);

  @Override
  public CemsSample deserialize(byte[] message) throws IOException {
    return JsonCodec.read(message, CemsSample.class);
  }

  @Override
  public void deserialize(byte[] message, Collector<CemsSample> out) {
    try {
      out.collect(deserialize(message));
    } catch (IOException | RuntimeException e) {
      LOG.warn("skipping a record of cems.samples that breaks the contract: {}", e.getMessage());
    }
  }

  @Override
  public boolean isEndOfStream(CemsSample nextElement) {
    return false;
  }

  @Override
  public TypeInformation<CemsSample> getProducedType() {
    return TypeInformation.of(CemsSample.class);
  }
}
