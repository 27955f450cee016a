package org.emission.jobs.compliance;

import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.emission.clickhouse.ClickHouseSettings;

/**
 * Typed configuration of the emission-compliance job, validated when built: every bad value is
 * reported with its name and why, all at once.
 */
public record ComplianceJobConfig(
    String kafkaBootstrap,
    String consumerGroup,
    ClickHouseSettings clickHouse,
    Path registryDir,
    Duration checkpointInterval,
    int sinkBatchSize,
    boolean fromEarliest)
    implements Serializable {

  public ComplianceJobConfig {
    List<String> problems = new ArrayList<>();
    if (kafkaBootstrap == null || !kafkaBootstrap.matches("[^\\s,]+:\\d+(,[^\\s,]+:\\d+)*")) {
      problems.add("kafka bootstrap must be host:port[,host:port...], got " + kafkaBootstrap);
    }
    if (consumerGroup == null || consumerGroup.isBlank()) {
      problems.add("consumer group must not be empty");
    }
    if (clickHouse == null) {
      problems.add("ClickHouse settings are missing");
    }
    if (registryDir == null) {
      problems.add("registry directory is missing (--registry DIR)");
    } else if (!java.nio.file.Files.isDirectory(registryDir)) {
      problems.add("registry directory " + registryDir + " does not exist");
    }
    if (checkpointInterval == null || checkpointInterval.toMillis() < 100) {
      problems.add("checkpoint interval must be at least 100 ms, got " + checkpointInterval);
    }
    if (sinkBatchSize < 1 || sinkBatchSize > 1_000_000) {
      problems.add("sink batch size must be 1..1000000, got " + sinkBatchSize);
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "invalid compliance job configuration:\n  - " + String.join("\n  - ", problems));
    }
  }

  /**
   * Reads {@code --name value} arguments as a real Flink cluster passes them to the job's main
   * method: --kafka, --group, --clickhouse-url, --clickhouse-database, --clickhouse-user,
   * --registry, --checkpoint-interval (ISO-8601 or seconds), --batch-size, --from-earliest. The
   * ClickHouse password comes from the environment variable CLICKHOUSE_PASSWORD, never from
   * arguments.
   */
  public static ComplianceJobConfig fromArgs(String[] args) {
    Map<String, String> options = new java.util.HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (!name.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument " + name);
      }
      boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
      options.put(name.substring(2), flag ? "true" : args[++i]);
    }
    String interval = options.getOrDefault("checkpoint-interval", "10");
    return new ComplianceJobConfig(
        options.getOrDefault("kafka", "127.0.0.1:9092"),
        options.getOrDefault("group", "emission-compliance"),
        new ClickHouseSettings(
            options.getOrDefault("clickhouse-url", "http://127.0.0.1:8123"),
            options.getOrDefault("clickhouse-database", "emission"),
            options.getOrDefault("clickhouse-user", "default"),
            System.getenv().getOrDefault("CLICKHOUSE_PASSWORD", "")),
        Path.of(options.getOrDefault("registry", "registry")),
        interval.startsWith("P")
            ? Duration.parse(interval)
            : Duration.ofSeconds(Long.parseLong(interval)),
        Integer.parseInt(options.getOrDefault("batch-size", "5000")),
        Boolean.parseBoolean(options.getOrDefault("from-earliest", "true")));
  }
}
