package org.emission.jobs.replay;

import java.nio.file.Path;
import java.util.List;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.emission.domain.alert.AlertThresholds;
import org.emission.domain.pipeline.DeviceOutputs;
import org.emission.domain.pipeline.PipelineSettings;
import org.emission.jobs.compliance.ComplianceResult;
import org.emission.jobs.compliance.ComplianceTopology;
import org.emission.jobs.compliance.TickMode;
import org.emission.records.CemsSample;

/**
 * The compliance job on a bounded file of HJ 212 packets: the same operators as the live job
 * ({@link ComplianceTopology}), with event-time ticks on the file's own clock, and the results
 * written into CSV files by {@link ReplayCsvSink}. Each subtask reads the file, decodes it and runs
 * the compliance rules of its own MNs in one chain ({@link PacketFileSource}).
 */
public final class ReplayJob {
  private static final OutputTag<PacketFile.Reject> REJECTS =
      new OutputTag<>(
          "rejects",
          org.apache.flink.api.common.typeinfo.TypeInformation.of(PacketFile.Reject.class));

  private ReplayJob() {}

  /** One item collected from the job: a result, a reject, or a count of samples read. */
  public record Item(ComplianceResult result, PacketFile.Reject reject) {}

  /** Runs the replay on the given environment (local or MiniCluster) and writes the CSV files. */
  public static ReplayCsvWriter.Summary run(
      StreamExecutionEnvironment env, Path registryDir, Path packets, Path outDir)
      throws Exception {
    env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
    env.getConfig().enableObjectReuse();
    // the readers must spread MNs over subtasks exactly as the keyed operator's key groups do
    int maxParallelism =
        env.getMaxParallelism() > 0
            ? env.getMaxParallelism()
            : KeyGroupRangeAssignment.computeDefaultMaxParallelism(env.getParallelism());
    env.setMaxParallelism(maxParallelism);
    SingleOutputStreamOperator<CemsSample> samples =
        env.fromSource(
                new PacketFileSource(registryDir, packets, maxParallelism),
                WatermarkStrategy.noWatermarks(),
                "packet file")
            .process(new SplitRejects())
            .name("samples and rejects");
    KeyedStream<CemsSample, String> byMn =
        DataStreamUtils.reinterpretAsKeyedStream(samples, CemsSample::mn, Types.STRING);
    DataStream<Item> results =
        ComplianceTopology.results(
                byMn,
                registryDir,
                AlertThresholds.defaults(),
                PipelineSettings.defaults().withoutLiveValues(),
                TickMode.EVENT,
                null)
            .filter(
                r ->
                    !r.outputs().hours().isEmpty()
                        || !r.outputs().days().isEmpty()
                        || !r.outputs().alerts().isEmpty())
            .map(r -> new Item(withoutMinutes(r), null))
            .returns(Item.class);
    DataStream<Item> rejects =
        samples.getSideOutput(REJECTS).map(r -> new Item(null, r)).returns(Item.class);

    results
        .union(rejects)
        .sinkTo(new ReplayCsvSink(outDir))
        .setParallelism(1)
        .name("CSV files in " + outDir);
    env.execute("emission-replay");
    return ReplayCsvWriter.Summary.of(outDir);
  }

  /** What the CSV files need of a result: hours, days and alerts, not the minute records. */
  private static ComplianceResult withoutMinutes(ComplianceResult r) {
    DeviceOutputs o = r.outputs();
    return new ComplianceResult(
        r.mn(),
        r.enterpriseId(),
        r.at(),
        new DeviceOutputs(
            List.of(), o.hours(), o.days(), List.of(), List.of(), o.alerts(), o.rejected()),
        r.hourJudgements(),
        r.dayJudgements());
  }

  /** Samples go on to the operator keyed by MN, rejects to the side. */
  private static final class SplitRejects extends ProcessFunction<PacketFile.Line, CemsSample> {
    @Override
    public void processElement(PacketFile.Line line, Context ctx, Collector<CemsSample> out) {
      if (line.sample() != null) {
        out.collect(line.sample());
      } else {
        ctx.output(REJECTS, line.reject());
      }
    }
  }
}
