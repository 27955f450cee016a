package org.emission.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.emission.local.LocalCache;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ./emission local}: the whole stack on this machine, bound to 127.0.0.1. */
@Command(
    name = "local",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the whole engine on this machine: a Kafka broker (KRaft), ClickHouse (embedded chDB"
          + " behind ClickHouse's HTTP interface), the Flink jobs on a MiniCluster with its web UI,"
          + " the HJ 212 gateway and the simulated region's loggers; all listeners on 127.0.0.1"
          + " unless --bind says otherwise.",
      "Prints what runs where, then a status line every --status-interval until Ctrl-C or"
          + " --duration."
    })
final class LocalCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--kafka-port",
      defaultValue = "9092",
      description = "Kafka port (default: ${DEFAULT-VALUE}).")
  int kafkaPort;

  @Option(
      names = "--clickhouse-port",
      defaultValue = "8123",
      description = "ClickHouse HTTP port (default: ${DEFAULT-VALUE}).")
  int clickHousePort;

  @Option(
      names = "--flink-ui-port",
      defaultValue = "8081",
      description = "Flink web UI port (default: ${DEFAULT-VALUE}).")
  int flinkUiPort;

  @Option(
      names = "--bind",
      defaultValue = "127.0.0.1",
      description = "Address every listener binds to (default: ${DEFAULT-VALUE}).")
  String bind;

  @Option(
      names = "--data-dir",
      description = "Where Kafka and ClickHouse keep their data (default: the cache's local/).")
  Path dataDir;

  @Option(
      names = "--duration",
      description = "Stop after this long (e.g. PT5M or 300s); default: run until Ctrl-C.")
  String duration;

  @Option(
      names = "--status-interval",
      defaultValue = "10",
      description = "Seconds between status lines (default: ${DEFAULT-VALUE}).")
  int statusIntervalSeconds;

  @Option(
      names = "--gateway-port",
      defaultValue = "9212",
      description = "HJ 212 gateway port (default: ${DEFAULT-VALUE}).")
  int gatewayPort;

  @Option(
      names = "--metrics-port",
      defaultValue = "9213",
      description =
          "Gateway metrics port, Prometheus text on /metrics (default: ${DEFAULT-VALUE}).")
  int metricsPort;

  @Option(
      names = "--registry",
      description = "Registry directory (default: the simulated region in registry/).")
  Path registry;

  @Option(
      names = "--no-simulator",
      description = "Only listen: do not start the simulated region's loggers.")
  boolean noSimulator;

  @Option(
      names = "--speed",
      defaultValue = "360",
      description =
          "How many times faster than real the simulated region runs from 00:00 CST yesterday"
              + " until it reaches the present, then in real time (default: ${DEFAULT-VALUE}:"
              + " a simulated day in four minutes; 1: real time from now).")
  double speed;

  @Option(
      names = "--notify",
      paramLabel = "CONFIG",
      description =
          "Also send alerts to webhooks (WeCom, DingTalk, generic JSON) as configured in this file"
              + " (see notify.example.json).")
  Path notifyConfig;

  @Option(
      names = "--seed",
      defaultValue = "212",
      description = "Seed of the simulated region (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() throws Exception {
    Duration stopAfter;
    try {
      stopAfter = duration == null ? null : Durations.parse(duration);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--duration: " + e.getMessage());
    }
    if (statusIntervalSeconds < 1) {
      throw new ParameterException(
          spec.commandLine(), "--status-interval must be at least 1 second");
    }
    if (speed <= 0) {
      throw new ParameterException(spec.commandLine(), "--speed must be positive");
    }
    Path registryDir =
        registry == null ? Path.of(System.getProperty("emission.home", "."), "registry") : registry;
    if (!java.nio.file.Files.isDirectory(registryDir)) {
      throw new ParameterException(
          spec.commandLine(), "registry directory " + registryDir + " does not exist");
    }
    LocalStack.Options options =
        new LocalStack.Options(
            bind,
            kafkaPort,
            clickHousePort,
            flinkUiPort,
            gatewayPort,
            metricsPort,
            dataDir == null ? LocalCache.subdir("local") : dataDir,
            registryDir,
            !noSimulator,
            speed,
            seed,
            notifyConfig);
    CountDownLatch stop = new CountDownLatch(1);
    try (LocalStack stack = LocalStack.start(options)) {
      Thread hook = new Thread(stop::countDown, "local-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      stack.printEndpoints(System.out);
      long deadline = stopAfter == null ? Long.MAX_VALUE : System.nanoTime() + stopAfter.toNanos();
      while (!stop.await(
          Math.min(
              statusIntervalSeconds * 1000L,
              Math.max(1, (deadline - System.nanoTime()) / 1_000_000)),
          TimeUnit.MILLISECONDS)) {
        System.out.println(stack.statusLine());
        if (System.nanoTime() >= deadline) {
          break;
        }
      }
      System.out.println("stopping ...");
      System.out.println(stack.statusLine());
    }
    return 0;
  }
}
