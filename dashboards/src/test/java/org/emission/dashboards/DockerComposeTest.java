package org.emission.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.emission.dashboards.ComposeFile.Mount;
import org.emission.dashboards.ComposeFile.Port;
import org.emission.kafka.Topics;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml, checked without a Docker engine: every path it mounts or builds from exists
 * in the repository, every reference resolves, images are pinned, ports are the project's and bind
 * loopback only, the Flink job and the gateway are pointed at the compose services, and every
 * ${VAR} is documented in .env.example while .env stays out of git.
 */
class DockerComposeTest {
  private static final ComposeFile COMPOSE = ComposeFile.load();
  private static final Path ROOT = RepoRoot.path();

  /** The project's ports (local mode's defaults; the gateway's HJ 212 port; Grafana's). */
  private static final Map<String, Integer> PUBLISHED =
      Map.of(
          "kafka", 9092,
          "clickhouse", 8123,
          "flink-jobmanager", 8081,
          "gateway", 9212,
          "grafana", 3000);

  private static final Pattern VARIABLE =
      Pattern.compile("(?<!\\$)\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)|([A-Za-z_][A-Za-z0-9_]*))");

  @Test
  void servicesAreTheStacksOnes() {
    assertThat(COMPOSE.services().keySet())
        .containsExactlyInAnyOrder(
            "kafka",
            "kafka-topics",
            "clickhouse",
            "clickhouse-migrate",
            "flink-jobmanager",
            "flink-taskmanager",
            "gateway",
            "grafana");
  }

  @Test
  void everyMountedPathAndBuildContextExistsInTheRepository() {
    List<String> problems = new ArrayList<>();
    COMPOSE
        .services()
        .forEach(
            (name, service) -> {
              for (Mount mount : ComposeFile.mounts(service)) {
                if (mount.bind()) {
                  if (!mount.source().startsWith("./")
                      || !Files.exists(ROOT.resolve(mount.source()))) {
                    problems.add(
                        name + ": bind source " + mount.source() + " not in the repository");
                  }
                } else if (!COMPOSE.namedVolumes().contains(mount.source())) {
                  problems.add(name + ": volume " + mount.source() + " not declared");
                }
              }
              JsonNode build = service.path("build");
              if (!build.isMissingNode()) {
                Path context = ROOT.resolve(build.path("context").asText("."));
                if (!Files.isDirectory(context)
                    || !Files.isRegularFile(
                        context.resolve(build.path("dockerfile").asText("Dockerfile")))) {
                  problems.add(name + ": build context or Dockerfile missing: " + build);
                }
              }
            });
    assertThat(problems).isEmpty();
  }

  @Test
  void pathsTheServicesUseInsideBindMountsExist() {
    List<String> problems = new ArrayList<>();
    COMPOSE
        .services()
        .forEach(
            (name, service) -> {
              List<String> used = new ArrayList<>();
              used.addAll(ComposeFile.words(service.path("command")));
              used.addAll(ComposeFile.words(service.path("entrypoint")));
              used.addAll(ComposeFile.environment(service).values());
              for (String path : used) {
                for (Mount mount : ComposeFile.mounts(service)) {
                  if (mount.bind() && path.startsWith(mount.target())) {
                    Path host =
                        ROOT.resolve(mount.source() + path.substring(mount.target().length()));
                    if (!Files.exists(host)) {
                      problems.add(name + ": " + path + " is " + host + ", which does not exist");
                    }
                  }
                }
              }
            });
    assertThat(problems).isEmpty();
  }

  @Test
  void everyDependencyIsAServiceAwaitedTheWayItCanBe() {
    Map<String, JsonNode> services = COMPOSE.services();
    List<String> problems = new ArrayList<>();
    services.forEach(
        (name, service) ->
            ComposeFile.dependsOn(service)
                .forEach(
                    (dependency, condition) -> {
                      JsonNode target = services.get(dependency);
                      if (target == null) {
                        problems.add(name + " depends on unknown " + dependency);
                      } else if (condition.equals("service_healthy")
                          && target.path("healthcheck").isMissingNode()) {
                        problems.add(name + " awaits " + dependency + " healthy: no health check");
                      } else if (condition.equals("service_completed_successfully")
                          != ComposeFile.oneShot(target)) {
                        problems.add(name + " awaits " + dependency + " with " + condition);
                      }
                    }));
    assertThat(problems).isEmpty();
    assertThat(ComposeFile.dependsOn(COMPOSE.service("flink-jobmanager")))
        .containsEntry("clickhouse-migrate", "service_completed_successfully")
        .containsEntry("kafka-topics", "service_completed_successfully");
    assertThat(ComposeFile.dependsOn(COMPOSE.service("grafana")))
        .containsEntry("clickhouse-migrate", "service_completed_successfully");
  }

