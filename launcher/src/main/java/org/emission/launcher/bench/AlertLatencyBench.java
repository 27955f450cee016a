package org.emission.launcher.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.emission.clickhouse.ClickHouseSettings;
import org.emission.clickhouse.SchemaMigrations;
import org.emission.hj212.Hj212DecodeResult;
import org.emission.hj212.Hj212Decoder;
import org.emission.hj212.Hj212Records;
import org.emission.jobs.compliance.ComplianceJob;
import org.emission.jobs.compliance.ComplianceJobConfig;
import org.emission.kafka.JsonCodec;
import org.emission.kafka.Topics;
import org.emission.local.LocalCache;
import org.emission.local.clickhouse.EmbeddedClickHouse;
import org.emission.local.kafka.EmbeddedKafka;
import org.emission.records.AlertEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Alert latency of the live job: from the packet that closes an exceeding hour (the first minute of
 * the next hour) being written to {@code cems.samples} to the EXCEEDANCE alert arriving on {@code
 * alerts}, through a real Kafka broker, the job on a MiniCluster and ClickHouse sinks.
 */
@Command(
    name = "alerts",
    mixinStandardHelpOptions = true,
    description =
        "Measures the latency from the packet that closes an exceeding hour to its alert on Kafka"
            + " (p50/p99), with the whole live pipeline on this machine.")
final class AlertLatencyBench implements Callable<Integer> {
  @Spec CommandSpec spec;

  private static final Decoder DECODER = new Decoder();

  @Option(
      names = "--devices",
      defaultValue = "20",
      description = "Devices (default: ${DEFAULT-VALUE}).")
  int devices;

  @Option(
      names = "--hours",
      defaultValue = "6",
      description = "Simulated hours; every even hour exceeds (default: ${DEFAULT-VALUE}).")
  int hours;

  @Override
  public Integer call() throws Exception {
    if (devices < 1 || hours < 2) {
      throw new ParameterException(spec.commandLine(), "--devices must be >= 1 and --hours >= 2");
    }
    Path dir = Files.createTempDirectory("emission-bench-alerts");
    try {
      Path registry = dir.resolve("registry");
      BenchRegion.writeRegistry(registry, devices);
      try (EmbeddedKafka kafka = new EmbeddedKafka(dir.resolve("kafka"), 0).start();
          EmbeddedClickHouse clickHouse =
              EmbeddedClickHouse.start(
                  LocalCache.dir(),
                  LocalCache.subdir("bench-clickhouse"),
                  "127.0.0.1",
                  0,
                  EmbeddedClickHouse.LOCAL_USERS)) {
        kafka.createTopics(Topics.all());
        ClickHouseSettings settings =
            new ClickHouseSettings(
                clickHouse.url(), "bench_" + ProcessHandle.current().pid(), "default", "");
        SchemaMigrations.apply(settings);
        Configuration flink = new Configuration();
        flink.set(TaskManagerOptions.NUM_TASK_SLOTS, 4);
        StreamExecutionEnvironment env =
            StreamExecutionEnvironment.createLocalEnvironment(2, flink);
        ComplianceJob.build(
            env,
            new ComplianceJobConfig(
                kafka.bootstrapServers(),
                "bench",
                settings,
                registry,
                Duration.ofMillis(200),
                1000,
                true));
        JobClient job = env.executeAsync(ComplianceJob.NAME);
        Map<String, Long> closedAt = new ConcurrentHashMap<>();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> readAlerts(kafka.bootstrapServers(), closedAt, latencies));
        reader.setDaemon(true);
        reader.start();
        try (KafkaProducer<String, byte[]> producer = producer(kafka.bootstrapServers())) {
          LocalDateTime start = LocalDateTime.of(2025, 1, 1, 0, 0);
          for (int hour = 0; hour < hours; hour++) {
            LocalDateTime h = start.plusHours(hour);
            for (int minute = hour == 0 ? 0 : 1; minute < 60; minute++) {
              for (int d = 0; d < devices; d++) {
                send(producer, d, h.plusMinutes(minute));
              }
            }
            producer.flush();
            Thread.sleep(3000); // let the job catch up, so the latency below is not a backlog
            for (int d = 0; d < devices; d++) {
              closedAt.put(key(BenchRegion.mn(d), h), System.nanoTime());
              send(producer, d, h.plusHours(1));
            }
            producer.flush();
          }
          Thread.sleep(5000);
        }
        job.cancel().get();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        int expected = devices * ((hours + 1) / 2);
        System.out.printf(
            "alert latency: %d of %d exceedance alerts, p50 %.0f ms, p99 %.0f ms, max %.0f ms on %d"
                + " cores (packet closing the hour on cems.samples -> alert on Kafka)%n",
            sorted.size(),
            expected,
            percentile(sorted, 0.50),
            percentile(sorted, 0.99),
            sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() - 1) / 1e6,
            Runtime.getRuntime().availableProcessors());
      }
      return 0;
    } finally {
      BenchRegion.deleteTree(dir);
    }
  }

  private static void send(
      KafkaProducer<String, byte[]> producer, int device, LocalDateTime minute) {
    var sample = DECODER.sample(BenchRegion.minutePacket(device, minute));
    producer.send(new ProducerRecord<>(Topics.CEMS_SAMPLES, sample.mn(), JsonCodec.write(sample)));
  }

  private static void readAlerts(
      String bootstrap, Map<String, Long> closedAt, List<Long> latencies) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-alerts");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(Topics.ALERTS));
      while (!Thread.currentThread().isInterrupted()) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
          long now = System.nanoTime();
          try {
            AlertEvent alert = JsonCodec.read(record.value(), AlertEvent.class);
            if (alert.kind().equals("EXCEEDANCE") && alert.lifecycle().equals("OPENED")) {
              Long closed = closedAt.get(key(alert.mn(), alert.start().toLocalDateTime()));
              if (closed != null) {
                latencies.add(now - closed);
              }
            }
          } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
          }
        }
      }
    }
  }

  private static String key(String mn, LocalDateTime hour) {
    return mn + "|" + hour;
  }

  private static double percentile(List<Long> sorted, double p) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int index = (int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1);
    return sorted.get(Math.max(0, index)) / 1e6;
  }

  private static KafkaProducer<String, byte[]> producer(String bootstrap) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
    return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
  }

  /** Turns a bench packet into the sample the gateway would produce. */
  private static final class Decoder {
    private final Hj212Decoder decoder = new Hj212Decoder();

    synchronized org.emission.records.CemsSample sample(String packet) {
      Hj212DecodeResult result = decoder.decode(packet);
      if (!(result instanceof Hj212DecodeResult.Accepted accepted)) {
        throw new IllegalStateException("bench packet rejected: " + result);
      }
      return Hj212Records.toCemsSample(accepted.packet(), Instant.now(), false);
    }
  }
}
