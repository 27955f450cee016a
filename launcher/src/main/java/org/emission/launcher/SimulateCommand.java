package org.emission.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.emission.simulator.FileRun;
import org.emission.simulator.LiveOptions;
import org.emission.simulator.LiveRun;
import org.emission.simulator.RegionSimulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ./emission simulate}: the simulated region of Wuhai and Ordos, written to a packet file
 * for a historical range, or driven live against a gateway.
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Simulates the data loggers (HJ 212) and the energy and production meters of the region in"
          + " --registry, with the incidents the seed draws.",
      "File mode (--from, --to, --packets, --incidents): writes the range as HJ 212 packets, one"
          + " per line as on the wire without the CR LF, in the order the gateway would receive"
          + " them (re-sends and back-filled data included); real-time data every"
          + " --rtd-interval (default 300 s). Ranges should start and end at midnight CST, so that"
          + " every day is whole.",
      "Live mode (--gateway HOST:PORT): one TCP connection per logger from now (CST), time"
          + " running --speed times faster than real, answering the gateway's commands; meters to"
          + " Kafka with --kafka. Runs until Ctrl-C or --duration (real time). With --from T in"
          + " the past, time starts at T and runs --speed times faster only until it reaches the"
          + " present, then in real time, so that no data lies in the future.",
      "The incidents file lists what was injected (CSV: incident_id, kind, outlet_id, mn,"
          + " pollutant, start, end, detected_by, subject); devices not listed are clean."
    })
