package org.emission.gateway;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * Counters of one gateway: connections, packets in and out per CN, rejects by reason, device
 * checks, Kafka in flight, ack latency (p50/p99), gap fill. Read them here, as one log line per
 * interval ({@link #summaryLine()}), or in Prometheus text format ({@link #prometheusText()}).
 * Thread-safe and cheap to update.
 */
public final class GatewayMetrics {

  /** Ack latency: from the frame's last byte read to its answer written, Kafka included. */
  public record Latency(long count, double p50Millis, double p99Millis) {}

  private final AtomicInteger openConnections = new AtomicInteger();
  private final LongAdder connectionsAccepted = new LongAdder();
  private final LongAdder connectionsRefused = new LongAdder();
  private final Map<String, LongAdder> connectionsClosed = new ConcurrentHashMap<>();
  private final LongAdder bytesIn = new LongAdder();
  private final LongAdder frames = new LongAdder();
  private final LongAdder skippedBytes = new LongAdder();
  private final Map<String, LongAdder> packetsIn = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> packetsOut = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> rejects = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> deviceCheckFailures = new ConcurrentHashMap<>();
  private final LongAdder samples = new LongAdder();
  private final LongAdder kafkaSendFailures = new LongAdder();
  private final LongAdder clockCorrections = new LongAdder();
  private final LongAdder gapFillRequests = new LongAdder();
  private final Map<String, LongAdder> gapFillResults = new ConcurrentHashMap<>();
  private final LatencyHistogram ackLatency = new LatencyHistogram();
  private final AtomicInteger readPausedConnections = new AtomicInteger();
  private volatile boolean kafkaStalled;
  private volatile LongSupplier kafkaInFlightRecords = () -> 0;
  private volatile LongSupplier kafkaInFlightBytes = () -> 0;
  private volatile LongSupplier devices = () -> 0;

  private final Map<String, Long> lastIn = new TreeMap<>();
  private final Map<String, Long> lastOut = new TreeMap<>();
  private final Map<String, Long> lastRejects = new TreeMap<>();

  GatewayMetrics() {}

  // ---- reading ----

  /** Connections open now. */
  public int openConnections() {
    return openConnections.get();
  }

  public long connectionsAccepted() {
    return connectionsAccepted.sum();
  }

  /** Connections closed at once because the connection limit was reached. */
  public long connectionsRefused() {
    return connectionsRefused.sum();
  }

  /** Connections closed by the gateway or the peer, by reason: idle, slow_sender, peer, ... */
  public long connectionsClosed(String reason) {
    return get(connectionsClosed, reason);
  }

  /** Frames read (valid or not). */
  public long frames() {
    return frames.sum();
  }

  /** Accepted packets received with this CN. */
  public long packetsIn(String cn) {
    return get(packetsIn, cn);
  }

  /** Packets sent with this CN (answers and commands). */
  public long packetsOut(String cn) {
    return get(packetsOut, cn);
  }

  /** Rejects written to ingest.rejects with this reason code. */
  public long rejects(String reasonCode) {
    return get(rejects, reasonCode);
  }

  /** Packets of unknown devices or with wrong passwords, whatever the auth mode. */
  public long deviceCheckFailures(String reasonCode) {
    return get(deviceCheckFailures, reasonCode);
  }

  /** Records produced to cems.samples. */
  public long samples() {
    return samples.sum();
  }

  /** Bytes outside any frame. */
  public long skippedBytes() {
    return skippedBytes.sum();
  }

  public long kafkaSendFailures() {
    return kafkaSendFailures.sum();
  }

  /** Records handed to the producer and not yet acknowledged by Kafka. */
  public long kafkaInFlightRecords() {
    return kafkaInFlightRecords.getAsLong();
  }

  /** Whether Kafka stopped acknowledging and reading is paused on all connections. */
  public boolean kafkaStalled() {
    return kafkaStalled;
  }

  /** Connections not read from now (Kafka stalled, too many pending packets, slow reader). */
  public int readPausedConnections() {
    return readPausedConnections.get();
  }

  public long clockCorrections() {
    return clockCorrections.sum();
  }

  public long gapFillRequests() {
    return gapFillRequests.sum();
  }

  /** Gap-fill requests ended this way: success, no_data, failed, refused, timeout. */
  public long gapFillResults(String result) {
    return get(gapFillResults, result);
  }

  /** Ack latency since the start. */
  public Latency ackLatency() {
    LatencyHistogram.Snapshot s = ackLatency.lifetime();
    return new Latency(s.count(), s.p50Millis(), s.p99Millis());
  }

  // ---- updating ----

  void connectionOpened() {
    connectionsAccepted.increment();
    openConnections.incrementAndGet();
  }

  void connectionClosed(String reason) {
    openConnections.decrementAndGet();
    add(connectionsClosed, reason);
  }

  void connectionRefused() {
    connectionsRefused.increment();
  }

  void bytesIn(long n) {
    bytesIn.add(n);
  }

  void frame() {
    frames.increment();
  }

  void skipped(long n) {
    skippedBytes.add(n);
  }

  void packetIn(String cn) {
    add(packetsIn, cn == null ? "none" : cn);
  }

  void packetOut(String cn) {
    add(packetsOut, cn == null ? "none" : cn);
  }

  void reject(String reasonCode) {
    add(rejects, reasonCode);
  }

  void deviceCheckFailure(String reasonCode) {
    add(deviceCheckFailures, reasonCode);
  }

  void sample() {
    samples.increment();
  }

  void kafkaSendFailure() {
    kafkaSendFailures.increment();
  }

  void clockCorrection() {
    clockCorrections.increment();
  }

  void gapFillRequest() {
    gapFillRequests.increment();
  }

  void gapFillResult(String result) {
    add(gapFillResults, result);
  }

  void ackLatency(long nanos) {
    ackLatency.record(nanos);
  }

  void readPaused(boolean paused) {
    if (paused) {
      readPausedConnections.incrementAndGet();
    } else {
      readPausedConnections.decrementAndGet();
    }
  }

  void kafkaStalled(boolean stalled) {
    kafkaStalled = stalled;
  }

  void gauges(LongSupplier inFlightRecords, LongSupplier inFlightBytes, LongSupplier deviceCount) {
    kafkaInFlightRecords = inFlightRecords;
    kafkaInFlightBytes = inFlightBytes;
    devices = deviceCount;
  }

  // ---- reporting ----

  /**
   * One line for the log with the changes since the previous call: connections, packets in and out
   * per CN, rejects by reason, ack latency p50/p99 of the interval, Kafka in flight. Called by one
   * thread.
   */
  String summaryLine() {
    LatencyHistogram.Snapshot window = ackLatency.takeWindow();
    StringBuilder sb = new StringBuilder("gateway: ");
    sb.append(openConnections.get()).append(" connections");
    sb.append(", in ").append(deltas(packetsIn, lastIn));
    sb.append(", out ").append(deltas(packetsOut, lastOut));
    sb.append(", rejects ").append(deltas(rejects, lastRejects));
    if (window.count() > 0) {
      sb.append(
          String.format(", ack p50 %.1f ms p99 %.1f ms", window.p50Millis(), window.p99Millis()));
    } else {
      sb.append(", no acks");
    }
    sb.append(", kafka in flight ").append(kafkaInFlightRecords.getAsLong());
    if (kafkaStalled) {
      sb.append(" (STALLED, reading paused)");
    }
    return sb.toString();
  }

  private static String deltas(Map<String, LongAdder> counters, Map<String, Long> last) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, LongAdder> e : new TreeMap<>(counters).entrySet()) {
      long now = e.getValue().sum();
      long d = now - last.getOrDefault(e.getKey(), 0L);
      last.put(e.getKey(), now);
      if (d > 0) {
        sb.append(sb.length() == 0 ? "" : " ").append(e.getKey()).append('=').append(d);
      }
    }
    return sb.length() == 0 ? "-" : sb.toString();
  }

  /** All metrics in the Prometheus text exposition format (version 0.0.4). */
  public String prometheusText() {
    PrometheusText p = new PrometheusText("hj212_gateway_");
    p.gauge("connections", "Connections open now.", openConnections.get());
    p.counter("connections_accepted_total", "Connections accepted.", connectionsAccepted.sum());
    p.counter(
        "connections_refused_total",
        "Connections closed at once because the connection limit was reached.",
        connectionsRefused.sum());
    p.counterByLabel(
        "connections_closed_total",
        "Connections closed, by reason.",
        "reason",
        snapshot(connectionsClosed));
    p.counter("received_bytes_total", "Bytes read from loggers.", bytesIn.sum());
    p.counter("frames_total", "Frames read, valid or not.", frames.sum());
    p.counter("skipped_bytes_total", "Bytes outside any frame, skipped.", skippedBytes.sum());
    p.counterByLabel(
        "packets_in_total", "Accepted packets received, by CN.", "cn", snapshot(packetsIn));
    p.counterByLabel(
        "packets_out_total",
        "Packets sent (answers and commands), by CN.",
        "cn",
        snapshot(packetsOut));
    p.counterByLabel(
        "rejects_total",
        "Records written to ingest.rejects, by reason.",
        "reason",
        snapshot(rejects));
    p.counterByLabel(
        "device_check_failures_total",
        "Packets of unknown devices or with a wrong password, in any auth mode.",
        "reason",
        snapshot(deviceCheckFailures));
    p.counter("samples_total", "Records produced to cems.samples.", samples.sum());
    p.gauge(
        "kafka_in_flight_records",
        "Records not yet acknowledged by Kafka.",
        kafkaInFlightRecords.getAsLong());
    p.gauge(
        "kafka_in_flight_bytes",
        "Bytes not yet acknowledged by Kafka.",
        kafkaInFlightBytes.getAsLong());
    p.counter(
        "kafka_send_failures_total", "Records Kafka failed to take.", kafkaSendFailures.sum());
    p.gauge(
        "kafka_stalled",
        "1 while Kafka does not acknowledge and reading is paused.",
        kafkaStalled ? 1 : 0);
    p.gauge(
        "read_paused_connections", "Connections not read from now.", readPausedConnections.get());
    LatencyHistogram.Snapshot lat = ackLatency.lifetime();
    p.summary(
        "ack_latency_seconds",
        "From a frame's last byte to its answer, Kafka acknowledgement included.",
        Map.of("0.5", lat.p50Millis() / 1000, "0.99", lat.p99Millis() / 1000),
        ackLatency.sumSeconds(),
        ackLatency.count());
    p.counter("clock_corrections_total", "CN 1012 set-time commands sent.", clockCorrections.sum());
    p.counter(
        "gap_fill_requests_total", "History requests sent to fill gaps.", gapFillRequests.sum());
    p.counterByLabel(
        "gap_fill_results_total",
        "History requests ended, by result.",
        "result",
        snapshot(gapFillResults));
    p.gauge("devices", "Devices in the device directory.", devices.getAsLong());
    return p.toString();
  }

  private static Map<String, Long> snapshot(Map<String, LongAdder> counters) {
    Map<String, Long> out = new LinkedHashMap<>();
    new TreeMap<>(counters).forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  private static void add(Map<String, LongAdder> counters, String key) {
    counters.computeIfAbsent(key, k -> new LongAdder()).increment();
  }

  private static long get(Map<String, LongAdder> counters, String key) {
    LongAdder a = counters.get(key);
    return a == null ? 0 : a.sum();
  }
}
