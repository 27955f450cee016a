package org.emission.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.emission.gateway.AuthMode;
import org.emission.gateway.DeviceDirectory;
import org.emission.gateway.DeviceDirectoryException;
import org.emission.gateway.Hj212Gateway;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./emission gateway}: the HJ 212 TCP gateway on its own, in front of a Kafka cluster. */
@Command(
    name = "gateway",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the HJ 212 gateway: data loggers connect over TCP and upload HJ 212 packets; every"
          + " packet goes to Kafka topic hj212.raw, valid data to cems.samples, rejects to"
          + " ingest.rejects, and each is answered as HJ 212-2017 prescribes once Kafka has it.",
      "Devices are checked by MN and PW against devices.csv (columns mn,pw,outlet_id) in the"
          + " --registry directory, reloaded when it changes. Metrics: one log line per minute and"
          + " http://<metrics-bind>:<metrics-port>/metrics (Prometheus). Runs until Ctrl-C or"
          + " --duration."
    })
final class GatewayCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--bind",
      defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for all).")
  String bind;

  @Option(
      names = "--port",
      defaultValue = "9212",
      description = "TCP port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--kafka",
      defaultValue = "127.0.0.1:9092",
      description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE}).")
  String kafka;

  @Option(
      names = "--registry",
      paramLabel = "DIR",
      description = "Registry directory holding devices.csv (required unless --auth off).")
  Path registry;

  @Option(
      names = "--auth",
      defaultValue = "enforce",
      paramLabel = "enforce|warn|off",
      description =
          "enforce: unknown devices and wrong passwords are rejected; warn: they pass, logged and"
              + " counted; off: not checked (default: ${DEFAULT-VALUE}).")
  AuthMode auth;

  @Option(
      names = "--metrics-port",
      defaultValue = "9213",
      description = "Port of /metrics, -1 for none (default: ${DEFAULT-VALUE}).")
  int metricsPort;

  @Option(
      names = "--metrics-bind",
      defaultValue = "127.0.0.1",
      description = "Address of /metrics (default: ${DEFAULT-VALUE}).")
  String metricsBind;

  @Option(
      names = "--max-connections",
      defaultValue = "10000",
      description =
          "Connections open at once; more are closed at once (default: ${DEFAULT-VALUE}).")
  int maxConnections;

  @Option(
      names = "--idle-timeout",
      defaultValue = "35m",
      description = "Close a connection silent this long (default: ${DEFAULT-VALUE}).")
  String idleTimeout;

  @Option(
      names = "--frame-timeout",
      defaultValue = "60s",
      description =
          "Close a connection whose frame stays unfinished this long (default: ${DEFAULT-VALUE}).")
  String frameTimeout;

  @Option(
      names = "--max-data-segment",
      defaultValue = "1024",
      description =
          "Longest data segment accepted, bytes (default: ${DEFAULT-VALUE}, HJ 212-2017 Table 2).")
  int maxDataSegment;

  @Option(
      names = "--max-pending",
      defaultValue = "64",
      description =
          "Packets of one connection waiting for Kafka before it is no longer read (default: ${DEFAULT-VALUE}).")
  int maxPending;

  @Option(
      names = "--kafka-stall",
      defaultValue = "3s",
      description =
          "Pause reading all connections when Kafka acknowledges nothing this long (default: ${DEFAULT-VALUE}).")
  String kafkaStall;

  @Option(
      names = "--no-gap-fill",
      description = "Do not ask loggers for missing minute and hour data.")
  boolean noGapFill;

  @Option(
      names = "--max-gap-fill",
      defaultValue = "7d",
      description = "Longest span of missing data asked for at once (default: ${DEFAULT-VALUE}).")
  String maxGapFill;

  @Option(
      names = "--duration",
      description = "Stop after this long (e.g. PT5M or 300s); default: run until Ctrl-C.")
  String duration;

  @Override
  public Integer call() throws Exception {
    if (auth != AuthMode.OFF && registry == null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--registry DIR is required with --auth " + name(auth) + " (or use --auth off)");
    }
    DeviceDirectory devices;
    try {
      devices = registry == null ? null : DeviceDirectory.load(registry);
    } catch (DeviceDirectoryException e) {
      System.err.println("emission gateway: " + e.getMessage());
      return 1;
    }
    Hj212Gateway gateway;
    try {
      gateway =
          Hj212Gateway.builder()
              .bind(bind)
              .port(port)
              .kafkaBootstrap(kafka)
              .authMode(auth)
              .deviceDirectory(devices)
              .metricsBind(metricsBind)
              .metricsPort(metricsPort)
              .maxConnections(maxConnections)
              .idleTimeout(duration("--idle-timeout", idleTimeout))
              .frameTimeout(duration("--frame-timeout", frameTimeout))
              .maxDataSegment(maxDataSegment)
              .maxPendingPerConnection(maxPending)
              .kafkaStallThreshold(duration("--kafka-stall", kafkaStall))
              .gapFill(!noGapFill)
              .maxGapFill(duration("--max-gap-fill", maxGapFill))
              .build();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e, null, null);
    }
    Duration stopAfter = duration == null ? null : duration("--duration", duration);
    // The gateway's start line and minute lines are its status output.
    Configurator.setLevel("org.emission.gateway", Level.INFO);
    CountDownLatch stop = new CountDownLatch(1);
    try (Hj212Gateway running = gateway.start()) {
      Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "gateway-stop"));
      System.out.println(
          "HJ 212 gateway on "
              + bind
              + ":"
              + running.port()
              + (running.metricsPort() < 0
                  ? ""
                  : ", metrics http://" + metricsBind + ":" + running.metricsPort() + "/metrics")
              + ". Stop with Ctrl-C.");
      if (stopAfter == null) {
        stop.await();
      } else {
        stop.await(stopAfter.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
      }
      System.out.println("stopping ...");
    } catch (IllegalStateException e) {
      System.err.println("emission gateway: " + e.getMessage());
      return 1;
    }
    return 0;
  }

  private Duration duration(String option, String text) {
    try {
      return Durations.parse(text);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), option + ": " + e.getMessage());
    }
  }

  private static String name(AuthMode mode) {
    return mode.name().toLowerCase(java.util.Locale.ROOT);
  }
}