final class SimulateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--from",
      paramLabel = "T",
      description = "Start: ISO date or date-time, CST when no offset.")
  String from;

  @Option(names = "--to", paramLabel = "T", description = "End (exclusive), as --from.")
  String to;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Seed of all randomness (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--packets",
      paramLabel = "FILE",
      description = "File mode: the packets file to write.")
  Path packets;

  @Option(names = "--incidents", paramLabel = "FILE", description = "The incidents file to write.")
  Path incidents;

  @Option(
      names = "--registry",
      paramLabel = "DIR",
      defaultValue = "registry",
      description = "Registry directory (default: ${DEFAULT-VALUE}).")
  Path registry;

  @Option(
      names = "--meters",
      paramLabel = "FILE",
      description = "File mode: also write the meter records as JSON lines to FILE.")
  Path meters;

  @Option(
      names = "--gateway",
      paramLabel = "HOST:PORT",
      description = "Live mode: the gateway to connect to.")
  String gateway;

  @Option(
      names = "--speed",
      defaultValue = "60",
      description = "Live mode: simulated seconds per real second (default: ${DEFAULT-VALUE}).")
  double speed;

  @Option(
      names = "--duration",
      description = "Live mode: stop after this real time (e.g. 10m, PT1H).")
  String duration;

  @Option(
      names = "--kafka",
      paramLabel = "HOST:PORT",
      description = "Live mode: Kafka bootstrap for the meter records.")
  String kafka;

  @Option(
      names = "--rtd-interval",
      paramLabel = "SECONDS",
      description = "Real-time (CN 2011) interval; default 300 in file mode, 30 live.")
  Integer rtdInterval;

  @Option(
      names = "--answer-timeout",
      paramLabel = "SECONDS",
      defaultValue = "10",
      description =
          "How long a logger waits for the gateway's answer before sending again (default:"
              + " ${DEFAULT-VALUE}; HJ 212-2017 Table 1).")
  int answerTimeoutSeconds;

  @Option(
      names = "--retries",
      defaultValue = "3",
      description = "How often it sends again (default: ${DEFAULT-VALUE}; HJ 212-2017 Table 1).")
  int retries;

  @Option(
      names = "--status-interval",
      defaultValue = "10",
      description = "Live mode: seconds between status lines (default: ${DEFAULT-VALUE}).")
  int statusIntervalSeconds;

  @Override
  public Integer call() throws Exception {
    if (answerTimeoutSeconds < 1 || answerTimeoutSeconds > 99 || retries < 0 || retries > 99) {
      throw usage("--answer-timeout must be 1..99 s and --retries 0..99 (HJ 212-2017 §6.2)");
    }
    if (rtdInterval != null && (rtdInterval < 30 || rtdInterval > 3600)) {
      throw usage("--rtd-interval must be 30..3600 s (HJ 212-2017 §6.2 RtdInterval)");
    }
    if (!(speed > 0)) {
      throw usage("--speed must be above 0");
    }
    boolean fileMode = gateway == null;
    if (fileMode ? packets == null && to == null : packets != null || to != null) {
      throw usage(
          "give either --from, --to, --packets and --incidents (file mode) or --gateway HOST:PORT"
              + " [--from T] (live mode)");
    }
    return fileMode ? toFile() : live();
  }

  private int toFile() throws Exception {
    if (from == null || to == null || packets == null || incidents == null) {
      throw usage("file mode needs --from, --to, --packets and --incidents");
    }
    long start;
    long end;
    try {
      start = RegionSimulator.parseTime(from);
      end = RegionSimulator.parseTime(to);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    if (end <= start) {
      throw usage("--to must be after --from");
    }
    if (Math.floorMod(start + 8 * 3_600_000L, 86_400_000L) != 0) {
      System.err.println(
          "note: --from is not a CST midnight: the first day is partial and its transmission"
              + " rates are low");
    }
    int rtd = rtdInterval == null ? RegionSimulator.FILE_RTD_SECONDS : rtdInterval;
    FileRun run =
        RegionSimulator.toFile(
            registry,
            start,
            end,
            seed,
            packets,
            incidents,
            meters,
            rtd,
            answerTimeoutSeconds * 1000L,
            retries);
    System.out.println(run.summary());
    System.out.println(
        "packets: "
            + packets
            + "; incidents: "
            + incidents
            + (meters == null ? "" : "; meters: " + meters));
    return 0;
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  private int live() throws Exception {
    int colon = gateway.lastIndexOf(':');
    if (colon <= 0 || !gateway.substring(colon + 1).matches("\\d{1,5}")) {
      throw usage("--gateway must be HOST:PORT");
    }
    String host = gateway.substring(0, colon);
    int port = Integer.parseInt(gateway.substring(colon + 1));
    Duration stopAfter;
    try {
      stopAfter = duration == null ? null : Durations.parse(duration);
    } catch (IllegalArgumentException e) {
      throw usage("--duration: " + e.getMessage());
    }
    LiveOptions options =
        LiveOptions.of(registry, host, port, seed, speed, kafka)
            .withRtdSeconds(rtdInterval == null ? RegionSimulator.LIVE_RTD_SECONDS : rtdInterval)
            .withAnswerTimeout(answerTimeoutSeconds * 1000L, retries)
            .withIncidentsFile(incidents);
    if (from != null) {
      long start;
      try {
        start = RegionSimulator.parseTime(from);
      } catch (IllegalArgumentException e) {
        throw usage(e.getMessage());
      }
      if (start > System.currentTimeMillis()) {
        throw usage("--from must not be in the future in live mode: data would lie ahead of now");
      }
      options = options.withStart(start).withRealTimeFromNow();
    }
    if (stopAfter != null) {
      long simulated = (long) (stopAfter.toMillis() * speed);
      options = options.withIncidentHorizon(Duration.ofMillis(Math.max(simulated, 3_600_000L)));
    }
    CountDownLatch stop = new CountDownLatch(1);
    try (LiveRun run = RegionSimulator.live(options)) {
      Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "simulate-stop"));
      System.out.println(
          "simulating "
              + run.cleanDevices().size()
              + " clean loggers and "
              + run.incidents().size()
              + " incidents against "
              + gateway
              + " at "
              + speed
              + "x");
      long deadline = stopAfter == null ? Long.MAX_VALUE : System.nanoTime() + stopAfter.toNanos();
      while (!stop.await(
          Math.min(
              statusIntervalSeconds * 1000L,
              Math.max(1, (deadline - System.nanoTime()) / 1_000_000)),
          TimeUnit.MILLISECONDS)) {
        System.out.println(run.statusLine());
        if (System.nanoTime() >= deadline) {
          break;
        }
      }
      System.out.println("stopping ...");
      System.out.println(run.statusLine());
    }
    return 0;
  }
}