  @Test
  void everyImageIsPinned() {
    COMPOSE
        .services()
        .forEach(
            (name, service) -> {
              String image = service.path("image").asText();
              assertThat(image).as("image of %s", name).isNotBlank();
              assertThat(tag(image)).as("tag of %s", image).isNotBlank().isNotEqualTo("latest");
            });
  }

  @Test
  void everyLongRunningServiceHasAHealthCheck() {
    COMPOSE
        .services()
        .forEach(
            (name, service) -> {
              if (!ComposeFile.oneShot(service)) {
                assertThat(ComposeFile.words(service.path("healthcheck").path("test")))
                    .as("health check of %s", name)
                    .isNotEmpty();
              }
            });
  }

  @Test
  void portsAreTheProjectsAndPublishedOnLoopbackOnly() {
    Map<String, Integer> published = new LinkedHashMap<>();
    COMPOSE
        .services()
        .forEach(
            (name, service) -> {
              for (Port port : ComposeFile.ports(service)) {
                assertThat(port.hostIp())
                    .as("host address of %s's %s", name, port)
                    .isEqualTo("127.0.0.1");
                published.put(name, port.hostPort());
              }
            });
    assertThat(published).isEqualTo(PUBLISHED);
    assertThat(containerPort("clickhouse")).isEqualTo(8123);
    assertThat(containerPort("flink-jobmanager")).isEqualTo(8081);
    assertThat(containerPort("gateway")).isEqualTo(9212);
    assertThat(containerPort("grafana")).isEqualTo(3000);
    Map<String, String> kafka = ComposeFile.environment(COMPOSE.service("kafka"));
    assertThat(kafka.get("KAFKA_ADVERTISED_LISTENERS"))
        .as("clients on the host get 127.0.0.1:9092, the compose network kafka:9092")
        .contains("PLAINTEXT://kafka:9092")
        .contains("HOST://127.0.0.1:9092");
    assertThat(kafka.get("KAFKA_LISTENERS")).contains("HOST://:" + containerPort("kafka"));
  }

  @Test
  void flinkRunsTheComplianceJobAgainstTheComposeServices() throws IOException {
    List<String> command = ComposeFile.words(COMPOSE.service("flink-jobmanager").path("command"));
    assertThat(command.get(0)).isEqualTo("standalone-job");
    String mainClass = ComposeFile.option(command, "--job-classname").orElseThrow();
    assertThat(ROOT.resolve("jobs/src/main/java/" + mainClass.replace('.', '/') + ".java"))
        .isRegularFile();
    assertKafkaBootstrap(ComposeFile.option(command, "--kafka").orElseThrow());
    URI clickHouse = URI.create(ComposeFile.option(command, "--clickhouse-url").orElseThrow());
    assertThat(clickHouse.getScheme()).isEqualTo("http");
    assertThat(COMPOSE.services()).containsKey(clickHouse.getHost());
    assertThat(clickHouse.getPort()).isEqualTo(containerPort(clickHouse.getHost()));
    assertThat(ComposeFile.option(command, "--clickhouse-database")).contains("emission");

    String config =
        Files.readString(
            ROOT.resolve(
                "jobs/src/main/java/org/emission/jobs/compliance/ComplianceJobConfig.java"));
    List<String> jobArguments = command.subList(command.indexOf(mainClass) + 1, command.size());
    for (String word : jobArguments) {
      if (word.startsWith("--")) {
        assertThat(config)
            .as("ComplianceJobConfig reads %s", word)
            .contains("\"" + word.substring(2) + "\"");
      }
    }
    assertThat(ComposeFile.words(COMPOSE.service("flink-taskmanager").path("command")))
        .containsExactly("taskmanager");
    assertThat(COMPOSE.service("flink-taskmanager").path("image").asText())
        .isEqualTo(COMPOSE.service("flink-jobmanager").path("image").asText());
  }

  @Test
  void gatewayAndMigrationsRunTheProjectsOwnCode() {
    JsonNode gateway = COMPOSE.service("gateway");
    List<String> command = ComposeFile.words(gateway.path("command"));
    assertThat(command.get(0)).isEqualTo("gateway");
    assertThat(ComposeFile.option(command, "--port")).contains("9212");
    assertKafkaBootstrap(ComposeFile.option(command, "--kafka").orElseThrow());
    assertThat(gateway.path("build").path("target").asText()).isEqualTo("app");

    JsonNode migrate = COMPOSE.service("clickhouse-migrate");
    assertThat(ComposeFile.oneShot(migrate)).isTrue();
    assertThat(ComposeFile.words(migrate.path("entrypoint"))).containsExactly("emission-migrate");
    assertThat(ROOT.resolve("deploy/app/bin/emission-migrate")).isRegularFile();
    assertThat(migrate.path("build").path("target").asText()).isEqualTo("app");
    Map<String, String> env = ComposeFile.environment(migrate);
    assertThat(env).containsEntry("CLICKHOUSE_URL", "http://clickhouse:8123");
    assertThat(env).containsEntry("CLICKHOUSE_DATABASE", "emission");
    assertThat(ComposeFile.dependsOn(migrate)).containsEntry("clickhouse", "service_healthy");
  }

