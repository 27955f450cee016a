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
import picocli.CommandLine.Option;

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
          + " Kafka with --kafka. Runs until Ctrl-C or --duration (real time).",
      "The incidents file lists what was injected (CSV: incident_id, kind, outlet_id, mn,"
          + " pollutant, start, end, detected_by, subject); devices not listed are clean."
    })
final class SimulateCommand implements Callable<Integer> {

  @Option(names = "--from", paramLabel = "T", description = "Start: ISO date or date-time, CST when no offset.")
  String from;

  @Option(names = "--to", paramLabel = "T", description = "End (exclusive), as --from.")
  String to;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of all randomness (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--packets", paramLabel = "FILE", description = "File mode: the packets file to write.")
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

  @Option(names = "--gateway", paramLabel = "HOST:PORT", description = "Live mode: the gateway to connect to.")
  String gateway;

  @Option(
      names = "--speed",
      defaultValue = "60",
      description = "Live mode: simulated seconds per real second (default: ${DEFAULT-VALUE}).")
  double speed;

  @Option(names = "--duration", description = "Live mode: stop after this real time (e.g. 10m, PT1H).")
  String duration;

  @Option(names = "--kafka", paramLabel = "HOST:PORT", description = "Live mode: Kafka bootstrap for the meter records.")
  String kafka;

  @Option(
      names = "--rtd-interval",
      paramLabel = "SECONDS",
      description = "Real-time (CN 2011) interval; default 300 in file mode, 30 live.")
  Integer rtdInterval;

  @Option(
      names = "--status-interval",
      defaultValue = "10",
      description = "Live mode: seconds between status lines (default: ${DEFAULT-VALUE}).")
  int statusIntervalSeconds;

  @Override
  public Integer call() throws Exception {
    boolean fileMode = from != null || to != null || packets != null;
    if (fileMode == (gateway != null)) {
      throw new IllegalArgumentException(
          "give either --from, --to, --packets and --incidents (file mode) or --gateway HOST:PORT"
              + " (live mode)");
    }
    return fileMode ? toFile() : live();
  }

  private int toFile() throws Exception {
    if (from == null || to == null || packets == null || incidents == null) {
      throw new IllegalArgumentException("file mode needs --from, --to, --packets and --incidents");
    }
    long start = RegionSimulator.parseTime(from);
    long end = RegionSimulator.parseTime(to);
    if (Math.floorMod(start + 8 * 3_600_000L, 86_400_000L) != 0) {
      System.err.println(
          "note: --from is not a CST midnight: the first day is partial and its transmission"
              + " rates are low");
    }
    int rtd = rtdInterval == null ? RegionSimulator.FILE_RTD_SECONDS : rtdInterval;
    FileRun run =
        RegionSimulator.toFile(registry, start, end, seed, packets, incidents, meters, rtd);
    System.out.println(run.summary());
    System.out.println("packets: " + packets + "; incidents: " + incidents + (meters == null ? "" : "; meters: " + meters));
    return 0;
  }

  private int live() throws Exception {
    int colon = gateway.lastIndexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("--gateway must be HOST:PORT");
    }
    String host = gateway.substring(0, colon);
    int port = Integer.parseInt(gateway.substring(colon + 1));
    Duration stopAfter = duration == null ? null : Durations.parse(duration);
    LiveOptions options =
        LiveOptions.of(registry, host, port, seed, speed, kafka)
            .withRtdSeconds(rtdInterval == null ? RegionSimulator.LIVE_RTD_SECONDS : rtdInterval)
            .withIncidentsFile(incidents);
    if (stopAfter != null) {
      long simulated = (long) (stopAfter.toMillis() * speed);
      options = options.withIncidentHorizon(Duration.ofMillis(Math.max(simulated, 3_600_000L)));
    }
    CountDownLatch stop = new CountDownLatch(1);
    try (LiveRun run = RegionSimulator.live(options)) {
      Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "simulate-stop"));
      System.out.println(
          "simulating " + run.cleanDevices().size() + " clean loggers and "
              + run.incidents().size() + " incidents against " + gateway + " at " + speed + "x");
      long deadline = stopAfter == null ? Long.MAX_VALUE : System.nanoTime() + stopAfter.toNanos();
      while (!stop.await(
          Math.min(statusIntervalSeconds * 1000L, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)),
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
