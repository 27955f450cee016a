package org.emission.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.emission.local.LocalCache;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./emission local}: the whole stack on this machine, bound to 127.0.0.1. */
@Command(
    name = "local",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the whole engine on this machine: a Kafka broker (KRaft), ClickHouse (embedded chDB"
          + " behind ClickHouse's HTTP interface), the Flink jobs on a MiniCluster with its web UI,"
          + " and the sample feed; all listeners on 127.0.0.1 unless --bind says otherwise.",
      "Prints what runs where, then a status line every --status-interval until Ctrl-C or"
          + " --duration."
    })
final class LocalCommand implements Callable<Integer> {
  @Option(names = "--kafka-port", defaultValue = "9092", description = "Kafka port (default: ${DEFAULT-VALUE}).")
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
      names = "--no-feed",
      description = "Only listen: do not start the built-in sample feed.")
  boolean noFeed;

  @Override
  public Integer call() throws Exception {
    Duration stopAfter = duration == null ? null : Durations.parse(duration);
    if (statusIntervalSeconds < 1) {
      throw new IllegalArgumentException("--status-interval must be at least 1 second");
    }
    LocalStack.Options options =
        new LocalStack.Options(
            bind,
            kafkaPort,
            clickHousePort,
            flinkUiPort,
            dataDir == null ? LocalCache.subdir("local") : dataDir,
            !noFeed);
    CountDownLatch stop = new CountDownLatch(1);
    try (LocalStack stack = LocalStack.start(options)) {
      Thread hook = new Thread(stop::countDown, "local-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      stack.printEndpoints(System.out);
      long deadline = stopAfter == null ? Long.MAX_VALUE : System.nanoTime() + stopAfter.toNanos();
      while (!stop.await(
          Math.min(statusIntervalSeconds * 1000L, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)),
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
