package org.emission.gateway;

import io.netty.channel.Channel;
import io.netty.channel.group.ChannelGroup;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops reading from every connection while Kafka does not keep up, and starts again when it does:
 * back-pressure reaches the loggers through TCP instead of packets piling up in the gateway. Kafka
 * does not keep up when records wait with none acknowledged for the stall threshold (Kafka down),
 * or when the bytes in flight exceed their bound (Kafka slower than the loggers).
 */
final class ReadGate {
  private static final Logger LOG = LoggerFactory.getLogger(ReadGate.class);

  private final KafkaSink sink;
  private final ChannelGroup channels;
  private final GatewayMetrics metrics;
  private final long stallNanos;
  private final long maxInFlightBytes;
  private volatile boolean paused;
  private volatile boolean closing;
  private long pausedSince;

  ReadGate(
      KafkaSink sink,
      ChannelGroup channels,
      GatewayMetrics metrics,
      long stallNanos,
      long maxInFlightBytes) {
    this.sink = sink;
    this.channels = channels;
    this.metrics = metrics;
    this.stallNanos = stallNanos;
    this.maxInFlightBytes = maxInFlightBytes;
  }

  /** Whether connections must not be read from now. */
  boolean paused() {
    return paused || closing;
  }

  /** Re-evaluates; called often by one thread. */
  void evaluate() {
    long now = System.nanoTime();
    boolean stalled = sink.stalled(now, stallNanos);
    boolean full = sink.inFlightBytes() > maxInFlightBytes;
    boolean pause = stalled || full;
    if (pause == paused) {
      return;
    }
    paused = pause;
    metrics.kafkaStalled(pause);
    if (pause) {
      pausedSince = now;
      LOG.warn(
          "Kafka {} ({} records, {} bytes waiting for {} ms): pausing reads on {} connections",
          stalled ? "does not acknowledge" : "is behind",
          sink.inFlightRecords(),
          sink.inFlightBytes(),
          TimeUnit.NANOSECONDS.toMillis(sink.waitingNanos(now)),
          channels.size());
    } else {
      LOG.info(
          "Kafka acknowledges again: resuming reads on {} connections after {} ms",
          channels.size(),
          TimeUnit.NANOSECONDS.toMillis(now - pausedSince));
    }
    notifyConnections();
  }

  /** Stops reading for good (the gateway is closing). */
  void close() {
    closing = true;
    notifyConnections();
  }

  private void notifyConnections() {
    for (Channel ch : channels) {
      ConnectionHandler handler = ch.pipeline().get(ConnectionHandler.class);
      if (handler != null) {
        ch.eventLoop().execute(handler::updateAutoRead);
      }
    }
  }
}
