package org.emission.gateway;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.emission.hj212.Hj212Encoder;

/**
 * Sustained throughput of the gateway into Kafka: {@code --connections} simulated loggers on
 * loopback send CN 2051 minute packets with the A bit, each waiting for the 9014 answer (sent only
 * once Kafka has the packet) before sending its next one (up to {@code --window} outstanding), for
 * {@code --seconds} after {@code --warmup}. Auth is enforced against a directory of the simulated
 * devices. Kafka is the embedded broker of the tests unless {@code KAFKA_BOOTSTRAP} is set.
 *
 * <pre>
 * java -cp ... org.emission.gateway.GatewayBenchmark --connections 1000 --seconds 30
 * </pre>
 */
public final class GatewayBenchmark {
  private static final DateTimeFormatter N14 = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
  private static final LocalDateTime START = LocalDateTime.of(2025, 1, 1, 0, 0);

  private final LongAdder acked = new LongAdder();
  private final LatencyHistogram clientLatency = new LatencyHistogram();

  public static void main(String[] args) throws Exception {
    int connections = intArg(args, "--connections", 1000);
    int seconds = intArg(args, "--seconds", 30);
    int warmup = intArg(args, "--warmup", 5);
    int window = intArg(args, "--window", 1);
    new GatewayBenchmark()
        .run(connections, Duration.ofSeconds(seconds), Duration.ofSeconds(warmup), window);
    System.exit(0);
  }

  private void run(int connections, Duration measure, Duration warmup, int window)
      throws Exception {
    String kafka = TestKafka.bootstrap();
    List<String> mns = new ArrayList<>();
    List<Device> devices = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      String mn = String.format("0C1D2E3F4A5B%012X", (System.nanoTime() & 0xFFFFFF) * 10_000 + i);
      mns.add(mn);
      devices.add(new Device(mn, "123456", "OUT-" + i));
    }
    try (Hj212Gateway gateway =
        Hj212Gateway.builder()
            .port(0)
            .metricsPort(-1)
            .kafkaBootstrap(kafka)
            .authMode(AuthMode.ENFORCE)
            .deviceDirectory(DeviceDirectory.of(devices))
            .logInterval(Duration.ofSeconds(10))
            .build()
            .start()) {
      EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
      try {
        Bootstrap b =
            new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true);
        List<Channel> channels = new ArrayList<>();
        for (String mn : mns) {
          Bootstrap forMn =
              b.clone()
                  .handler(
                      new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                          ch.pipeline()
                              .addLast(new LineBasedFrameDecoder(1024))
                              .addLast(new SimulatedLogger(mn, window));
                        }
                      });
          channels.add(forMn.connect("127.0.0.1", gateway.port()).sync().channel());
        }
        System.out.printf(
            "%d loggers connected; warming up for %d s%n", connections, warmup.toSeconds());
        Thread.sleep(warmup.toMillis());
        long ackedBefore = acked.sum();
        long samplesBefore = gateway.metrics().samples();
        long framesBefore = gateway.metrics().frames();
        clientLatency.takeWindow();
        long t0 = System.nanoTime();
        Thread.sleep(measure.toMillis());
        double secs = (System.nanoTime() - t0) / 1e9;
        long ackedIn = acked.sum() - ackedBefore;
        long samplesIn = gateway.metrics().samples() - samplesBefore;
        long framesIn = gateway.metrics().frames() - framesBefore;
        LatencyHistogram.Snapshot lat = clientLatency.takeWindow();
        for (Channel ch : channels) {
          ch.close();
        }
        System.out.println();
        System.out.printf(
            "GatewayBenchmark: %d connections, window %d, %.1f s measured on %d cores%n",
            connections, window, secs, Runtime.getRuntime().availableProcessors());
        System.out.printf("  packets answered (in Kafka)   %,10.0f /s%n", ackedIn / secs);
        System.out.printf("  frames read                   %,10.0f /s%n", framesIn / secs);
        System.out.printf(
            "  cems.samples records          %,10.0f /s  (+ as many hj212.raw)%n",
            samplesIn / secs);
        System.out.printf(
            "  answer latency at the logger  p50 %.1f ms, p99 %.1f ms%n",
            lat.p50Millis(), lat.p99Millis());
        GatewayMetrics.Latency g = gateway.metrics().ackLatency();
        System.out.printf(
            "  gateway ack latency (all run) p50 %.1f ms, p99 %.1f ms, %d acks%n",
            g.p50Millis(), g.p99Millis(), g.count());
        System.out.printf(
            "  rejects %d, Kafka send failures %d, stalls now %s%n",
            gateway.metrics().rejects("UNKNOWN_DEVICE") + gateway.metrics().rejects("CRC_MISMATCH"),
            gateway.metrics().kafkaSendFailures(),
            gateway.metrics().kafkaStalled());
      } finally {
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).sync();
      }
    }
  }

  /** One logger: sends minute packets, one per answer received. */
  private final class SimulatedLogger extends SimpleChannelInboundHandler<ByteBuf> {
    private final String mn;
    private final int window;
    private final ArrayDeque<Long> sentAt = new ArrayDeque<>();
    private final AtomicLong minute = new AtomicLong();

    SimulatedLogger(String mn, int window) {
      this.mn = mn;
      this.window = window;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
      for (int i = 0; i < window; i++) {
        send(ctx);
      }
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf answer) {
      Long t = sentAt.pollFirst();
      if (t != null) {
        clientLatency.record(System.nanoTime() - t);
      }
      acked.increment();
      send(ctx);
    }

    private void send(ChannelHandlerContext ctx) {
      LocalDateTime t = START.plusMinutes(minute.getAndIncrement());
      String segment =
          "QN="
              + t.plusMinutes(1).format(N14)
              + "000;ST=31;CN=2051;PW=123456;MN="
              + mn
              + ";Flag=5;CP=&&DataTime="
              + t.format(N14)
              + ";a21026-Avg=25.3,a21026-Flag=N;a21002-Avg=45.6,a21002-Flag=N;a34013-Avg=3.2,"
              + "a34013-Flag=N;a19001-Avg=7.8,a19001-Flag=N;a00000-Avg=125.4,a00000-Flag=N&&";
      byte[] frame = Hj212Encoder.frame(segment.getBytes(StandardCharsets.US_ASCII));
      sentAt.addLast(System.nanoTime());
      ctx.writeAndFlush(Unpooled.wrappedBuffer(frame));
    }
  }

  private static int intArg(String[] args, String name, int dflt) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return Integer.parseInt(args[i + 1]);
      }
    }
    return dflt;
  }
}
