package org.emission.jobs.compliance;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.util.Collector;
import org.emission.clickhouse.ClickHouseSettings;
import org.emission.domain.Cst;
import org.emission.domain.aggregate.LiveValue;
import org.emission.domain.alert.Alert;
import org.emission.domain.alert.AlertThresholds;
import org.emission.domain.cems.MinuteSnapshot;
import org.emission.domain.cems.PollutantMinute;
import org.emission.domain.pipeline.PipelineSettings;
import org.emission.records.AlertEvent;
import org.emission.records.CemsSample;

/**
 * The compliance operators, shared by the live job and by replay so that both compute exactly the
 * same numbers: samples keyed by MN into {@link DeviceComplianceFunction}, and the split of its
 * results into the rows of each result table.
 */
public final class ComplianceTopology {
  private ComplianceTopology() {}

  /**
   * The compliance operator's results.
   *
   * @param samplesByMn samples keyed by {@link CemsSample#mn()}
   * @param dimensions where the registry in force is kept for the dashboards ({@link
   *     RegistryMirror}), or null for none (a replay)
   */
  public static SingleOutputStreamOperator<ComplianceResult> results(
      KeyedStream<CemsSample, String> samplesByMn,
      Path registryDir,
      AlertThresholds thresholds,
      PipelineSettings settings,
      TickMode tickMode,
      ClickHouseSettings dimensions) {
    return samplesByMn
        .process(
            new DeviceComplianceFunction(
                registryDir,
                thresholds,
                settings,
                tickMode,
                dimensions == null ? null : new RegistryPublisher(dimensions)))
        .uid("device-compliance")
        .name("device compliance (HJ 75 hours, limits, alerts)");
  }

  static DataStream<ResultTables.MinuteRow> minutes(DataStream<ComplianceResult> results) {
    return results
        .flatMap(
            (ComplianceResult r, Collector<ResultTables.MinuteRow> out) -> {
              for (MinuteSnapshot snapshot : r.outputs().minutes()) {
                for (PollutantMinute minute : snapshot.pollutants().values()) {
                  out.collect(new ResultTables.MinuteRow(snapshot, minute, r.at()));
                }
              }
            })
        .returns(ResultTables.MinuteRow.class)
        .uid("minute-rows")
        .name("minute rows");
  }

  static DataStream<ResultTables.HourRow> hours(DataStream<ComplianceResult> results) {
    return results
        .flatMap(
            (ComplianceResult r, Collector<ResultTables.HourRow> out) -> {
              for (int i = 0; i < r.outputs().hours().size(); i++) {
                out.collect(
                    new ResultTables.HourRow(
                        r.outputs().hours().get(i),
                        r.hourJudgements().get(i),
                        r.mn(),
                        r.enterpriseId(),
                        r.at()));
              }
            })
        .returns(ResultTables.HourRow.class)
        .uid("hour-rows")
        .name("hour rows");
  }

  static DataStream<ResultTables.DayRow> days(DataStream<ComplianceResult> results) {
    return results
        .flatMap(
            (ComplianceResult r, Collector<ResultTables.DayRow> out) -> {
              for (int i = 0; i < r.outputs().days().size(); i++) {
                out.collect(
                    new ResultTables.DayRow(
                        r.outputs().days().get(i),
                        r.dayJudgements().get(i),
                        r.enterpriseId(),
                        r.at()));
              }
            })
        .returns(ResultTables.DayRow.class)
        .uid("day-rows")
        .name("day rows");
  }

  static DataStream<Alert> alerts(DataStream<ComplianceResult> results) {
    return results
        .flatMap(
            (ComplianceResult r, Collector<Alert> out) ->
                r.outputs().alerts().forEach(out::collect))
        .returns(Alert.class)
        .uid("alerts")
        .name("alerts");
  }

  static DataStream<LiveValue> live(DataStream<ComplianceResult> results) {
    return results
        .flatMap(
            (ComplianceResult r, Collector<LiveValue> out) ->
                r.outputs().live().forEach(out::collect))
        .returns(LiveValue.class)
        .uid("live-values")
        .name("live values");
  }

  /** The Kafka record of an alert state change. */
  static AlertEvent event(Alert a) {
    return new AlertEvent(
        AlertEvent.SCHEMA,
        a.id(),
        a.kind().name(),
        a.severity().name(),
        a.lifecycle().name(),
        a.revision(),
        a.outletId(),
        a.enterpriseId(),
        a.mn(),
        a.pollutant(),
        cst(a.start()),
        a.end() == null ? null : cst(a.end()),
        cst(a.at()),
        a.peakValue(),
        a.limitValue(),
        a.limitKind(),
        a.limitSource(),
        a.exceedanceMultiple(),
        a.detail());
  }

  private static OffsetDateTime cst(java.time.Instant t) {
    return t == null ? null : t.atOffset(Cst.OFFSET);
  }
}
