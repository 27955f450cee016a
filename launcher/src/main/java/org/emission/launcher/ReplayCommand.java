package org.emission.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.emission.domain.registry.RegistryException;
import org.emission.domain.registry.RegistryLoader;
import org.emission.jobs.replay.ReplayCsvWriter;
import org.emission.jobs.replay.ReplayJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ./emission replay}: the compliance job on a file of packets, CSV files out. */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the emission-compliance job (the same operators as the live job) on a bounded file of"
          + " HJ 212 packets, one per line in the order loggers sent them, and writes CSV files"
          + " with a header row into --out:",
      "  outlet_hours.csv  outlet_id, mn, hour_start, pollutant, valid, valid_minutes,"
          + " invalid_reason, avg_measured, avg_converted, mass_kg, limit_value, limit_kind,"
          + " limit_source, exceeded, multiple, ...",
      "  outlet_days.csv   outlet_id, day, pollutant, valid, valid_hours, avg_measured,"
          + " avg_converted, mass_kg, ...",
      "  alerts.csv        alert_id, kind, outlet_id, pollutant, start, end, peak_value,"
          + " limit_value, multiple, ... (the latest state of each alert)",
      "  rejects.csv       line, mn, reason, packet (lines that did not become data)",
      "Times are ISO-8601 with their offset; hours and days are clock periods in China Standard"
          + " Time (UTC+8)."
    })
final class ReplayCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--registry",
      required = true,
      paramLabel = "DIR",
      description = "Registry directory (enterprises.csv, outlets.csv, limits.csv, devices.csv).")
  Path registry;

  @Option(
      names = "--packets",
      required = true,
      paramLabel = "FILE",
      description = "HJ 212 packets, one per line.")
  Path packets;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
  Path out;

  @Option(
      names = "--parallelism",
      defaultValue = "2",
      description = "Parallel instances of the compliance operator (default: ${DEFAULT-VALUE}).")
  int parallelism;

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(registry)) {
      throw new ParameterException(
          spec.commandLine(), "--registry " + registry + " is not a directory");
    }
    if (!Files.isRegularFile(packets)) {
      throw new ParameterException(spec.commandLine(), "--packets " + packets + " is not a file");
    }
    if (parallelism < 1) {
      throw new ParameterException(spec.commandLine(), "--parallelism must be at least 1");
    }
    try {
      // a registry with errors is the user's to fix: its errors, before any job starts
      RegistryLoader.load(registry);
    } catch (RegistryException e) {
      throw new ParameterException(
          spec.commandLine(), "--registry " + registry + ": " + e.getMessage());
    }
    Configuration flink = new Configuration();
    flink.set(TaskManagerOptions.NUM_TASK_SLOTS, parallelism + 1);
    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.createLocalEnvironment(parallelism, flink);
    long started = System.nanoTime();
    ReplayCsvWriter.Summary summary = ReplayJob.run(env, registry, packets, out);
    double seconds = (System.nanoTime() - started) / 1e9;
    System.err.printf(
        "replayed %s in %.1f s (%d lines rejected): %d hour values, %d day values, %d alerts"
            + " written to %s%n",
        packets,
        seconds,
        summary.rejects(),
        summary.hours(),
        summary.days(),
        summary.alerts(),
        out);
    return 0;
  }
}
