package org.emission.jobs.compliance;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.emission.clickhouse.ClickHouseSink;
import org.emission.clickhouse.ClickHouseTable;
import org.emission.domain.alert.Alert;
import org.emission.domain.alert.AlertThresholds;
import org.emission.domain.pipeline.PipelineSettings;
import org.emission.kafka.ContractDeserializationSchema;
import org.emission.kafka.Topics;
import org.emission.records.CemsSample;
import org.emission.records.IngestReject;

/**
 * The emission-compliance job: {@code cems.samples} from Kafka to minute, hour and day values, live
 * values and alerts in ClickHouse, and alert state changes to Kafka {@code alerts}.
 *
 * <p>Runs unchanged on a Flink cluster ({@code flink run} with the shaded job jar, arguments as in
 * {@link ComplianceJobConfig#fromArgs}) and on the MiniCluster of local mode.
 */
public final class ComplianceJob {
  public static final String NAME = "emission-compliance";

  private ComplianceJob() {}

  public static void main(String[] args) throws Exception {
    ComplianceJobConfig config = ComplianceJobConfig.fromArgs(args);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    build(env, config);
    env.execute(NAME);
  }

  /** Adds the job's sources, operators and sinks to the environment. */
  public static void build(StreamExecutionEnvironment env, ComplianceJobConfig config) {
    env.enableCheckpointing(config.checkpointInterval().toMillis());
    // operators never mutate records they received, so chained operators may share them
    env.getConfig().enableObjectReuse();
    KafkaSource<CemsSample> source =
        KafkaSource.<CemsSample>builder()
            .setBootstrapServers(config.kafkaBootstrap())
            .setTopics(Topics.CEMS_SAMPLES)
            .setGroupId(config.consumerGroup())
            .setStartingOffsets(startingOffsets(config))
            .setValueOnlyDeserializer(
                ContractDeserializationSchema.of(CemsSample.class, Topics.CEMS_SAMPLES))
            .build();
    DataStream<CemsSample> samples =
        env.fromSource(source, WatermarkStrategy.noWatermarks(), Topics.CEMS_SAMPLES)
            .uid("cems-samples-source");
    DataStream<ComplianceResult> results =
        ComplianceTopology.results(
            samples.keyBy(CemsSample::mn),
            config.registryDir(),
            AlertThresholds.defaults(),
            PipelineSettings.defaults(),
            TickMode.PROCESSING,
            config.clickHouse());

    sink(ComplianceTopology.minutes(results), ResultTables.MINUTES, config);
    sink(ComplianceTopology.hours(results), ResultTables.HOURS, config);
    sink(ComplianceTopology.days(results), ResultTables.DAYS, config);
    sink(ComplianceTopology.live(results), ResultTables.LIVE, config);
    DataStream<Alert> alerts = ComplianceTopology.alerts(results);
    sink(alerts, ResultTables.ALERTS, config);
    alerts
        .sinkTo(
            KafkaSink.<Alert>builder()
                .setBootstrapServers(config.kafkaBootstrap())
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .setRecordSerializer(new AlertRecordSerializer())
                .build())
        .uid("alerts-kafka-sink")
        .name("Kafka alerts");

    // the dead-letter topic, kept queryable beside the results
    KafkaSource<IngestReject> rejects =
        KafkaSource.<IngestReject>builder()
            .setBootstrapServers(config.kafkaBootstrap())
            .setTopics(Topics.INGEST_REJECTS)
            .setGroupId(config.consumerGroup())
            .setStartingOffsets(startingOffsets(config))
            .setValueOnlyDeserializer(
                ContractDeserializationSchema.of(IngestReject.class, Topics.INGEST_REJECTS))
            .build();
    sink(
        env.fromSource(rejects, WatermarkStrategy.noWatermarks(), Topics.INGEST_REJECTS)
            .uid("ingest-rejects-source"),
        ResultTables.REJECTS,
        config);
  }

  private static OffsetsInitializer startingOffsets(ComplianceJobConfig config) {
    return OffsetsInitializer.committedOffsets(
        config.fromEarliest() ? OffsetResetStrategy.EARLIEST : OffsetResetStrategy.LATEST);
  }

  private static <T> void sink(
      DataStream<T> rows, ClickHouseTable<T> table, ComplianceJobConfig config) {
    rows.sinkTo(ClickHouseSink.into(config.clickHouse(), table, config.sinkBatchSize()))
        .uid(table.table() + "-sink")
        .name("ClickHouse " + table.table());
  }
}
