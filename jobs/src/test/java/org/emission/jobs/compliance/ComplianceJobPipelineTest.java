package org.emission.jobs.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.emission.clickhouse.ClickHouseSettings;
import org.emission.clickhouse.SchemaMigrations;
import org.emission.kafka.JsonCodec;
import org.emission.kafka.Topics;
import org.emission.local.SharedServices;
import org.emission.records.CemsSample;
import org.emission.records.IngestReject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The job end to end: records on a real Kafka, Flink's MiniCluster, rows in a real ClickHouse. */
class ComplianceJobPipelineTest {
  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  private static java.nio.file.Path registry() throws Exception {
    return java.nio.file.Path.of(
            ComplianceJobPipelineTest.class.getResource("/registry-pipeline/outlets.csv").toURI())
        .getParent();
  }

  @Test
  void minuteSamplesFlowFromKafkaThroughFlinkIntoClickHouse() throws Exception {
    String bootstrap = SharedServices.kafkaBootstrap();
    String topic = Topics.CEMS_SAMPLES;
    Properties adminProps = new Properties();
    adminProps.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    try (Admin admin = Admin.create(adminProps)) {
      java.util.Set<String> existing = admin.listTopics().names().get();
      java.util.List<NewTopic> missing = new java.util.ArrayList<>();
      Topics.all()
          .forEach(
              (name, partitions) -> {
                if (!existing.contains(name)) {
                  missing.add(new NewTopic(name, partitions, (short) 1));
                }
              });
      admin.createTopics(missing).all().get();
    }
    ClickHouseSettings clickHouse =
        new ClickHouseSettings(SharedServices.clickHouseUrl(), "pipeline_test", "default", "");
    SchemaMigrations.apply(clickHouse);

    // 60 minutes of the hour 10:00-11:00 CST, then one minute of the next hour closes it
    OffsetDateTime hour = OffsetDateTime.of(2025, 1, 15, 10, 0, 0, 0, ZoneOffset.ofHours(8));
    Properties producerProps = new Properties();
    producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    Instant rejectedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusMillis(123);
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(producerProps, new StringSerializer(), new ByteArraySerializer())) {
      for (int i = 0; i <= 60; i++) {
        CemsSample sample =
            new CemsSample(
                CemsSample.SCHEMA,
                "PIPELINE0000000000000001",
                "31",
                "2051",
                "20250115102500000",
                "HJ212-2017",
                hour.plusMinutes(i),
                hour.plusMinutes(i + 1).toInstant(),
                false,
                Map.of(
                    "a21026", Map.of("Avg", "36.0", "Flag", "N"),
                    "a19001", Map.of("Avg", "11.0", "Flag", "N"),
                    "a00000", Map.of("Avg", "100000", "Flag", "N")),
                Map.of());
        producer.send(new ProducerRecord<>(topic, sample.mn(), JsonCodec.write(sample))).get();
      }
      // a dead-letter record of the gateway (received now: the table keeps 90 days), and one
      // that breaks the contract (skipped)
      IngestReject reject =
          new IngestReject(
              IngestReject.SCHEMA,
              rejectedAt,
              "127.0.0.1:40000",
              "PIPELINE0000000000000001",
              "CRC_MISMATCH",
              "CRC mismatch: packet says 1C81, computed 1C80",
              "##0080QN=...1C81");
      producer
          .send(new ProducerRecord<>(Topics.INGEST_REJECTS, reject.mn(), JsonCodec.write(reject)))
          .get();
      producer.send(new ProducerRecord<>(Topics.INGEST_REJECTS, "x", new byte[] {'{'})).get();
    }

    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    ComplianceJob.build(
        env,
        new ComplianceJobConfig(
            bootstrap, "pipeline-test", clickHouse, registry(), Duration.ofMillis(500), 100, true));
    JobClient job = env.executeAsync(ComplianceJob.NAME);
    try {
      // Hand-worked (HJ 212-2017 App. D.2): SO2 36.0 mg/m3 dry at 11 % O2, reference 8 % (coke
      // oven):
      // 36.0 × (21 − 8) / (21 − 11) = 46.8 mg/m3 > the special limit 30 in force since 2023-01-01,
      // multiple (46.8 − 30) / 30 = 0.56; mass 36.0 × 100000 × 1e-6 = 3.6 kg/h over a full hour.
      String hourQuery =
          "SELECT valid, valid_minutes, avg_converted, limit_value, limit_kind, exceeded, multiple,"
              + " mass_kg FROM outlet_hour FINAL WHERE outlet_id = 'O-TEST-1' AND pollutant ="
              + " 'a21026' AND hour_start = '2025-01-15 10:00:00'";
      long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      boolean found = false;
      while (!found && System.nanoTime() < deadline) {
        try (Connection connection = clickHouse.connect();
            Statement statement = connection.createStatement();
            ResultSet row = statement.executeQuery(hourQuery)) {
          if (row.next()) {
            found = true;
            assertThat(row.getInt("valid")).isEqualTo(1);
            assertThat(row.getInt("valid_minutes")).isEqualTo(60);
            assertThat(row.getDouble("avg_converted")).isEqualTo(46.8, within(1e-9));
            assertThat(row.getDouble("limit_value")).isEqualTo(30.0);
            assertThat(row.getString("limit_kind")).isEqualTo("special");
            assertThat(row.getInt("exceeded")).isEqualTo(1);
            assertThat(row.getDouble("multiple")).isEqualTo(0.56, within(1e-9));
            assertThat(row.getDouble("mass_kg")).isEqualTo(3.6, within(1e-9));
          }
        }
        if (!found) {
          Thread.sleep(500);
        }
      }
      assertThat(found).as("hour row of O-TEST-1 SO2 10:00 in outlet_hour").isTrue();
      // the minute rows go through a sink of their own, which may flush after the hour's
      assertThat(
              awaitCount(
                  clickHouse,
                  "SELECT count() FROM cems_minute FINAL WHERE outlet_id = 'O-TEST-1'"
                      + " AND pollutant = 'a21026'",
                  61))
          .isEqualTo(61);
      assertThat(
              awaitCount(
                  clickHouse,
                  "SELECT count() FROM alerts FINAL WHERE outlet_id = 'O-TEST-1'"
                      + " AND kind = 'EXCEEDANCE' AND pollutant = 'a21026'",
                  1))
          .isEqualTo(1);

      long rejectDeadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      String rejectRow = "";
      while (rejectRow.isEmpty() && System.nanoTime() < rejectDeadline) {
        try (Connection connection = clickHouse.connect();
            Statement statement = connection.createStatement();
            ResultSet rejects =
                statement.executeQuery(
                    "SELECT toString(received_at), peer, mn, reason_code, reason, packet"
                        + " FROM ingest_rejects WHERE mn = 'PIPELINE0000000000000001'")) {
          if (rejects.next()) {
            rejectRow =
                String.join(
                    "|",
                    rejects.getString(1),
                    rejects.getString(2),
                    rejects.getString(3),
                    rejects.getString(4),
                    rejects.getString(5),
                    rejects.getString(6));
            assertThat(rejects.next()).isFalse();
          }
        }
        Thread.sleep(500);
      }
      // the job keeps the registry in the dimension tables for the dashboards
      try (Connection connection = clickHouse.connect();
          Statement statement = connection.createStatement();
          ResultSet outlets =
              statement.executeQuery(
                  "SELECT outlet_id, mn FROM dim_outlet FINAL ORDER BY outlet_id")) {
        assertThat(outlets.next()).isTrue();
        assertThat(outlets.getString(1)).isEqualTo("O-TEST-1");
        assertThat(outlets.getString(2)).isEqualTo("PIPELINE0000000000000001");
      }
      assertThat(rejectRow)
          .isEqualTo(
              LocalDateTime.ofInstant(rejectedAt, ZoneOffset.UTC).toString().replace('T', ' ')
                  + "|127.0.0.1:40000|PIPELINE0000000000000001|CRC_MISMATCH"
                  + "|CRC mismatch: packet says 1C81, computed 1C80|##0080QN=...1C81");
    } finally {
      job.cancel().get();
    }
  }

  /**
   * The count the query gives once it reaches {@code expected}, or after 60 s: each result table
   * has a sink of its own, which may flush after another's.
   */
  private static long awaitCount(ClickHouseSettings clickHouse, String query, long expected)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      long count;
      try (Connection connection = clickHouse.connect();
          Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery(query)) {
        rows.next();
        count = rows.getLong(1);
      }
      if (count >= expected || System.nanoTime() >= deadline) {
        return count;
      }
      Thread.sleep(500);
    }
  }
}
