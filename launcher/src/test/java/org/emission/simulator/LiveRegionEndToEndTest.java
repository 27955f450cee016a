package org.emission.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.emission.clickhouse.ClickHouseSettings;
import org.emission.clickhouse.SchemaMigrations;
import org.emission.domain.alert.AlertKind;
import org.emission.domain.registry.Registry;
import org.emission.domain.registry.RegistryLoader;
import org.emission.gateway.AuthMode;
import org.emission.gateway.DeviceDirectory;
import org.emission.gateway.Hj212Gateway;
import org.emission.jobs.compliance.ComplianceJob;
import org.emission.jobs.compliance.ComplianceJobConfig;
import org.emission.kafka.Topics;
import org.emission.local.SharedServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole live path on real parts: the simulated loggers with their incidents on their own TCP
 * connections → the HJ 212 gateway → Kafka → the compliance job on Flink's MiniCluster →
 * ClickHouse; every incident must show up in ClickHouse as the alert (or dead-letter reject) its
 * incidents file names, and the clean loggers beside them must raise no alert at all.
 *
 * <p>The standard 36 simulated hours ({@link SimulatedFiles}) run at {@value #SPEED}× (under two
 * real minutes), with the incident loggers and one clean logger of each protocol edition, answer
 * mode, split size and outlet kind (a second flue among them). At that speed a logger's outage
 * lasts seconds of real time, so DEVICE_OFFLINE — judged on the receive clock — is not expected
 * there; the incidents file says so ({@code detected_by} DATA_GAP).
 */
class LiveRegionEndToEndTest {

  private static final double SPEED = 1200;

  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  @TempDir Path dir;

  @Test
  void everyIncidentArrivesInClickHouseAsItsAlertAndCleanLoggersStayQuiet() throws Exception {
    Set<String> clean = writeRegistry();

    String bootstrap = SharedServices.kafkaBootstrap();
    createTopics(bootstrap);
    ClickHouseSettings clickHouse =
        new ClickHouseSettings(SharedServices.clickHouseUrl(), "live_e2e", "default", "");
    SchemaMigrations.apply(clickHouse);

    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    ComplianceJob.build(
        env,
        new ComplianceJobConfig(
            bootstrap,
            "live-e2e-" + System.nanoTime(),
            clickHouse,
            dir,
            Duration.ofSeconds(1),
            5000,
            true));
    JobClient job = env.executeAsync(ComplianceJob.NAME);
    Hj212Gateway gateway =
        Hj212Gateway.builder()
            .bind("127.0.0.1")
            .port(0)
            .metricsPort(-1)
            .kafkaBootstrap(bootstrap)
            .deviceDirectory(DeviceDirectory.load(dir))
            .authMode(AuthMode.ENFORCE)
            .build()
            .start();
    List<Incident> incidents;
    try {
      LiveOptions options =
          LiveOptions.of(dir, "127.0.0.1", gateway.port(), SimulatedFiles.SEED, SPEED, null)
              .withStart(SimulatedFiles.FROM)
              .withIncidentHorizon(Duration.ofMillis(SimulatedFiles.TO - SimulatedFiles.FROM))
              .withIncidentsFile(dir.resolve("incidents.csv"));
      try (LiveRun run = RegionSimulator.live(options)) {
        incidents = run.incidents();
        // an hour past the range, so that the last hours close on data
        long end = SimulatedFiles.TO + CstTime.HOUR;
        long deadline = System.nanoTime() + Duration.ofMinutes(6).toNanos();
        while (run.simulatedTime() < end && System.nanoTime() < deadline) {
          Thread.sleep(500);
        }
        assertThat(run.simulatedTime()).as("simulated time reached").isGreaterThanOrEqualTo(end);
        assertThat(run.counters().get("packets")).isPositive();
      }

      Map<String, Set<String>> expected = new TreeMap<>();
      Set<String> expectedRejects = new HashSet<>();
      for (Incident incident : incidents) {
        for (String k : incident.detectedBy().split(";")) {
          if (isAlertKind(k)) {
            expected.computeIfAbsent(incident.mn(), m -> new LinkedHashSet<>()).add(k);
          } else if (k.matches("[A-Z_]+")) {
            expectedRejects.add(k);
          }
        }
      }
      assertThat(expected).hasSizeGreaterThanOrEqualTo(9);
      assertThat(expectedRejects)
          .contains("CRC_MISMATCH", "LENGTH_MISMATCH", "WRONG_PASSWORD", "UNKNOWN_DEVICE");

      // the job writes at each checkpoint: wait until every expected alert is in ClickHouse
      Map<String, Set<String>> found = Map.of();
      long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
      while (System.nanoTime() < deadline) {
        found = alertKindsByMn(clickHouse);
        if (containsAll(found, expected)) {
          break;
        }
        Thread.sleep(1000);
      }
      // a few more checkpoints, so that a late false alert would be seen too
      Thread.sleep(3000);
      found = alertKindsByMn(clickHouse);

      Set<String> rejectCodes =
          queryStrings(clickHouse, "SELECT DISTINCT reason_code FROM ingest_rejects");
      System.out.println(
          "incident kind -> alerts of its logger, or rejects (live, through ClickHouse):");
      for (Incident incident : incidents) {
        Set<String> seen = new TreeSet<>(found.getOrDefault(incident.mn(), Set.of()));
        for (String k : incident.detectedBy().split(";")) {
          if (rejectCodes.contains(k)) {
            seen.add("ingest_rejects " + k);
          }
        }
        System.out.printf(
            "  %-22s %-12s expected %-28s found %s%n",
            incident.kind(), incident.outletId(), incident.detectedBy(), seen);
      }
      for (Map.Entry<String, Set<String>> e : expected.entrySet()) {
        assertThat(found.getOrDefault(e.getKey(), Set.of()))
            .as("alerts of incident logger %s", e.getKey())
            .containsAll(e.getValue());
      }
      assertThat(clean).hasSizeGreaterThanOrEqualTo(6);
      for (String mn : clean) {
        assertThat(found.getOrDefault(mn, Set.of())).as("alerts of clean logger %s", mn).isEmpty();
      }
      // only the injected ones: no split group of a clean logger is left incomplete
      assertThat(rejectCodes).containsExactlyInAnyOrderElementsOf(expectedRejects);
      // every logger's minutes, hours and days are in their tables, under its monitoring point
      Registry registry = RegistryLoader.load(dir);
      Set<String> points = new HashSet<>();
      for (String mn : clean) {
        points.add(registry.outletByMn(mn).orElseThrow().id());
      }
      for (String mn : expected.keySet()) {
        registry.outletByMn(mn).ifPresent(o -> points.add(o.id()));
      }
      for (String table : List.of("cems_minute", "outlet_hour", "outlet_day")) {
        assertThat(queryStrings(clickHouse, "SELECT DISTINCT outlet_id FROM " + table))
            .as("monitoring points in %s", table)
            .containsAll(points);
      }
    } finally {
      gateway.close();
      job.cancel().get();
    }
  }

