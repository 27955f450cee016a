package org.emission.simulator;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The simulated region of Wuhai and Ordos as data loggers and meters: the entry point for the
 * {@code simulate} command and the local stack.
 *
 * <ul>
 *   <li>{@link #toFile}: a historical range as HJ 212 packets, one per line, in the order the
 *       gateway would receive them, with the incidents file and optionally the meter records.
 *   <li>{@link #live}: every logger of devices.csv on its own TCP connection to a gateway, time
 *       running {@code speed} times faster than real time from now (CST), answering the host's
 *       commands; meter records to Kafka when a bootstrap is given.
 * </ul>
 *
 * Everything is deterministic from the seed except, in live mode, the timing of the network.
 */
public final class RegionSimulator {

  /** Real-time (CN 2011) interval in file mode: coarse, to keep a week of 130 loggers small. */
  public static final int FILE_RTD_SECONDS = 300;

  /** Real-time interval in live mode (HJ 212-2017 §6.2 minimum: 30 s). */
  public static final int LIVE_RTD_SECONDS = 30;

  /** Answer timeout and retries (HJ 212-2017 Table 1, GPRS/CDMA/LTE: 10 s, 3). */
  public static final long ACK_TIMEOUT_MILLIS = 10_000;

  public static final int RETRIES = 3;

  private RegionSimulator() {}

  /**
   * Writes {@code [from, to)} (epoch ms) as packets; see {@link FileSimulation}.
   *
   * @param meters JSON-lines file for the meter records, or null for none
   */
  public static FileRun toFile(
      Path registryDir, long from, long to, long seed, Path packets, Path incidents, Path meters)
      throws IOException {
    return toFile(registryDir, from, to, seed, packets, incidents, meters, FILE_RTD_SECONDS);
  }

  /** As {@link #toFile(Path, long, long, long, Path, Path, Path)} with a real-time interval. */
  public static FileRun toFile(
      Path registryDir,
      long from,
      long to,
      long seed,
      Path packets,
      Path incidents,
      Path meters,
      int rtdSeconds)
      throws IOException {
    return toFile(
        registryDir,
        from,
        to,
        seed,
        packets,
        incidents,
        meters,
        rtdSeconds,
        ACK_TIMEOUT_MILLIS,
        RETRIES);
  }

  /**
   * As {@link #toFile(Path, long, long, long, Path, Path, Path)} with a real-time interval and the
   * loggers' answer timeout and retry count (where re-sent packets appear in the file).
   */
  public static FileRun toFile(
      Path registryDir,
      long from,
      long to,
      long seed,
      Path packets,
      Path incidents,
      Path meters,
      int rtdSeconds,
      long answerTimeoutMillis,
      int retries)
      throws IOException {
    SimulatedRegion region = SimulatedRegion.load(registryDir);
    return new FileSimulation(region, from, to, seed, rtdSeconds, answerTimeoutMillis, retries)
        .run(packets, incidents, meters);
  }

  /**
   * Starts every logger of the registry against a gateway, time running {@code speed} times faster
   * than real from now (CST); meter records to Kafka when {@code kafkaBootstrapForMeters} is not
   * null.
   */
  public static LiveRun live(
      Path registryDir,
      String gatewayHost,
      int port,
      long seed,
      double speed,
      String kafkaBootstrapForMeters) {
    return live(
        LiveOptions.of(registryDir, gatewayHost, port, seed, speed, kafkaBootstrapForMeters));
  }

  /** Starts a live run with explicit settings. */
  public static LiveRun live(LiveOptions options) {
    return new LiveSimulation(options).start();
  }

  /** Parses a command-line time (ISO date or date-time, CST when no offset) to epoch ms. */
  public static long parseTime(String text) {
    return CstTime.parse(text);
  }
}
