package org.emission.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.emission.kafka.JsonCodec;
import org.emission.kafka.Topics;

/**
 * Reads the gateway's topics from the moment it is made: records written before are not seen, so
 * tests sharing one broker do not see each other's records.
 */
final class TopicProbe implements AutoCloseable {

  /** One record as read: topic, key and JSON value. */
  record Rec(String topic, String key, JsonNode value) {
    String text(String field) {
      JsonNode n = value.get(field);
      return n == null || n.isNull() ? null : n.asText();
    }
  }

  private final KafkaConsumer<String, byte[]> consumer;
  private final List<Rec> seen = new ArrayList<>();

  /** Reads what is written from now on. */
  TopicProbe(String bootstrap) {
    this(bootstrap, false);
  }

  /** Reads from now on, or everything the topics hold. */
  TopicProbe(String bootstrap, boolean fromBeginning) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : List.of(Topics.HJ212_RAW, Topics.CEMS_SAMPLES, Topics.INGEST_REJECTS)) {
      for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
        partitions.add(new TopicPartition(topic, info.partition()));
      }
    }
    consumer.assign(partitions);
    if (fromBeginning) {
      consumer.seekToBeginning(partitions);
    } else {
      consumer.seekToEnd(partitions);
    }
    for (TopicPartition tp : partitions) {
      consumer.position(tp, Duration.ofSeconds(30));
    }
  }

  /** Polls until {@code count} records of {@code topic} match, or fails after {@code timeout}. */
  List<Rec> await(String topic, Predicate<Rec> filter, int count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<Rec> matching = matching(topic, filter);
      if (matching.size() >= count) {
        return matching;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "expected "
                + count
                + " records on "
                + topic
                + " within "
                + timeout.toMillis()
                + " ms, got "
                + matching);
      }
      poll(Duration.ofMillis(100));
    }
  }

  /** All records of {@code topic} that match, after reading for {@code duration} more. */
  List<Rec> settle(String topic, Predicate<Rec> filter, Duration duration) {
    long deadline = System.nanoTime() + duration.toNanos();
    while (System.nanoTime() < deadline) {
      poll(Duration.ofMillis(100));
    }
    return matching(topic, filter);
  }

  static Predicate<Rec> mn(String mn) {
    return r -> mn.equals(r.key()) || mn.equals(r.text("mn"));
  }

  private List<Rec> matching(String topic, Predicate<Rec> filter) {
    List<Rec> out = new ArrayList<>();
    for (Rec r : seen) {
      if (r.topic().equals(topic) && filter.test(r)) {
        out.add(r);
      }
    }
    return out;
  }

  private void poll(Duration timeout) {
    for (ConsumerRecord<String, byte[]> r : consumer.poll(timeout)) {
      try {
        seen.add(new Rec(r.topic(), r.key(), JsonCodec.mapper().readTree(r.value())));
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON on " + r.topic(), e);
      }
    }
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(5));
  }
}
