package org.emission.notify;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.emission.kafka.JsonCodec;
import org.emission.records.AlertEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads Kafka topic {@code alerts} in its own consumer group and delivers each alert state change
 * to the webhook targets whose filter it passes ({@link NotifierConfig}).
 *
 * <p>It never holds up the compliance job, which only writes Kafka. Each target has a bounded queue
 * and its own thread ({@link TargetWorker}); when a queue is full the consumer pauses its
 * partitions ({@code KafkaConsumer.pause}) and resumes once the record is taken, so nothing is
 * dropped for lack of room. Offsets are committed only for records every matching target has sent
 * or given up on ({@link OffsetTracker}): a restart neither floods the groups with old alerts (a
 * new group starts at the end of the topic) nor loses what was read but not delivered.
 *
 * <pre>{@code
 * try (AlertNotifier notifier = AlertNotifier.start(NotifierConfig.load(file), "127.0.0.1:9092")) {
 *   ...
 * }
 * }</pre>
 */
public final class AlertNotifier implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AlertNotifier.class);
  private static final Duration POLL = Duration.ofMillis(100);
  private static final long COMMIT_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

  /** Reads decimals as written (46.800 stays 46.800 for generic webhooks: "values as sent"). */
  private static final ObjectReader EXACT_DECIMALS =
      JsonCodec.mapper()
          .reader()
          .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);

  private final NotifierConfig config;
  private final String bootstrap;
  private final boolean group;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final List<TargetWorker> workers = new ArrayList<>();
  private final OffsetTracker offsets = new OffsetTracker();
  private final RecentAlerts recent = new RecentAlerts(10_000);
  private final ArrayDeque<ConsumerRecord<byte[], byte[]>> buffer = new ArrayDeque<>();
  private final CountDownLatch assigned = new CountDownLatch(1);
  private final AtomicLong consumed = new AtomicLong();
  private final AtomicLong malformed = new AtomicLong();
  private final AtomicLong pauses = new AtomicLong();
  private final Thread thread;
  private HandOver pending;
  private boolean paused;
  private long lastCommitNanos = System.nanoTime();
  private long lastStatsNanos = System.nanoTime();
  private volatile boolean stopping;
  private volatile Throwable failure;

  /** Starts delivering over HTTP; returns once the consumer has its partitions. */
  public static AlertNotifier start(NotifierConfig config, String kafkaBootstrap) {
    return start(config, kafkaBootstrap, new HttpTransport(), true);
  }

  /**
   * Prints every message to {@code out} instead of sending it. A dry run joins no consumer group
   * and commits nothing: it reads all partitions from {@code start_from} on, beside a real
   * notifier.
   */
  public static AlertNotifier startDryRun(
      NotifierConfig config, String kafkaBootstrap, PrintStream out) {
    return start(config, kafkaBootstrap, new DryRunTransport(out), false);
  }

  static AlertNotifier start(
      NotifierConfig config, String kafkaBootstrap, Transport transport, boolean group) {
    AlertNotifier notifier = new AlertNotifier(config, kafkaBootstrap, transport, group);
    try {
      notifier.begin();
      return notifier;
    } catch (RuntimeException | Error e) {
      notifier.close();
      throw e;
    }
  }

  private AlertNotifier(
      NotifierConfig config, String bootstrap, Transport transport, boolean group) {
    this.config = config;
    this.bootstrap = bootstrap;
    this.group = group;
    for (TargetConfig t : config.targets()) {
      workers.add(new TargetWorker(t, transport));
    }
    this.consumer =
        new KafkaConsumer<>(
            consumerProperties(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.thread = new Thread(this::run, "notify-kafka");
    this.thread.setDaemon(true);
  }

  private Properties consumerProperties() {
    Properties p = new Properties();
    p.putAll(config.kafkaProperties());
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    if (group) {
      p.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
    }
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, "emission-notifier-" + UUID.randomUUID());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
        config.startFrom().name().toLowerCase(Locale.ROOT));
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "100");
    return p;
  }

  private void begin() {
    List<PartitionInfo> partitions;
    try {
      partitions = consumer.partitionsFor(config.topic(), config.startupTimeout());
    } catch (KafkaException e) {
      throw new IllegalStateException(
          "Kafka at "
              + bootstrap
              + " did not answer within "
              + DurationText.format(config.startupTimeout()),
          e);
    }
    if (partitions == null || partitions.isEmpty()) {
      throw new IllegalStateException(
          "topic " + config.topic() + " does not exist on Kafka at " + bootstrap);
    }
    if (group) {
      consumer.subscribe(List.of(config.topic()), new Rebalance());
    } else {
      List<TopicPartition> all = new ArrayList<>();
      partitions.forEach(p -> all.add(new TopicPartition(p.topic(), p.partition())));
      consumer.assign(all);
      if (config.startFrom() == NotifierConfig.StartFrom.EARLIEST) {
        consumer.seekToBeginning(all);
      } else {
        consumer.seekToEnd(all);
      }
      all.forEach(tp -> consumer.position(tp, config.startupTimeout()));
      assigned.countDown();
    }
    workers.forEach(TargetWorker::start);
    thread.start();
    try {
      if (!assigned.await(config.startupTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException(
            "no partitions of "
                + config.topic()
                + " assigned to group "
                + config.groupId()
                + " within "
                + DurationText.format(config.startupTimeout()));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting", e);
    }
    LOG.info(
        "alert notifier reading {} on {}{}, targets: {}",
        config.topic(),
        bootstrap,
        group ? " as group " + config.groupId() : " (dry run)",
        config.targets());
  }

  /** The counters since start. */
  public NotifierStats stats() {
    Map<String, TargetStats> targets = new LinkedHashMap<>();
    workers.forEach(w -> targets.put(w.name(), w.stats()));
    return new NotifierStats(consumed.get(), malformed.get(), pauses.get(), targets);
  }

  /** Whether the Kafka consumer is still running (false after close or a fatal error). */
  public boolean running() {
    return thread.isAlive();
  }

  /** The error that stopped the consumer, or null. */
  public Throwable failure() {
    return failure;
  }

  /**
   * Stops reading, lets the queues go out for up to {@code shutdown_timeout}, commits what was
   * delivered and closes the consumer.
   */
  @Override
  public void close() {
    stopping = true;
    consumer.wakeup();
    if (thread.isAlive()) {
      try {
        thread.join(config.shutdownTimeout().toMillis() + 15_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    } else if (thread.getState() == Thread.State.NEW) {
      shutdown();
    }
  }

  private void run() {
    try {
      while (!stopping) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
        records.forEach(buffer::addLast);
        consumed.addAndGet(records.count());
        handOver();
        pauseOrResume();
        if (System.nanoTime() - lastCommitNanos > COMMIT_INTERVAL_NANOS) {
          commitAsync();
        }
        logStatsWhenDue();
      }
    } catch (WakeupException e) {
      if (!stopping) {
        failure = e;
      }
    } catch (RuntimeException | Error e) {
      failure = e;
      LOG.error("alert notifier: the Kafka consumer failed", e);
    } finally {
      shutdown();
    }
  }

  /** Hands buffered records to the targets' queues in order, up to the first that does not fit. */
  private void handOver() {
    while (!buffer.isEmpty()) {
      if (pending == null) {
        pending = prepare(buffer.peekFirst());
      }
      if (!pending.offerAll()) {
        return;
      }
      buffer.pollFirst();
      pending = null;
    }
  }

  private HandOver prepare(ConsumerRecord<byte[], byte[]> record) {
    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
    long offset = record.offset();
    IncomingAlert alert = decode(record);
    List<TargetWorker> to = new ArrayList<>();
    if (alert != null
        && recent.firstTime(
            alert.event().alertId(), alert.event().revision(), alert.event().lifecycle())) {
      for (TargetWorker w : workers) {
        if (w.accepts(alert.event())) {
          to.add(w);
        } else {
          w.skip();
        }
      }
    }
    offsets.track(tp, offset, to.size());
    return new HandOver(new TargetWorker.Delivery(alert, () -> offsets.done(tp, offset)), tp, to);
  }

  private IncomingAlert decode(ConsumerRecord<byte[], byte[]> record) {
    String problem;
    try {
      JsonNode json = record.value() == null ? null : EXACT_DECIMALS.readTree(record.value());
      if (json != null && json.isObject()) {
        AlertEvent event = JsonCodec.mapper().treeToValue(json, AlertEvent.class);
        if (event.alertId() != null && event.kind() != null && event.lifecycle() != null) {
          return new IncomingAlert(event, (ObjectNode) json);
        }
        problem = "alert_id, kind or lifecycle missing";
      } else {
        problem = "not a JSON object";
      }
    } catch (IOException e) {
      problem = e.getMessage();
    }
    malformed.incrementAndGet();
    LOG.warn(
        "alert notifier: skipped record {}-{}@{} (key {}): {}",
        record.topic(),
        record.partition(),
        record.offset(),
        record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
        problem);
    return null;
  }

  private void pauseOrResume() {
    if (!buffer.isEmpty() && !paused) {
      consumer.pause(consumer.assignment());
      paused = true;
      pauses.incrementAndGet();
      LOG.info("alert notifier: a target's queue is full, Kafka reading paused");
    } else if (buffer.isEmpty() && paused) {
      consumer.resume(consumer.paused());
      paused = false;
    }
  }

  private void commitAsync() {
    lastCommitNanos = System.nanoTime();
    if (!group) {
      return;
    }
    Map<TopicPartition, OffsetAndMetadata> due = offsets.committable();
    if (due.isEmpty()) {
      return;
    }
    offsets.committed(due);
    consumer.commitAsync(
        due,
        (done, e) -> {
          if (e != null) {
            LOG.warn("alert notifier: offset commit failed, retried: {}", e.toString());
            offsets.uncommitted(due.keySet());
          }
        });
  }

  private void commitSync(Collection<TopicPartition> partitions) {
    if (!group) {
      return;
    }
    Map<TopicPartition, OffsetAndMetadata> due = offsets.committable(partitions);
    if (due.isEmpty()) {
      return;
    }
    for (int attempt = 1; attempt <= 2; attempt++) {
      try {
        consumer.commitSync(due, Duration.ofSeconds(5));
        offsets.committed(due);
        return;
      } catch (WakeupException e) {
        // close() woke the consumer outside poll: the wake-up is used up now, commit again.
      } catch (KafkaException e) {
        LOG.warn("alert notifier: offset commit failed: {}", e.toString());
        return;
      }
    }
  }

  private void logStatsWhenDue() {
    if (System.nanoTime() - lastStatsNanos < config.statsInterval().toNanos()) {
      return;
    }
    lastStatsNanos = System.nanoTime();
    NotifierStats s = stats();
    LOG.info(
        "alert notifier: consumed {}, malformed {}, paused {} times; {}",
        s.consumed(),
        s.malformed(),
        s.pauses(),
        s.targets().values());
  }

  /** Lets the queues drain, stops the targets, commits what they finished, closes the consumer. */
  private void shutdown() {
    workers.forEach(TargetWorker::finish);
    long deadline = System.nanoTime() + config.shutdownTimeout().toNanos();
    try {
      while (!workers.stream().allMatch(TargetWorker::idle) && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      for (TargetWorker w : workers) {
        w.halt();
        w.join(Duration.ofSeconds(2));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      commitSync(consumer.assignment());
    } catch (RuntimeException e) {
      LOG.warn("alert notifier: final commit failed: {}", e.toString());
    }
    try {
      consumer.close(Duration.ofSeconds(5));
    } catch (RuntimeException e) {
      LOG.warn("alert notifier: closing the consumer failed: {}", e.toString());
    }
    LOG.info("alert notifier stopped: {}", stats());
  }

  /** A record being handed to its targets; those that took it are not offered it again. */
  private static final class HandOver {
    private final TargetWorker.Delivery delivery;
    private final TopicPartition partition;
    private final List<TargetWorker> remaining;

    HandOver(TargetWorker.Delivery delivery, TopicPartition partition, List<TargetWorker> to) {
      this.delivery = delivery;
      this.partition = partition;
      this.remaining = new ArrayList<>(to);
    }

    boolean offerAll() {
      remaining.removeIf(w -> w.offer(delivery));
      return remaining.isEmpty();
    }
  }

  /** Commits and forgets what leaves this consumer; resolves positions of what arrives. */
  private final class Rebalance implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      commitSync(partitions);
      forget(partitions);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      forget(partitions);
    }

    /**
     * Resolves where each partition starts and commits it: a partition without records so far would
     * otherwise have no committed offset, and after a restart the reset to the end of the topic
     * would skip what arrived there while the notifier was down.
     */
    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      for (TopicPartition tp : partitions) {
        offsets.start(tp, consumer.position(tp, config.startupTimeout()));
      }
      commitSync(partitions);
      if (paused) {
        consumer.pause(partitions);
      }
      assigned.countDown();
    }

    private void forget(Collection<TopicPartition> partitions) {
      offsets.forget(partitions);
      buffer.removeIf(r -> partitions.contains(new TopicPartition(r.topic(), r.partition())));
      if (pending != null && partitions.contains(pending.partition)) {
        pending = null;
      }
    }
  }
}
