package org.emission.jobs.replay;

import java.nio.file.Path;
import java.util.List;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.reader.TextLineInputFormat;
import org.apache.flink.streaming.api.datastream.DataStream;
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
 * written into CSV files by {@link ReplayCsvSink}.
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
    FileSource<String> source =
        FileSource.forRecordStreamFormat(
                new TextLineInputFormat(),
                new org.apache.flink.core.fs.Path(packets.toAbsolutePath().toUri()))
            .build();
    DataStream<String> lines =
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "packet file").setParallelism(1);
    SingleOutputStreamOperator<CemsSample> decoded =
        lines.process(new DecodeLines(registryDir)).setParallelism(1).name("decode HJ 212 lines");
    DataStream<CemsSample> samples =
        decoded
            .assignTimestampsAndWatermarks(
                WatermarkStrategy.<CemsSample>forGenerator(ctx -> new MinuteWatermarks<>())
                    .withTimestampAssigner((s, ts) -> s.receivedAt().toEpochMilli()))
            .setParallelism(1);
    DataStream<Item> results =
        ComplianceTopology.results(
                samples,
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
        decoded.getSideOutput(REJECTS).map(r -> new Item(null, r)).returns(Item.class);

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

  /** Decodes lines in file order (parallelism 1: the file's clock needs every line in order). */
  private static final class DecodeLines extends ProcessFunction<String, CemsSample> {
    private final PacketFile file;

    DecodeLines(Path registryDir) {
      this.file = new PacketFile(registryDir);
    }

    @Override
    public void processElement(String line, Context ctx, Collector<CemsSample> out) {
      for (PacketFile.Line decoded : file.next(line)) {
        if (decoded.sample() != null) {
          out.collect(decoded.sample());
        } else {
          ctx.output(REJECTS, decoded.reject());
        }
      }
    }
  }
}
