package org.emission.gateway;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The settings of one gateway, validated as a whole when made: every problem is reported at once
 * with what is allowed. Made by {@link Hj212Gateway.Builder}, which holds the defaults.
 *
 * @param bind address to listen on
 * @param port TCP port, 0 for a free one
 * @param kafkaBootstrap Kafka bootstrap servers, {@code host:port[,host:port]}
 * @param producerProperties Kafka producer settings over the gateway's own (not acks, idempotence
 *     or serializers)
 * @param kafkaStartupTimeout how long {@code start()} waits for Kafka and the topics
 * @param authMode how MN and PW are checked
 * @param deviceDirectory the devices allowed; required unless {@code authMode} is OFF
 * @param registryReloadInterval how often {@code devices.csv} is checked for changes
 * @param maxConnections connections open at once; more are closed at once
 * @param idleTimeout a connection with nothing received for this long is closed
 * @param frameTimeout a frame unfinished for this long closes the connection (slow sender)
 * @param maxDataSegment longest data segment of a frame (HJ 212-2017 Table 2: 1024)
 * @param maxPendingPerConnection frames of one connection waiting for Kafka before reading it stops
 * @param kafkaStallThreshold records waiting this long with no acknowledgement pause all reading
 * @param maxInFlightBytes bytes waiting for Kafka before all reading pauses
 * @param splitTimeout how long a split packet waits for its next sub-packet
 * @param maxSplitGroups split packets being reassembled per connection
 * @param maxSplitBytes bytes of sub-packets held per connection
 * @param gapFill whether to ask loggers for missing minute and hour data
 * @param maxGapFill longest span asked for at once (HJ 212 loggers keep months; we ask a week)
 * @param gapFillTimeout how long a history request may go without its 9012 result
 * @param gapFillAttempts how often one span is asked for
 * @param defaultMinuteInterval minute interval assumed until a device's is seen
 * @param clockTolerance a logger clock report further off than this gets a CN 1012 set-time
 * @param metricsBind address of the metrics HTTP endpoint
 * @param metricsPort port of {@code /metrics}, 0 for a free one, -1 for none
 * @param logInterval how often the metrics line is logged
 * @param workerThreads network threads, 0 for Netty's default (2 per core)
 * @param shutdownTimeout how long {@code close()} waits for Kafka to take what was read
 * @param clock wall clock for receive times, QNs and set-time commands
 */
