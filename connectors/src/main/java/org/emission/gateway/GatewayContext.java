package org.emission.gateway;

import io.netty.channel.group.ChannelGroup;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** What every connection of one gateway shares. */
final class GatewayContext {
  final GatewayConfig config;
  final PacketProcessor processor;
  final KafkaSink sink;
  final GatewayMetrics metrics;
  final ReadGate gate;
  final GapFiller gapFiller;
  final ChannelGroup channels;
  final Clock clock;
  private final AtomicInteger admitted = new AtomicInteger();
  private final AtomicLong ids = new AtomicLong();
  private final AtomicLong lastRefusalLog = new AtomicLong(Long.MIN_VALUE);

  GatewayContext(
      GatewayConfig config,
      PacketProcessor processor,
      KafkaSink sink,
      GatewayMetrics metrics,
      ReadGate gate,
      GapFiller gapFiller,
      ChannelGroup channels) {
    this.config = config;
    this.processor = processor;
    this.sink = sink;
    this.metrics = metrics;
    this.gate = gate;
    this.gapFiller = gapFiller;
    this.channels = channels;
    this.clock = config.clock();
  }

  /** Takes a connection slot; false when the connection limit is reached. */
  boolean admit() {
    if (admitted.incrementAndGet() > config.maxConnections()) {
      admitted.decrementAndGet();
      return false;
    }
    return true;
  }

  void release() {
    admitted.decrementAndGet();
  }

  long nextConnectionId() {
    return ids.incrementAndGet();
  }

  /** Whether a refusal should be logged now: at most one line per 10 s. */
  boolean logRefusal() {
    long now = System.nanoTime();
    long last = lastRefusalLog.get();
    return (last == Long.MIN_VALUE || now - last > 10_000_000_000L)
        && lastRefusalLog.compareAndSet(last, now);
  }
}
