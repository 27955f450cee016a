package org.emission.notify;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.emission.kafka.JsonCodec;
import org.emission.local.SharedServices;
import org.emission.records.AlertEvent;

/**
 * The shared test broker, with a fresh alerts topic per test (so tests sharing the broker do not
 * see each other's alerts) and a producer writing as the compliance job does: keyed by alert id.
 */
final class NotifyKafka implements AutoCloseable {
  final String bootstrap = SharedServices.kafkaBootstrap();
  final String topic = "alerts-test-" + UUID.randomUUID();
  private final KafkaProducer<byte[], byte[]> producer;

  NotifyKafka() throws Exception {
    try (Admin admin = admin()) {
      admin
          .createTopics(List.of(new NewTopic(topic, 2, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
    }
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
  }

  void send(AlertEvent... events) throws Exception {
    for (AlertEvent e : events) {
      sendRaw(e.alertId(), JsonCodec.write(e));
    }
  }

  void sendRaw(String key, byte[] value) throws Exception {
    producer
        .send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value))
        .get(10, TimeUnit.SECONDS);
  }

  /** The sum of the committed offsets of {@code group} on this test's topic. */
  long committed(String group) throws Exception {
    try (Admin admin = admin()) {
      Map<TopicPartition, OffsetAndMetadata> offsets =
          admin
              .listConsumerGroupOffsets(group)
              .partitionsToOffsetAndMetadata()
              .get(10, TimeUnit.SECONDS);
      return offsets.entrySet().stream()
          .filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
          .mapToLong(e -> e.getValue().offset())
          .sum();
    }
  }

  private Admin admin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
  }

  /** A configuration reading this topic: {@code targets} is the JSON list of targets. */
  String config(String group, String targets) {
    return "{\"topic\": \""
        + topic
        + "\", \"group_id\": \""
        + group
        + "\", \"shutdown_timeout\": \"2s\", \"targets\": "
        + targets
        + "}";
  }

  @Override
  public void close() {
    producer.close();
  }
}
