package org.emission.launcher;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.emission.kafka.JsonCodec;
import org.emission.kafka.Topics;
import org.emission.records.CemsSample;

/**
 * Minute data (HJ 212 CN 2051) of a few flue-gas outlets, published to {@code cems.samples} every
 * few seconds for the current minute of China Standard Time, so that the local pipeline carries
 * data from its first minute.
 */
final class SampleFeed implements AutoCloseable {
  private static final ZoneOffset CST = ZoneOffset.ofHours(8);
  private static final List<String> DEVICES =
      List.of("0A1B2C3D4E5F000000000001", "0A1B2C3D4E5F000000000002", "0A1B2C3D4E5F000000000003");

  private final KafkaProducer<String, byte[]> producer;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final Random random = new Random(212);

  private SampleFeed(String bootstrap) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
  }

  static SampleFeed start(String bootstrap) {
    SampleFeed feed = new SampleFeed(bootstrap);
    feed.timer.scheduleAtFixedRate(feed::publish, 0, 5, TimeUnit.SECONDS);
    return feed;
  }

  String describe() {
    return DEVICES.size() + " flue-gas loggers, minute data every 5 s";
  }

  private void publish() {
    OffsetDateTime minute = OffsetDateTime.now(CST).truncatedTo(ChronoUnit.MINUTES);
    for (String mn : DEVICES) {
      Map<String, Map<String, String>> pollutants = new LinkedHashMap<>();
      pollutants.put("a21026", reading(25 + random.nextGaussian() * 3));
      pollutants.put("a21002", reading(40 + random.nextGaussian() * 5));
      pollutants.put("a34013", reading(6 + random.nextGaussian()));
      pollutants.put("a19001", reading(7.5 + random.nextGaussian() * 0.3));
      pollutants.put("a00000", reading(300000 + random.nextGaussian() * 5000));
      CemsSample sample =
          new CemsSample(
              CemsSample.SCHEMA,
              mn,
              "31",
              "2051",
              null,
              "HJ212-2017",
              minute,
              Instant.now(),
              false,
              pollutants,
              Map.of());
      producer.send(new ProducerRecord<>(Topics.CEMS_SAMPLES, mn, JsonCodec.write(sample)));
    }
  }

  private static Map<String, String> reading(double value) {
    return Map.of("Avg", String.format(java.util.Locale.ROOT, "%.2f", Math.max(0, value)), "Flag", "N");
  }

  @Override
  public void close() {
    timer.shutdownNow();
    producer.close();
  }
}
