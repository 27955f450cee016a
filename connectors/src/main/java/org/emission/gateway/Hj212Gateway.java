package org.emission.gateway;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.emission.kafka.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HJ 212 TCP gateway: data loggers connect and upload packets (HJ 212-2017); every packet goes
 * to Kafka ({@code hj212.raw}; valid data to {@code cems.samples}; rejects to {@code
 * ingest.rejects}) and is answered as the standard prescribes only once Kafka has it.
 *
 * <pre>{@code
 * Hj212Gateway gateway =
 *     Hj212Gateway.builder()
 *         .bind("127.0.0.1")
 *         .port(9212)
 *         .kafkaBootstrap("127.0.0.1:9092")
 *         .deviceDirectory(DeviceDirectory.load(registryDir))
 *         .authMode(AuthMode.ENFORCE)
 *         .build();
 * gateway.start();
 * ...
 * gateway.close();
 * }</pre>
 *
 * <p>While Kafka does not acknowledge, the gateway stops reading from the loggers (TCP
 * back-pressure), drops nothing and answers nothing; when Kafka is back it resumes, and the records
 * waiting in the idempotent producer land once.
 */
public final class Hj212Gateway implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Hj212Gateway.class);

  private final GatewayConfig config;
  private final GatewayMetrics metrics = new GatewayMetrics();
  private KafkaSink sink;
  private EventLoopGroup acceptors;
  private EventLoopGroup workers;
  private ChannelGroup channels;
  private Channel server;
  private ReadGate gate;
  private MetricsHttpServer http;
  private ScheduledExecutorService ticker;
  private boolean started;
  private boolean closed;

  private Hj212Gateway(GatewayConfig config) {
    this.config = config;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Connects to Kafka (waiting for the topics), starts listening and serving metrics.
   *
   * @throws IllegalStateException when Kafka or the topics are not there in time, or the port
   *     cannot be bound; nothing is left running then
   */
  public synchronized Hj212Gateway start() {
    if (closed) {
      throw new IllegalStateException("the gateway was closed");
    }
    if (started) {
      return this;
    }
    try {
      startAll();
    } catch (RuntimeException | Error e) {
      stopAll();
      throw e;
    }
    started = true;
    return this;
  }

  private void startAll() {
    sink = new KafkaSink(config.kafkaBootstrap(), config.producerProperties());
    sink.awaitTopics(
        List.of(Topics.HJ212_RAW, Topics.CEMS_SAMPLES, Topics.INGEST_REJECTS),
        config.kafkaStartupTimeout());
    DeviceDirectory directory = config.deviceDirectory();
    metrics.gauges(
        sink::inFlightRecords, sink::inFlightBytes, () -> directory == null ? 0 : directory.size());
    channels = new DefaultChannelGroup("hj212-connections", GlobalEventExecutor.INSTANCE);
    gate =
        new ReadGate(
            sink,
            channels,
            metrics,
            config.kafkaStallThreshold().toNanos(),
            config.maxInFlightBytes());
    QnSource qns = new QnSource(config.clock());
    GapFiller gapFiller = new GapFiller(config.gapFillSettings(), qns, metrics);
    PacketProcessor processor =
        new PacketProcessor(
            new DeviceAuthenticator(config.authMode(), directory),
            gapFiller,
            new ClockKeeper(qns, config.clockTolerance(), metrics),
            metrics);
    GatewayContext context =
        new GatewayContext(config, processor, sink, metrics, gate, gapFiller, channels);

    acceptors =
        new MultiThreadIoEventLoopGroup(
            1, new DefaultThreadFactory("hj212-accept", true), NioIoHandler.newFactory());
    workers =
        new MultiThreadIoEventLoopGroup(
            config.workerThreads(),
            new DefaultThreadFactory("hj212-io", true),
            NioIoHandler.newFactory());
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(acceptors, workers)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_BACKLOG, 1024)
            .option(ChannelOption.SO_REUSEADDR, true)
            // Reading starts once the connection is admitted (connection limit).
            .childOption(ChannelOption.AUTO_READ, false)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.SO_KEEPALIVE, true)
            .childOption(
                ChannelOption.WRITE_BUFFER_WATER_MARK,
                new WriteBufferWaterMark(8 * 1024, 32 * 1024))
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    Hj212FrameDecoder framer = new Hj212FrameDecoder(config.maxDataSegment());
                    ch.pipeline()
                        .addLast("frames", framer)
                        .addLast("gateway", new ConnectionHandler(context, framer));
                  }
                });
    try {
      server = bootstrap.bind(config.bind(), config.port()).syncUninterruptibly().channel();
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "cannot listen on " + config.bind() + ":" + config.port() + ": " + e.getMessage(), e);
    }
    if (config.metricsPort() >= 0) {
      http = MetricsHttpServer.start(config.metricsBind(), config.metricsPort(), metrics);
    }
    ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "hj212-gateway-ticker");
              t.setDaemon(true);
              return t;
            });
    every(Duration.ofMillis(100), gate::evaluate);
    every(Duration.ofSeconds(1), () -> gapFiller.expire(System.nanoTime()));
    if (directory != null && directory.file() != null) {
      every(config.registryReloadInterval(), () -> reload(directory));
    }
    every(config.logInterval(), () -> LOG.info(metrics.summaryLine()));
    LOG.info(
        "HJ 212 gateway listening on {}:{} (auth {}{}), Kafka {}, metrics {}",
        config.bind(),
        ((InetSocketAddress) server.localAddress()).getPort(),
        config.authMode().name().toLowerCase(java.util.Locale.ROOT),
        directory == null ? "" : ", " + directory.describe(),
        config.kafkaBootstrap(),
        http == null ? "off" : "http://" + config.metricsBind() + ":" + http.port() + "/metrics");
  }

  private void every(Duration period, Runnable task) {
    long ms = Math.max(1, period.toMillis());
    ticker.scheduleWithFixedDelay(
        () -> {
          try {
            task.run();
          } catch (RuntimeException e) {
            LOG.error("gateway background task failed", e);
          }
        },
        ms,
        ms,
        TimeUnit.MILLISECONDS);
  }

  private static void reload(DeviceDirectory directory) {
    try {
      if (directory.reloadIfChanged()) {
        LOG.info("device directory reloaded: {}", directory.describe());
      }
    } catch (DeviceDirectoryException e) {
      LOG.error(
          "{} is invalid; keeping the {} devices loaded before. {}",
          directory.file(),
          directory.size(),
          e.getMessage());
    }
  }

  /** The port listened on (useful with port 0). */
  public int port() {
    requireStarted();
    return ((InetSocketAddress) server.localAddress()).getPort();
  }

  /** The port of {@code /metrics}, or -1 when it is off. */
  public int metricsPort() {
    requireStarted();
    return http == null ? -1 : http.port();
  }

  public GatewayMetrics metrics() {
    return metrics;
  }

  public GatewayConfig config() {
    return config;
  }

  /**
   * Stops accepting and reading, waits up to the shutdown timeout for Kafka to take what was read
   * and for the answers owed, then closes the connections and the producer.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    stopAll();
  }

  private void stopAll() {
    if (server != null) {
      server.close().syncUninterruptibly();
    }
    if (gate != null) {
      gate.close();
    }
    long deadline = System.nanoTime() + config.shutdownTimeout().toNanos();
    while (sink != null && sink.inFlightRecords() > 0 && System.nanoTime() < deadline) {
      sleep(20);
    }
    if (channels != null) {
      // Queued after the answers the last acknowledgements scheduled on each connection's thread.
      channels.close().awaitUninterruptibly(config.shutdownTimeout().toMillis());
    }
    if (ticker != null) {
      ticker.shutdownNow();
    }
    if (http != null) {
      http.close();
    }
    if (sink != null) {
      sink.close(Duration.ofMillis(Math.max(0, (deadline - System.nanoTime()) / 1_000_000)));
    }
    if (workers != null) {
      workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
    if (acceptors != null) {
      acceptors.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
    if (started) {
      LOG.info("HJ 212 gateway stopped. {}", metrics.summaryLine());
    }
  }

  private void requireStarted() {
    if (!started) {
      throw new IllegalStateException("the gateway is not started");
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Settings of a gateway, with defaults; {@link #build()} validates them all at once. */
  public static final class Builder {
    private String bind = "127.0.0.1";
    private int port = 9212;
    private String kafkaBootstrap;
    private final Map<String, String> producerProperties = new LinkedHashMap<>();
    private Duration kafkaStartupTimeout = Duration.ofSeconds(60);
    private AuthMode authMode = AuthMode.ENFORCE;
    private DeviceDirectory deviceDirectory;
    private Duration registryReloadInterval = Duration.ofSeconds(10);
    private int maxConnections = 10_000;
    // Longer than the longest minute interval (30 min, HJ 212-2017 §6.2) with a margin.
    private Duration idleTimeout = Duration.ofMinutes(35);
    private Duration frameTimeout = Duration.ofSeconds(60);
    private int maxDataSegment = 1024;
    private int maxPendingPerConnection = 64;
    private Duration kafkaStallThreshold = Duration.ofSeconds(3);
    private long maxInFlightBytes = 32L << 20;
    // HJ 212-2017 Table 1: 10 s timeout, 3 retries.
    private Duration splitTimeout = Duration.ofSeconds(30);
    private int maxSplitGroups = 16;
    private long maxSplitBytes = 256 * 1024;
    private boolean gapFill = true;
    private Duration maxGapFill = Duration.ofDays(7);
    private Duration gapFillTimeout = Duration.ofMinutes(10);
    private int gapFillAttempts = 3;
    private Duration defaultMinuteInterval = Duration.ofMinutes(1);
    private Duration clockTolerance = Duration.ofSeconds(60);
    private String metricsBind = "127.0.0.1";
    private int metricsPort = 9213;
    private Duration logInterval = Duration.ofMinutes(1);
    private int workerThreads;
    private Duration shutdownTimeout = Duration.ofSeconds(10);
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** Address to listen on (default 127.0.0.1; 0.0.0.0 to face the loggers' network). */
    public Builder bind(String bind) {
      this.bind = bind;
      return this;
    }

    /** TCP port (default 9212; 0 picks a free one, see {@link Hj212Gateway#port()}). */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** Kafka bootstrap servers (required). */
    public Builder kafkaBootstrap(String kafkaBootstrap) {
      this.kafkaBootstrap = kafkaBootstrap;
      return this;
    }

    /** A Kafka producer setting over the gateway's (e.g. compression.type, linger.ms). */
    public Builder producerProperty(String key, String value) {
      producerProperties.put(Objects.requireNonNull(key), Objects.requireNonNull(value));
      return this;
    }

    /** How long start() waits for Kafka and the topics (default 60 s). */
    public Builder kafkaStartupTimeout(Duration timeout) {
      this.kafkaStartupTimeout = timeout;
      return this;
    }

    /** How MN and PW are checked (default ENFORCE, which needs a device directory). */
    public Builder authMode(AuthMode authMode) {
      this.authMode = authMode;
      return this;
    }

    /** The devices allowed; reloaded from its file when it changes. */
    public Builder deviceDirectory(DeviceDirectory deviceDirectory) {
      this.deviceDirectory = deviceDirectory;
      return this;
    }

    /** How often devices.csv is checked for changes (default 10 s). */
    public Builder registryReloadInterval(Duration interval) {
      this.registryReloadInterval = interval;
      return this;
    }

    /** Connections open at once (default 10 000); more are closed at once. */
    public Builder maxConnections(int maxConnections) {
      this.maxConnections = maxConnections;
      return this;
    }

    /** Close a connection with nothing received for this long (default 35 min). */
    public Builder idleTimeout(Duration idleTimeout) {
      this.idleTimeout = idleTimeout;
      return this;
    }

    /** Close a connection whose frame stays unfinished this long (default 60 s). */
    public Builder frameTimeout(Duration frameTimeout) {
      this.frameTimeout = frameTimeout;
      return this;
    }

    /** Longest data segment (default 1024, HJ 212-2017 Table 2). */
    public Builder maxDataSegment(int maxDataSegment) {
      this.maxDataSegment = maxDataSegment;
      return this;
    }

    /** Frames of one connection waiting for Kafka before reading it stops (default 64). */
    public Builder maxPendingPerConnection(int maxPending) {
      this.maxPendingPerConnection = maxPending;
      return this;
    }

    /** Records waiting this long with no acknowledgement pause all reading (default 3 s). */
    public Builder kafkaStallThreshold(Duration threshold) {
      this.kafkaStallThreshold = threshold;
      return this;
    }

    /** Bytes waiting for Kafka before all reading pauses (default 32 MiB). */
    public Builder maxInFlightBytes(long maxInFlightBytes) {
      this.maxInFlightBytes = maxInFlightBytes;
      return this;
    }

    /** How long a split packet waits for its next sub-packet (default 30 s). */
    public Builder splitTimeout(Duration splitTimeout) {
      this.splitTimeout = splitTimeout;
      return this;
    }

    /** Split packets reassembled at once, and their bytes, per connection (16, 256 KiB). */
    public Builder splitLimits(int maxGroups, long maxBytes) {
      this.maxSplitGroups = maxGroups;
      this.maxSplitBytes = maxBytes;
      return this;
    }

    /** Whether to ask loggers for missing minute and hour data (default true). */
    public Builder gapFill(boolean gapFill) {
      this.gapFill = gapFill;
      return this;
    }

    /** Longest span of missing data asked for at once (default 7 days). */
    public Builder maxGapFill(Duration maxGapFill) {
      this.maxGapFill = maxGapFill;
      return this;
    }

    /** How long a history request may go without its result, and how often it is tried. */
    public Builder gapFillTimeout(Duration timeout, int attempts) {
      this.gapFillTimeout = timeout;
      this.gapFillAttempts = attempts;
      return this;
    }

    /** Minute interval assumed until a device's own is seen (default 1 min). */
    public Builder defaultMinuteInterval(Duration interval) {
      this.defaultMinuteInterval = interval;
      return this;
    }

    /** Logger clock reports further off than this get a set-time command (default 60 s). */
    public Builder clockTolerance(Duration tolerance) {
      this.clockTolerance = tolerance;
      return this;
    }

    /** Address of the metrics endpoint (default 127.0.0.1). */
    public Builder metricsBind(String metricsBind) {
      this.metricsBind = metricsBind;
      return this;
    }

    /** Port of {@code /metrics} (default 9213; 0 picks a free one; -1 turns it off). */
    public Builder metricsPort(int metricsPort) {
      this.metricsPort = metricsPort;
      return this;
    }

    /** How often the metrics line is logged (default 1 min). */
    public Builder logInterval(Duration logInterval) {
      this.logInterval = logInterval;
      return this;
    }

    /** Network threads (default 0: Netty's default of 2 per core). */
    public Builder workerThreads(int workerThreads) {
      this.workerThreads = workerThreads;
      return this;
    }

    /** How long close() waits for Kafka (default 10 s). */
    public Builder shutdownTimeout(Duration shutdownTimeout) {
      this.shutdownTimeout = shutdownTimeout;
      return this;
    }

    /** Wall clock for receive times, QNs and set-time commands (default the system clock). */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * The gateway, not yet started.
     *
     * @throws IllegalArgumentException listing every invalid setting
     */
    public Hj212Gateway build() {
      return new Hj212Gateway(
          new GatewayConfig(
              bind,
              port,
              kafkaBootstrap,
              producerProperties,
              kafkaStartupTimeout,
              authMode,
              deviceDirectory,
              registryReloadInterval,
              maxConnections,
              idleTimeout,
              frameTimeout,
              maxDataSegment,
              maxPendingPerConnection,
              kafkaStallThreshold,
              maxInFlightBytes,
              splitTimeout,
              maxSplitGroups,
              maxSplitBytes,
              gapFill,
              maxGapFill,
              gapFillTimeout,
              gapFillAttempts,
              defaultMinuteInterval,
              clockTolerance,
              metricsBind,
              metricsPort,
              logInterval,
              workerThreads,
              shutdownTimeout,
              clock));
    }
  }
}
