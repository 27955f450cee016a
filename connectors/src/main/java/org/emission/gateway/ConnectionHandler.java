package org.emission.gateway;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.emission.hj212.Hj212Encoder;
import org.emission.hj212.Hj212Packet;
import org.emission.hj212.SplitPacketAssembler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One logger connection: hands each frame to the {@link PacketProcessor}, sends its records to
 * Kafka, and writes the answers owed only once Kafka acknowledged every record of the frame, in the
 * order the frames came (the gateway acknowledges only what Kafka has; DESIGN: delivery and
 * failure).
 *
 * <p>Reading stops (Netty auto-read off) while Kafka stalls ({@link ReadGate}), while the
 * connection has too many frames waiting for Kafka, or while the logger does not read our answers.
 * Closes the connection when it is idle, when a frame stays unfinished too long (slow sender), and
 * when Kafka fails a record (so that the logger, unanswered, sends it again).
 */
final class ConnectionHandler extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionHandler.class);

  private final GatewayContext gw;
  private final Hj212FrameDecoder framer;
  private final ArrayDeque<PendingFrame> pending = new ArrayDeque<>();
  private ChannelHandlerContext ctx;
  private ConnectionSession session;
  private boolean admitted;
  private boolean readPaused;
  private boolean backlogFull;
  private boolean failed;
  private long lastActivityNanos;
  private ScheduledFuture<?> checks;
  private String closeReason;

  ConnectionHandler(GatewayContext gw, Hj212FrameDecoder framer) {
    this.gw = gw;
    this.framer = framer;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    this.ctx = ctx;
    String peer = peer(ctx.channel().remoteAddress());
    if (!gw.admit()) {
      gw.metrics.connectionRefused();
      if (gw.logRefusal()) {
        LOG.warn(
            "connection limit of {} reached: refusing {} (further refusals within 10 s not logged)",
            gw.config.maxConnections(),
            peer);
      }
      ctx.close();
      return;
    }
    admitted = true;
    GatewayConfig c = gw.config;
    session =
        new ConnectionSession(
            gw.nextConnectionId(),
            peer,
            new SplitPacketAssembler(
                c.splitTimeout(), c.maxSplitGroups(), c.maxSplitBytes(), gw.clock));
    gw.metrics.connectionOpened();
    gw.channels.add(ctx.channel());
    lastActivityNanos = System.nanoTime();
    long every = checkIntervalMillis(c);
    checks = ctx.executor().scheduleAtFixedRate(this::check, every, every, TimeUnit.MILLISECONDS);
    LOG.debug("connection {} from {}", session.id, peer);
    updateAutoRead();
    super.channelActive(ctx);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!admitted) {
      return;
    }
    lastActivityNanos = System.nanoTime();
    Instant now = gw.clock.instant();
    if (msg instanceof Inbound.Frame frame) {
      gw.metrics.frame();
      gw.metrics.bytesIn(frame.bytes().length);
      submit(gw.processor.onFrame(frame.bytes(), now, session));
    } else if (msg instanceof Inbound.Skipped skipped) {
      gw.metrics.skipped(skipped.count());
      gw.metrics.bytesIn(skipped.count());
      submit(gw.processor.onSkipped(skipped, now, session));
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
    updateAutoRead();
    super.channelWritabilityChanged(ctx);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    if (admitted) {
      admitted = false;
      gw.release();
      gw.metrics.connectionClosed(closeReason == null ? "peer" : closeReason);
      if (readPaused) {
        readPaused = false;
        gw.metrics.readPaused(false);
      }
      if (checks != null) {
        checks.cancel(false);
      }
      gw.gapFiller.onDisconnect(session.mns, session.id);
      int open = session.assembler.openGroups();
      LOG.debug(
          "connection {} from {} closed ({}), {} frames waiting for Kafka, {} split packets incomplete",
          session.id,
          session.peer,
          closeReason == null ? "by the peer" : closeReason,
          pending.size(),
          open);
    }
    super.channelInactive(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.debug("connection from {}: {}", session == null ? "?" : session.peer, cause.toString());
    // A reset is the peer going away; anything else is worth the "error" label.
    close(cause instanceof IOException ? "peer" : "error");
  }

  /** Sends a frame's records; its replies wait until Kafka has them all. */
  private void submit(PacketProcessor.Outcome outcome) {
    List<ProducerRecord<String, byte[]>> records = outcome.records();
    if (records.isEmpty() && outcome.replies().isEmpty()) {
      return;
    }
    PendingFrame frame = new PendingFrame(outcome.replies(), System.nanoTime(), records.size());
    pending.addLast(frame);
    for (ProducerRecord<String, byte[]> r : records) {
      gw.sink.send(r, (metadata, exception) -> acked(frame, exception));
    }
    if (frame.done()) {
      drain();
    }
    updateAutoRead();
  }

  /** Called on the producer's thread: continue on the connection's own thread. */
  private void acked(PendingFrame frame, Exception exception) {
    try {
      ctx.executor()
          .execute(
              () -> {
                frame.acked(exception);
                drain();
                updateAutoRead();
              });
    } catch (RejectedExecutionException e) {
      // The gateway is shutting down; the logger was not answered and will send again.
    }
  }

  /** Writes the replies of the frames at the head of the queue that Kafka has fully taken. */
  private void drain() {
    Channel ch = ctx.channel();
    boolean wrote = false;
    long now = System.nanoTime();
    while (!pending.isEmpty() && pending.peekFirst().done()) {
      PendingFrame frame = pending.pollFirst();
      if (frame.failure() != null) {
        if (!failed) {
          failed = true;
          gw.metrics.kafkaSendFailure();
          LOG.error(
              "Kafka did not take a record of a packet from {} (MN {}): {}; closing the connection"
                  + " unanswered so that the logger sends it again",
              session.peer,
              session.mns,
              frame.failure().toString());
          close("kafka_failure");
        }
        continue;
      }
      if (failed || !ch.isActive()) {
        continue;
      }
      for (Hj212Packet reply : frame.replies) {
        ctx.write(Unpooled.wrappedBuffer(Hj212Encoder.encode(reply)));
        gw.metrics.packetOut(reply.cn());
        wrote = true;
      }
      if (!frame.replies.isEmpty()) {
        gw.metrics.ackLatency(now - frame.receivedNanos);
      }
    }
    if (wrote) {
      ctx.flush();
    }
  }

  /**
   * Reads only while Kafka keeps up, this connection's queue is not full (resumes at half) and the
   * logger reads what we write.
   */
  void updateAutoRead() {
    Channel ch = ctx.channel();
    if (!admitted || !ch.isActive()) {
      return;
    }
    int limit = gw.config.maxPendingPerConnection();
    if (backlogFull && pending.size() <= limit / 2) {
      backlogFull = false;
    } else if (!backlogFull && pending.size() >= limit) {
      backlogFull = true;
    }
    boolean read = !gw.gate.paused() && !backlogFull && ch.isWritable() && !failed;
    if (ch.config().isAutoRead() != read) {
      ch.config().setAutoRead(read);
    }
    if (readPaused == read) {
      readPaused = !read;
      gw.metrics.readPaused(readPaused);
      if (read) {
        // Time spent not reading is not the logger's idleness or slowness.
        lastActivityNanos = System.nanoTime();
        framer.restartPartialClock();
      }
    }
  }

  /** Periodic: split packets that timed out, idle and slow-sender timeouts. */
  private void check() {
    if (!admitted) {
      return;
    }
    List<SplitPacketAssembler.Event> expired = session.assembler.expire();
    if (!expired.isEmpty()) {
      submit(gw.processor.onExpired(expired, gw.clock.instant(), session));
    }
    if (readPaused || !pending.isEmpty()) {
      // Waiting for Kafka or for the logger to read: not the logger's fault.
      return;
    }
    long now = System.nanoTime();
    GatewayConfig c = gw.config;
    long partial = framer.partialSinceNanos();
    if (partial >= 0 && now - partial > c.frameTimeout().toNanos()) {
      LOG.info(
          "closing connection from {} (MN {}): a frame unfinished for more than {} s (slow sender)",
          session.peer,
          session.mns,
          c.frameTimeout().toSeconds());
      close("slow_sender");
      return;
    }
    if (now - lastActivityNanos > c.idleTimeout().toNanos()) {
      LOG.info(
          "closing connection from {} (MN {}): nothing received for {} s",
          session.peer,
          session.mns,
          c.idleTimeout().toSeconds());
      close("idle");
    }
  }

  private void close(String reason) {
    if (closeReason == null) {
      closeReason = reason;
    }
    ctx.close();
  }

  private static long checkIntervalMillis(GatewayConfig c) {
    long shortest =
        Math.min(
            c.idleTimeout().toMillis(),
            Math.min(c.frameTimeout().toMillis(), c.splitTimeout().toMillis()));
    return Math.max(50, Math.min(10_000, shortest / 4));
  }

  static String peer(SocketAddress address) {
    if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
      String host = inet.getAddress().getHostAddress();
      return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + inet.getPort();
    }
    return String.valueOf(address);
  }
}
