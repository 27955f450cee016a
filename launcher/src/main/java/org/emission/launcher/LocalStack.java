package org.emission.launcher;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.emission.clickhouse.ClickHouseSettings;
import org.emission.clickhouse.SchemaMigrations;
import org.emission.domain.registry.Registry;
import org.emission.domain.registry.RegistryLoader;
import org.emission.gateway.AuthMode;
import org.emission.gateway.DeviceDirectory;
import org.emission.gateway.Hj212Gateway;
import org.emission.jobs.compliance.ComplianceJob;
import org.emission.jobs.compliance.ComplianceJobConfig;
import org.emission.kafka.Topics;
import org.emission.local.LocalCache;
import org.emission.local.clickhouse.EmbeddedClickHouse;
import org.emission.local.kafka.EmbeddedKafka;
import org.emission.notify.AlertNotifier;
import org.emission.notify.NotifierConfig;
import org.emission.simulator.LiveOptions;
import org.emission.simulator.LiveRun;
import org.emission.simulator.RegionSimulator;

/**
 * The local stack: embedded Kafka and ClickHouse, the schema, the Flink jobs on a MiniCluster and
 * the feed of samples, started in dependency order and stopped in reverse.
 */
final class LocalStack implements AutoCloseable {
  private static final ZoneOffset CST = ZoneOffset.ofHours(8);

  /** What to start, and where. */
  record Options(
      String bind,
      int kafkaPort,
      int clickHousePort,
      int flinkUiPort,
      int gatewayPort,
      int metricsPort,
      Path dataDir,
      Path registryDir,
      boolean simulator,
      double speed,
      long seed,
      Path notifyConfig) {}

  private final Options options;
  private EmbeddedKafka kafka;
  private EmbeddedClickHouse clickHouse;
  private ClickHouseSettings clickHouseSettings;
  private JobClient complianceJob;
  private Hj212Gateway gateway;
  private LiveRun simulator;
  private AlertNotifier notifier;

  private LocalStack(Options options) {
    this.options = options;
  }

  static LocalStack start(Options options) throws Exception {
    LocalStack stack = new LocalStack(options);
    try {
      stack.startAll();
      return stack;
    } catch (Exception | Error e) {
      stack.close();
      throw e;
    }
  }

  private void startAll() throws Exception {
    progress("starting Kafka (KRaft) on " + options.bind() + ":" + options.kafkaPort());
    kafka = new EmbeddedKafka(options.dataDir().resolve("kafka"), options.kafkaPort()).start();
    kafka.createTopics(Topics.all());

    progress("starting ClickHouse (chDB) on " + options.bind() + ":" + options.clickHousePort());
    clickHouse =
        EmbeddedClickHouse.start(
            LocalCache.dir(),
            options.dataDir().resolve("clickhouse"),
            options.bind(),
            options.clickHousePort(),
            EmbeddedClickHouse.LOCAL_USERS);
    clickHouseSettings = ClickHouseSettings.local(clickHouse.url());
    var applied = SchemaMigrations.apply(clickHouseSettings);
    progress(
        "schema "
            + clickHouseSettings.database()
            + " ready (migrations applied now: "
            + applied
            + ")");

    progress(
        "starting Flink MiniCluster, web UI on " + options.bind() + ":" + options.flinkUiPort());
    Configuration flink = new Configuration();
    flink.set(RestOptions.BIND_ADDRESS, options.bind());
    flink.set(RestOptions.ADDRESS, options.bind());
    flink.set(RestOptions.PORT, options.flinkUiPort());
    flink.set(TaskManagerOptions.NUM_TASK_SLOTS, 4);
    // checkpoints on disk: the compliance state of 130 loggers outgrows the JobManager's 5 MB
    flink.set(
        CheckpointingOptions.CHECKPOINTS_DIRECTORY,
        options.dataDir().resolve("flink-checkpoints").toUri().toString());
    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(flink);
    env.setParallelism(2);
    ComplianceJobConfig jobConfig =
        new ComplianceJobConfig(
            kafka.bootstrapServers(),
            "emission-compliance",
            clickHouseSettings,
            options.registryDir(),
            Duration.ofSeconds(5),
            5000,
            true);
    Registry registry = RegistryLoader.load(options.registryDir());
    progress(
        "registry "
            + options.registryDir()
            + ": "
            + registry.enterprises().size()
            + " enterprises, "
            + registry.outlets().size()
            + " outlets");
    ComplianceJob.build(env, jobConfig);
    complianceJob = env.executeAsync(ComplianceJob.NAME);

    progress("starting the HJ 212 gateway on " + options.bind() + ":" + options.gatewayPort());
    gateway =
        Hj212Gateway.builder()
            .bind(options.bind())
            .port(options.gatewayPort())
            .metricsPort(options.metricsPort())
            .kafkaBootstrap(kafka.bootstrapServers())
            .deviceDirectory(DeviceDirectory.load(options.registryDir()))
            .authMode(AuthMode.ENFORCE)
            .build();
    gateway.start();

    if (options.notifyConfig() != null) {
      notifier =
          AlertNotifier.start(
              NotifierConfig.load(options.notifyConfig()), kafka.bootstrapServers());
      progress("alert notifier started with " + options.notifyConfig());
    }

    if (options.simulator()) {
      long start = simulatedStart(Instant.now(), options.speed());
      simulator =
          RegionSimulator.live(
              LiveOptions.of(
                      options.registryDir(),
                      options.bind(),
                      gateway.port(),
                      options.seed(),
                      options.speed(),
                      kafka.bootstrapServers())
                  .withStart(start)
                  .withRealTimeFromNow());
      progress(
          "simulated region started: every logger of the registry on its own TCP connection, from "
              + Instant.ofEpochMilli(start).atOffset(CST)
              + " at x"
              + options.speed()
              + " until it reaches the present, then in real time");
    }
  }

