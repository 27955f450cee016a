package org.emission.simulator;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of a live run ({@link RegionSimulator#live(LiveOptions)}).
 *
 * @param speed simulated seconds per real second
 * @param kafkaBootstrap Kafka for the meter records ({@code energy.readings}, {@code
 *     production.output}), or null to leave meters out
 * @param start simulated start (epoch ms), or null for now (CST) rounded down to the minute
 * @param incidentHorizon simulated span over which incidents are scheduled
 * @param rtdSeconds real-time (CN 2011) interval in simulated seconds
 * @param answerTimeoutMillis real time a logger waits for an answer before sending again
 * @param retries how often it sends again
 * @param incidentsFile where to write the incidents (at start, and again with meter incidents at
 *     close), or null
 * @param realTimeFromNow a start in the past runs at {@code speed} only until it has caught up with
 *     the real time, then in real time (the local stack: data never lies in the future)
 */
public record LiveOptions(
    Path registryDir,
    String host,
    int port,
    long seed,
    double speed,
    String kafkaBootstrap,
    Long start,
    Duration incidentHorizon,
    int rtdSeconds,
    long answerTimeoutMillis,
    int retries,
    Path incidentsFile,
    boolean realTimeFromNow) {

  /** Defaults: start now, incidents over one simulated day, HJ 212-2017 Table 1 timeouts. */
  public static LiveOptions of(
      Path registryDir, String host, int port, long seed, double speed, String kafkaBootstrap) {
    return new LiveOptions(
        registryDir,
        host,
        port,
        seed,
        speed,
        kafkaBootstrap,
        null,
        Duration.ofDays(1),
        RegionSimulator.LIVE_RTD_SECONDS,
        RegionSimulator.ACK_TIMEOUT_MILLIS,
        RegionSimulator.RETRIES,
        null,
        false);
  }

  public LiveOptions withStart(long epochMillis) {
    return new LiveOptions(
        registryDir,
        host,
        port,
        seed,
        speed,
        kafkaBootstrap,
        epochMillis,
        incidentHorizon,
        rtdSeconds,
        answerTimeoutMillis,
        retries,
        incidentsFile,
        realTimeFromNow);
  }

  public LiveOptions withIncidentHorizon(Duration horizon) {
    return new LiveOptions(
        registryDir,
        host,
        port,
        seed,
        speed,
        kafkaBootstrap,
        start,
        horizon,
        rtdSeconds,
        answerTimeoutMillis,
        retries,
        incidentsFile,
        realTimeFromNow);
  }

  public LiveOptions withRtdSeconds(int seconds) {
    return new LiveOptions(
        registryDir,
        host,
        port,
        seed,
        speed,
        kafkaBootstrap,
        start,
        incidentHorizon,
        seconds,
        answerTimeoutMillis,
        retries,
        incidentsFile,
        realTimeFromNow);
  }

  public LiveOptions withAnswerTimeout(long millis, int retryCount) {
    return new LiveOptions(
        registryDir,
        host,
        port,
        seed,
        speed,
        kafkaBootstrap,
        start,
        incidentHorizon,
        rtdSeconds,
        millis,
        retryCount,
        incidentsFile,
        realTimeFromNow);
  }

  /** Runs fast only until the clock has caught up with the real time ({@link #realTimeFromNow}). */
  public LiveOptions withRealTimeFromNow() {
    return new LiveOptions(
        registryDir,
        host,
        port,
        seed,
        speed,
        kafkaBootstrap,
        start,
        incidentHorizon,
        rtdSeconds,
        answerTimeoutMillis,
        retries,
        incidentsFile,
        true);
  }

  public LiveOptions withIncidentsFile(Path file) {
    return new LiveOptions(
        registryDir,
        host,
        port,
        seed,
        speed,
        kafkaBootstrap,
        start,
        incidentHorizon,
        rtdSeconds,
        answerTimeoutMillis,
        retries,
        file,
        realTimeFromNow);
  }
}
