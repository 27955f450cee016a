package org.emission.kafka;

import java.io.IOException;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the JSON records of one of the project's topics ({@link JsonCodec}, e.g. {@code CemsSample}
 * from {@code cems.samples}). A record that is not valid JSON of the contract is logged and
 * skipped: the gateway already kept the packet it came from in {@code hj212.raw}.
 */
public final class ContractDeserializationSchema<T> implements DeserializationSchema<T> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(ContractDeserializationSchema.class);

  private final Class<T> type;
  private final String topic;

  private ContractDeserializationSchema(Class<T> type, String topic) {
    this.type = type;
    this.topic = topic;
  }

  /** Records of {@code type} from {@code topic} (the topic names the log lines). */
  public static <T> ContractDeserializationSchema<T> of(Class<T> type, String topic) {
    return new ContractDeserializationSchema<>(type, topic);
  }

  @Override
  public T deserialize(byte[] message) throws IOException {
    return JsonCodec.read(message, type);
  }

  @Override
  public void deserialize(byte[] message, Collector<T> out) {
    try {
      out.collect(deserialize(message));
    } catch (IOException | RuntimeException e) {
      LOG.warn("skipping a record of {} that breaks the contract: {}", topic, e.getMessage());
    }
  }

  @Override
  public boolean isEndOfStream(T nextElement) {
    return false;
  }

  @Override
  public TypeInformation<T> getProducedType() {
    return TypeInformation.of(type);
  }
}