  /**
   * Where the simulated clock starts: at 00:00 CST yesterday when time runs faster than real, so
   * that hour values appear within a minute and a whole day closes within minutes (a part of a day
   * would be judged as a logger that sent too little), and the clock catches up with the present —
   * data never lies in the future, where dashboards ending at "now" would not show it; now when
   * time runs in real time.
   */
  static long simulatedStart(Instant now, double speed) {
    if (speed <= 1) {
      return now.toEpochMilli();
    }
    return now.atOffset(CST)
        .toLocalDate()
        .minusDays(1)
        .atStartOfDay()
        .toInstant(CST)
        .toEpochMilli();
  }

  void printEndpoints(PrintStream out) {
    out.println();
    out.println("Local stack is running:");
    out.println(
        "  Kafka bootstrap   "
            + kafka.bootstrapServers()
            + "   topics: "
            + String.join(", ", Topics.all().keySet()));
    out.println(
        "  ClickHouse HTTP   "
            + clickHouse.url()
            + "   (chDB "
            + clickHouse.version()
            + ", database "
            + clickHouseSettings.database()
            + ", user default, no password)");
    out.println(
        "  HJ 212 gateway    "
            + options.bind()
            + ":"
            + gateway.port()
            + "   metrics http://"
            + options.bind()
            + ":"
            + gateway.metricsPort()
            + "/metrics");
    out.println(
        "  Flink web UI      http://"
            + options.bind()
            + ":"
            + options.flinkUiPort()
            + "   job "
            + ComplianceJob.NAME
            + " ("
            + complianceJob.getJobID()
            + ")");
    out.println("  Data directory    " + options.dataDir());
    out.println("Query the results, e.g. the latest hour values and the open alerts:");
    out.println(
        "  curl '"
            + clickHouse.url()
            + "/?query=SELECT+outlet_id,pollutant,hour_start,valid,avg_converted,limit_value,exceeded+FROM+emission.outlet_hour+FINAL+ORDER+BY+hour_start+DESC+LIMIT+20+FORMAT+PrettyCompact'");
    out.println(
        "  curl '"
            + clickHouse.url()
            + "/?query=SELECT+kind,outlet_id,pollutant,start,state,peak_value+FROM+emission.alerts+FINAL+ORDER+BY+start+DESC+LIMIT+20+FORMAT+PrettyCompact'");
    out.println("Stop with Ctrl-C.");
    out.println();
  }

  String statusLine() {
    long samples = endOffset(Topics.CEMS_SAMPLES);
    long raw = endOffset(Topics.HJ212_RAW);
    long rejects = endOffset(Topics.INGEST_REJECTS);
    return String.format(
        "[%tT] records in: hj212.raw=%d cems.samples=%d ingest.rejects=%d | rows written:"
            + " cems_minute=%s outlet_hour=%s outlet_day=%s | alerts=%s | job %s",
        System.currentTimeMillis(),
        raw,
        samples,
        rejects,
        count("cems_minute"),
        count("outlet_hour"),
        count("outlet_day"),
        count("alerts"),
        jobStatus());
  }

  private String jobStatus() {
    try {
      return complianceJob.getJobStatus().get(5, TimeUnit.SECONDS).toString();
    } catch (Exception e) {
      return "UNKNOWN";
    }
  }

  private long endOffset(String topic) {
    try (Admin admin = kafka.admin()) {
      int partitions = Topics.all().get(topic);
      Map<TopicPartition, OffsetSpec> request = new java.util.HashMap<>();
      for (int p = 0; p < partitions; p++) {
        request.put(new TopicPartition(topic, p), OffsetSpec.latest());
      }
      return admin.listOffsets(request).all().get(10, TimeUnit.SECONDS).values().stream()
          .mapToLong(info -> info.offset())
          .sum();
    } catch (Exception e) {
      return -1;
    }
  }

  private String count(String table) {
    try (Connection connection = clickHouseSettings.connect();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT count() FROM " + table)) {
      rows.next();
      return Long.toString(rows.getLong(1));
    } catch (SQLException e) {
      return "?";
    }
  }

  private static void progress(String message) {
    System.out.println("==> " + message);
  }

  @Override
  public void close() {
    if (simulator != null) {
      try {
        simulator.close();
      } catch (Exception e) {
        System.err.println("stopping the simulator: " + e.getMessage());
      }
    }
    if (gateway != null) {
      gateway.close();
    }
    if (notifier != null) {
      notifier.close();
    }
    if (complianceJob != null) {
      try {
        complianceJob.cancel().get(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        System.err.println("cancelling the Flink job: " + e.getMessage());
      }
    }
    if (clickHouse != null) {
      clickHouse.close();
    }
    if (kafka != null) {
      kafka.close();
    }
  }
}
