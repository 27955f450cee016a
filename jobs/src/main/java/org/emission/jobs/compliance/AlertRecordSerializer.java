package org.emission.jobs.compliance;

import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.emission.domain.alert.Alert;
import org.emission.kafka.JsonCodec;
import org.emission.kafka.Topics;

/**
 * Writes alert state changes to {@code alerts}, keyed by the alert id (design: Kafka contracts).
 */
final class AlertRecordSerializer implements KafkaRecordSerializationSchema<Alert> {
  @Override
  public ProducerRecord<byte[], byte[]> serialize(
      Alert alert, KafkaSinkContext context, Long timestamp) {
    return new ProducerRecord<>(
        Topics.ALERTS,
        alert.id().getBytes(StandardCharsets.UTF_8),
        JsonCodec.write(ComplianceTopology.event(alert)));
  }
}