public record GatewayConfig(
    String bind,
    int port,
    String kafkaBootstrap,
    Map<String, String> producerProperties,
    Duration kafkaStartupTimeout,
    AuthMode authMode,
    DeviceDirectory deviceDirectory,
    Duration registryReloadInterval,
    int maxConnections,
    Duration idleTimeout,
    Duration frameTimeout,
    int maxDataSegment,
    int maxPendingPerConnection,
    Duration kafkaStallThreshold,
    long maxInFlightBytes,
    Duration splitTimeout,
    int maxSplitGroups,
    long maxSplitBytes,
    boolean gapFill,
    Duration maxGapFill,
    Duration gapFillTimeout,
    int gapFillAttempts,
    Duration defaultMinuteInterval,
    Duration clockTolerance,
    String metricsBind,
    int metricsPort,
    Duration logInterval,
    int workerThreads,
    Duration shutdownTimeout,
    Clock clock) {

  /** Producer settings the gateway's guarantees rest on. */
  private static final Set<String> FIXED_PRODUCER_PROPERTIES =
      Set.of(
          ProducerConfig.ACKS_CONFIG,
          ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
          ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
          ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
          ProducerConfig.BOOTSTRAP_SERVERS_CONFIG);

  /**
   * @throws IllegalArgumentException listing every invalid setting
   */
  public GatewayConfig {
    producerProperties = Map.copyOf(producerProperties == null ? Map.of() : producerProperties);
    List<String> p = new ArrayList<>();
    if (bind == null || bind.isBlank()) {
      p.add("bind: an address to listen on is required, e.g. 127.0.0.1");
    }
    port(p, "port", port, false);
    if (kafkaBootstrap == null || kafkaBootstrap.isBlank()) {
      p.add("kafkaBootstrap: Kafka bootstrap servers are required, e.g. 127.0.0.1:9092");
    }
    for (String key : producerProperties.keySet()) {
      if (FIXED_PRODUCER_PROPERTIES.contains(key)) {
        p.add(
            "producerProperties: "
                + key
                + " cannot be changed (the gateway answers loggers only for what Kafka has:"
                + " idempotent, acks=all)");
      }
    }
    positive(p, "kafkaStartupTimeout", kafkaStartupTimeout);
    if (authMode == null) {
      p.add("authMode: one of ENFORCE, WARN, OFF is required");
    } else if (authMode != AuthMode.OFF && deviceDirectory == null) {
      p.add(
          "deviceDirectory: auth mode "
              + authMode
              + " needs a device directory (DeviceDirectory.load(registryDir)); or set authMode OFF");
    }
    positive(p, "registryReloadInterval", registryReloadInterval);
    if (maxConnections < 1) {
      p.add("maxConnections: must be at least 1, got " + maxConnections);
    }
    positive(p, "idleTimeout", idleTimeout);
    positive(p, "frameTimeout", frameTimeout);
    if (maxDataSegment < 1 || maxDataSegment > 9999) {
      p.add(
          "maxDataSegment: must be 1..9999 (4-digit length field; HJ 212-2017 Table 2 allows 1024),"
              + " got "
              + maxDataSegment);
    }
    if (maxPendingPerConnection < 1) {
      p.add("maxPendingPerConnection: must be at least 1, got " + maxPendingPerConnection);
    }
    positive(p, "kafkaStallThreshold", kafkaStallThreshold);
    long bufferMemory = bufferMemory(producerProperties);
    if (maxInFlightBytes < 1 || maxInFlightBytes >= bufferMemory) {
      p.add(
          "maxInFlightBytes: must be between 1 and the producer's buffer.memory ("
              + bufferMemory
              + ") so that sending never blocks, got "
              + maxInFlightBytes);
    }
    positive(p, "splitTimeout", splitTimeout);
    if (maxSplitGroups < 1) {
      p.add("maxSplitGroups: must be at least 1, got " + maxSplitGroups);
    }
    if (maxSplitBytes < 1) {
      p.add("maxSplitBytes: must be at least 1, got " + maxSplitBytes);
    }
    positive(p, "maxGapFill", maxGapFill);
    positive(p, "gapFillTimeout", gapFillTimeout);
    if (gapFillAttempts < 1) {
      p.add("gapFillAttempts: must be at least 1, got " + gapFillAttempts);
    }
    if (defaultMinuteInterval == null
        || defaultMinuteInterval.compareTo(Duration.ofMinutes(1)) < 0
        || defaultMinuteInterval.compareTo(Duration.ofMinutes(30)) > 0) {
      p.add(
          "defaultMinuteInterval: must be 1..30 min (HJ 212-2017 §6.2 MinInterval), got "
              + defaultMinuteInterval);
    }
    positive(p, "clockTolerance", clockTolerance);
    if (metricsBind == null || metricsBind.isBlank()) {
      p.add("metricsBind: an address for the metrics endpoint is required, e.g. 127.0.0.1");
    }
    port(p, "metricsPort", metricsPort, true);
    positive(p, "logInterval", logInterval);
    if (workerThreads < 0) {
      p.add("workerThreads: must be 0 (default) or more, got " + workerThreads);
    }
    positive(p, "shutdownTimeout", shutdownTimeout);
    if (clock == null) {
      p.add("clock: required");
    }
    if (!p.isEmpty()) {
      throw new IllegalArgumentException(
          "invalid HJ 212 gateway configuration:"
              + System.lineSeparator()
              + "  "
              + String.join(System.lineSeparator() + "  ", p));
    }
  }

  GapFillSettings gapFillSettings() {
    return new GapFillSettings(
        gapFill, maxGapFill, gapFillTimeout, gapFillAttempts, defaultMinuteInterval, 100_000);
  }

  private static long bufferMemory(Map<String, String> props) {
    Object configured = props.get(ProducerConfig.BUFFER_MEMORY_CONFIG);
    Object value =
        configured != null
            ? configured
            : KafkaSink.properties("unused:0", Map.of()).get(ProducerConfig.BUFFER_MEMORY_CONFIG);
    try {
      return Long.parseLong(Objects.toString(value).trim());
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }

  private static void port(List<String> p, String name, int port, boolean disableAllowed) {
    if (port < (disableAllowed ? -1 : 0) || port > 65535) {
      p.add(
          name
              + ": must be 0..65535 (0 picks a free port"
              + (disableAllowed ? ", -1 turns it off" : "")
              + "), got "
              + port);
    }
  }

  private static void positive(List<String> p, String name, Duration d) {
    if (d == null || d.isNegative() || d.isZero()) {
      p.add(name + ": must be a positive duration, got " + d);
    }
  }
}
