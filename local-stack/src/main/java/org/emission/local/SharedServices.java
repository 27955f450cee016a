package org.emission.local;

import java.io.IOException;
import java.nio.file.Path;
import org.emission.local.clickhouse.EmbeddedClickHouse;
import org.emission.local.kafka.EmbeddedKafka;

/**
 * The Kafka broker and ClickHouse server that integration tests run against: real servers when
 * {@code KAFKA_BOOTSTRAP} / {@code CLICKHOUSE_URL} are set (e.g. the docker-compose stack), else
 * one embedded broker and one embedded ClickHouse per JVM, started on first use on free ports.
 */
public final class SharedServices {
  private static EmbeddedKafka kafka;
  private static EmbeddedClickHouse clickHouse;

  private SharedServices() {}

  public static synchronized String kafkaBootstrap() {
    String configured = System.getenv("KAFKA_BOOTSTRAP");
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    if (kafka == null) {
      Path dir = LocalCache.subdir("test-kafka").resolve("run-" + ProcessHandle.current().pid());
      kafka = new EmbeddedKafka(dir, 0).start();
      Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "kafka-shutdown"));
    }
    return kafka.bootstrapServers();
  }

  /** The HTTP URL of ClickHouse, e.g. {@code http://127.0.0.1:8123}. */
  public static synchronized String clickHouseUrl() {
    String configured = System.getenv("CLICKHOUSE_URL");
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    if (clickHouse == null) {
      Path data =
          LocalCache.subdir("test-clickhouse").resolve("run-" + ProcessHandle.current().pid());
      try {
        clickHouse =
            EmbeddedClickHouse.start(
                LocalCache.dir(), data, "127.0.0.1", 0, EmbeddedClickHouse.LOCAL_USERS);
      } catch (IOException e) {
        throw new IllegalStateException("cannot start the embedded ClickHouse", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(clickHouse::close, "clickhouse-http-stop"));
    }
    return clickHouse.url();
  }

  /** Whether the tests run against the embedded servers rather than real ones. */
  public static boolean embeddedClickHouse() {
    String configured = System.getenv("CLICKHOUSE_URL");
    return configured == null || configured.isBlank();
  }
}