  @Test
  void kafkaTopicsAreTheEnginesTopics() throws IOException {
    Map<String, Integer> topics = new LinkedHashMap<>();
    for (String line : Files.readAllLines(ROOT.resolve("deploy/kafka/topics.txt"))) {
      String[] fields = line.trim().split("\\s+");
      if (!line.isBlank() && !line.startsWith("#")) {
        topics.put(fields[0], Integer.parseInt(fields[1]));
      }
    }
    assertThat(topics).isEqualTo(Topics.all());
    assertThat(ComposeFile.environment(COMPOSE.service("kafka")))
        .containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
  }

  @Test
  void grafanaInstallsThePinnedPluginAndMountsTheProvisioning() {
    JsonNode grafana = COMPOSE.service("grafana");
    assertThat(ComposeFile.environment(grafana))
        .containsEntry("GF_PLUGINS_PREINSTALL_SYNC", "grafana-clickhouse-datasource@4.20.0");
    assertThat(ComposeFile.mounts(grafana))
        .contains(new Mount(true, "./" + Dashboards.PROVISIONING, "/etc/grafana/provisioning"));
  }

  @Test
  void everyVariableIsInEnvExampleAndEnvIsNotCommitted() throws IOException {
    Set<String> used = new TreeSet<>();
    Matcher variable = VARIABLE.matcher(COMPOSE.text());
    while (variable.find()) {
      used.add(variable.group(1) != null ? variable.group(1) : variable.group(2));
    }
    Set<String> documented = new TreeSet<>();
    for (String line : Files.readAllLines(ROOT.resolve(".env.example"))) {
      if (!line.isBlank() && !line.startsWith("#")) {
        String[] entry = line.split("=", 2);
        assertThat(entry).as("an entry of .env.example: %s", line).hasSize(2);
        assertThat(entry[1]).as("example value of %s", entry[0]).isNotBlank();
        documented.add(entry[0].trim());
      }
    }
    assertThat(used).isNotEmpty();
    assertThat(documented).containsAll(used);
    assertThat(Files.readAllLines(ROOT.resolve(".gitignore")).stream().map(String::trim))
        .containsAnyOf(".env", "/.env");
  }

  @Test
  void secretsReachTheContainersThatReadThem() throws IOException {
    Matcher fromEnv =
        Pattern.compile("from_env=\"([A-Z_]+)\"")
            .matcher(
                Files.readString(ROOT.resolve("deploy/clickhouse/users.d/emission-users.xml")));
    List<String> clickHouseReads = new ArrayList<>();
    while (fromEnv.find()) {
      clickHouseReads.add(fromEnv.group(1));
    }
    assertThat(clickHouseReads).isNotEmpty();
    assertThat(ComposeFile.environment(COMPOSE.service("clickhouse")))
        .containsKeys(clickHouseReads.toArray(String[]::new))
        .containsKey("CLICKHOUSE_PASSWORD");
    Matcher expanded =
        VARIABLE.matcher(
            Files.readString(
                ROOT.resolve(Dashboards.PROVISIONING + "/datasources/clickhouse.yaml")));
    while (expanded.find()) {
      assertThat(ComposeFile.environment(COMPOSE.service("grafana")))
          .containsKey(expanded.group(1));
    }
    assertThat(ComposeFile.environment(COMPOSE.service("flink-jobmanager")))
        .as("ComplianceJobConfig reads the ClickHouse password from CLICKHOUSE_PASSWORD")
        .containsKey("CLICKHOUSE_PASSWORD");
  }

  private static void assertKafkaBootstrap(String bootstrap) {
    String[] hostPort = bootstrap.split(":");
    assertThat(COMPOSE.services()).containsKey(hostPort[0]);
    assertThat(
            ComposeFile.environment(COMPOSE.service(hostPort[0])).get("KAFKA_ADVERTISED_LISTENERS"))
        .as("a listener advertised as %s", bootstrap)
        .contains("://" + bootstrap);
  }

  private static int containerPort(String service) {
    return ComposeFile.ports(COMPOSE.service(service)).get(0).containerPort();
  }

  private static String tag(String image) {
    String withoutDigest = image.split("@")[0];
    String name = withoutDigest.substring(withoutDigest.lastIndexOf('/') + 1);
    return name.contains(":") ? name.substring(name.indexOf(':') + 1) : "";
  }
}