  /**
   * The registry with the incident loggers and one clean logger of each edition, answer mode, split
   * size and outlet kind; returns the clean loggers' MNs.
   */
  private Set<String> writeRegistry() throws Exception {
    SimulatedRegion region = SimulatedRegion.load(SimulatedFiles.REGISTRY);
    Set<String> keep = new HashSet<>();
    Set<String> clean = new LinkedHashSet<>();
    Set<String> seen = new HashSet<>();
    for (DeviceSpec d : region.devices()) {
      if (!d.clean()) {
        keep.add(d.mn());
      } else if (seen.add(d.edition().label())
          | seen.add("answers " + d.ack())
          | seen.add("segment " + d.maxSegment())
          | seen.add(d.wastewater() ? "wastewater" : "flue gas")
          | seen.add(d.primary() ? "primary" : "second flue")) {
        keep.add(d.mn());
        clean.add(d.mn());
      }
    }
    for (String file : List.of("enterprises.csv", "outlets.csv", "limits.csv", "meters.csv")) {
      Files.copy(SimulatedFiles.REGISTRY.resolve(file), dir.resolve(file));
    }
    List<String> devices = new ArrayList<>();
    for (String line :
        Files.readAllLines(
            SimulatedFiles.REGISTRY.resolve(SimulatedRegion.DEVICES), StandardCharsets.UTF_8)) {
      if (devices.isEmpty() || keep.contains(line.substring(0, line.indexOf(',')))) {
        devices.add(line);
      }
    }
    Files.write(dir.resolve(SimulatedRegion.DEVICES), devices, StandardCharsets.UTF_8);
    return clean;
  }

  private static void createTopics(String bootstrap) throws Exception {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    try (Admin admin = Admin.create(props)) {
      Set<String> existing = admin.listTopics().names().get();
      List<NewTopic> missing = new ArrayList<>();
      Topics.all()
          .forEach(
              (name, partitions) -> {
                if (!existing.contains(name)) {
                  missing.add(new NewTopic(name, partitions, (short) 1));
                }
              });
      admin.createTopics(missing).all().get();
    }
  }

  private static Map<String, Set<String>> alertKindsByMn(ClickHouseSettings clickHouse)
      throws Exception {
    Map<String, Set<String>> kinds = new HashMap<>();
    try (Connection connection = clickHouse.connect();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT DISTINCT mn, kind FROM alerts")) {
      while (rows.next()) {
        kinds.computeIfAbsent(rows.getString(1), m -> new HashSet<>()).add(rows.getString(2));
      }
    }
    return kinds;
  }

  private static Set<String> queryStrings(ClickHouseSettings clickHouse, String sql)
      throws Exception {
    Set<String> values = new HashSet<>();
    try (Connection connection = clickHouse.connect();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }

  private static boolean containsAll(
      Map<String, Set<String>> found, Map<String, Set<String>> expected) {
    for (Map.Entry<String, Set<String>> e : expected.entrySet()) {
      if (!found.getOrDefault(e.getKey(), Set.of()).containsAll(e.getValue())) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAlertKind(String name) {
    for (AlertKind kind : AlertKind.values()) {
      if (kind.name().equals(name)) {
        return true;
      }
    }
    return false;
  }
}
