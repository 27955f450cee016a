package org.emission.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's one Kafka producer, and what it has not yet acknowledged.
 *
 * <p>Idempotent with {@code acks=all}, retrying without end ({@code retries} and {@code
 * delivery.timeout.ms} at their maximum): while Kafka is down records wait in the producer rather
 * than fail, and the broker drops the copies a retry sends twice, so each record lands once. The
 * gateway keeps the bytes in flight well below {@code buffer.memory}, and topic metadata is fetched
 * at start and kept, so that {@code send} does not block a network thread.
 *
 * <p>{@link #stalled} tells whether Kafka stopped acknowledging: records are waiting and none was
 * acknowledged for the threshold.
 */
final class KafkaSink implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaSink.class);

  private final Producer<String, byte[]> producer;
  private final AtomicLong inFlightRecords = new AtomicLong();
  private final AtomicLong inFlightBytes = new AtomicLong();
  private final AtomicLong lastProgressNanos = new AtomicLong(System.nanoTime());

  /**
   * Retries sends that failed at once for a passing reason (no metadata while the broker restarts):
   * the record stays in flight, so reading stays paused, and the logger is neither answered nor
   * dropped.
   */
  private final java.util.concurrent.ScheduledExecutorService retries =
      java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "hj212-kafka-retry");
            thread.setDaemon(true);
            return thread;
          });

  KafkaSink(String bootstrap, Map<String, String> overrides) {
    this.producer =
        new KafkaProducer<>(
            properties(bootstrap, overrides), new StringSerializer(), new ByteArraySerializer());
  }

  /** Producer settings: the gateway's defaults, then the caller's overrides. */
  static Properties properties(String bootstrap, Map<String, String> overrides) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.CLIENT_ID_CONFIG, "hj212-gateway");
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
    p.put(ProducerConfig.RETRIES_CONFIG, Integer.toString(Integer.MAX_VALUE));
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.toString(Integer.MAX_VALUE));
    p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(128 * 1024));
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Long.toString(64L << 20));
    // send() must not block a network thread for long; metadata is fetched at start.
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "2000");
    // Keep the metadata of a quiet topic (ingest.rejects) so that send() never waits for it.
    p.put(ProducerConfig.METADATA_MAX_IDLE_CONFIG, Long.toString(Duration.ofDays(7).toMillis()));
    p.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "1000");
    p.putAll(overrides);
    return p;
  }

  /**
   * Waits until the topics' partitions are known, i.e. Kafka answers and the topics exist.
   *
   * @throws IllegalStateException when that does not happen in time
   */
  void awaitTopics(List<String> topics, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (String topic : topics) {
      while (true) {
        try {
          if (!producer.partitionsFor(topic).isEmpty()) {
            break;
          }
        } catch (TimeoutException e) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException(
                "Kafka did not describe topic "
                    + topic
                    + " within "
                    + timeout.toSeconds()
                    + " s: is Kafka running at the bootstrap address, and were the topics "
                    + topics
                    + " created?",
                e);
          }
        }
      }
    }
  }

  /**
   * Sends a record; {@code callback} runs on the producer's thread once Kafka acknowledged it, or
   * with the exception when it cannot be sent.
   */
  void send(ProducerRecord<String, byte[]> record, Callback callback) {
    int size = record.value().length + (record.key() == null ? 0 : record.key().length());
    if (inFlightRecords.getAndIncrement() == 0) {
      lastProgressNanos.set(System.nanoTime());
    }
    inFlightBytes.addAndGet(size);
    Callback done =
        (metadata, exception) -> {
          inFlightBytes.addAndGet(-size);
          inFlightRecords.decrementAndGet();
          lastProgressNanos.set(System.nanoTime());
          callback.onCompletion(metadata, exception);
        };
    attempt(record, done);
  }

  private void attempt(ProducerRecord<String, byte[]> record, Callback done) {
    Callback retrying =
        (metadata, exception) -> {
          // with retries and delivery.timeout.ms at their maximum the producer retries what it
          // buffered itself; a retriable error reaching here is the wait for the topic's metadata
          // (max.block.ms) while the broker restarts, before the record entered the buffer, so
          // sending it again cannot duplicate it
          if (exception instanceof org.apache.kafka.common.errors.RetriableException
              && !retries.isShutdown()) {
            LOG.debug("send to {} failed, retrying: {}", record.topic(), exception.getMessage());
            retries.schedule(
                () -> attempt(record, done), 500, java.util.concurrent.TimeUnit.MILLISECONDS);
          } else {
            done.onCompletion(metadata, exception);
          }
        };
    try {
      producer.send(record, retrying);
    } catch (RuntimeException e) {
      // a closed producer or a record Kafka can never take
      LOG.debug("send to {} failed at once", record.topic(), e);
      retrying.onCompletion(null, e);
    }
  }

  long inFlightRecords() {
    return inFlightRecords.get();
  }

  long inFlightBytes() {
    return inFlightBytes.get();
  }

  /** Whether records are waiting and none was acknowledged for {@code thresholdNanos}. */
  boolean stalled(long nowNanos, long thresholdNanos) {
    return inFlightRecords.get() > 0 && nowNanos - lastProgressNanos.get() > thresholdNanos;
  }

  /** Nanoseconds since Kafka last acknowledged, or 0 when nothing waits. */
  long waitingNanos(long nowNanos) {
    return inFlightRecords.get() == 0 ? 0 : nowNanos - lastProgressNanos.get();
  }

  /** Waits up to {@code timeout} for the records in flight, then closes the producer. */
  @Override
  public void close() {
    close(Duration.ofSeconds(30));
  }

  void close(Duration timeout) {
    retries.shutdownNow();
    producer.close(timeout);
  }
}
