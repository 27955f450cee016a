package org.emission.launcher.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.concurrent.Callable;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.emission.jobs.replay.ReplayCsvWriter;
import org.emission.jobs.replay.ReplayJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Replay throughput: minute packets of N devices over D days through the compliance job. */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description =
        "Writes D days of minute packets for N devices, replays them through the compliance job"
            + " and prints packets per second.")
final class ReplayBench implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--devices",
      defaultValue = "130",
      description = "Devices (default: ${DEFAULT-VALUE}).")
  int devices;

  @Option(
      names = "--days",
      defaultValue = "1",
      description = "Days of minute data (default: ${DEFAULT-VALUE}).")
  int days;

  @Option(
      names = "--parallelism",
      defaultValue = "2",
      description = "Parallel compliance operators (default: ${DEFAULT-VALUE}).")
  int parallelism;

  @Override
  public Integer call() throws Exception {
    if (devices < 1 || days < 1 || parallelism < 1) {
      throw new ParameterException(
          spec.commandLine(), "--devices, --days and --parallelism must be positive");
    }
    Path dir = Files.createTempDirectory("emission-bench-replay");
    try {
      Path registry = dir.resolve("registry");
      BenchRegion.writeRegistry(registry, devices);
      Path packets = dir.resolve("packets.txt");
      long writeStart = System.nanoTime();
      long count =
          BenchRegion.writePackets(packets, devices, LocalDateTime.of(2025, 1, 1, 0, 0), days);
      double writeSeconds = (System.nanoTime() - writeStart) / 1e9;

      Configuration flink = new Configuration();
      flink.set(TaskManagerOptions.NUM_TASK_SLOTS, parallelism + 1);
      StreamExecutionEnvironment env =
          StreamExecutionEnvironment.createLocalEnvironment(parallelism, flink);
      com.sun.management.OperatingSystemMXBean os =
          (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      long cpuStart = os.getProcessCpuTime();
      long start = System.nanoTime();
      ReplayCsvWriter.Summary summary = ReplayJob.run(env, registry, packets, dir.resolve("out"));
      double seconds = (System.nanoTime() - start) / 1e9;
      double cpuMicrosPerPacket = (os.getProcessCpuTime() - cpuStart) / 1e3 / count;
      System.out.printf(
          "replay: %d packets (%d devices x %d days of minute data, %.0f MB) in %.1f s = %.0f"
              + " packets/s on %d cores, parallelism %d (%.1f us of CPU per packet); %d hour values,"
              + " %d alerts (file written in %.1f s)%n",
          count,
          devices,
          days,
          Files.size(packets) / 1e6,
          seconds,
          count / seconds,
          Runtime.getRuntime().availableProcessors(),
          parallelism,
          cpuMicrosPerPacket,
          summary.hours(),
          summary.alerts(),
          writeSeconds);
      return 0;
    } finally {
      BenchRegion.deleteTree(dir);
    }
  }
}
