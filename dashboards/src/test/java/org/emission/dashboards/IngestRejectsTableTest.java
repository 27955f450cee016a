package org.emission.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.emission.clickhouse.ClickHouseSettings;
import org.emission.clickhouse.SchemaMigrations;
import org.emission.local.SharedServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ingest_rejects} after the migrations: a reject the compliance job sinks again after a
 * restart from its checkpoint is counted once by queries with FINAL, as the dashboards read it.
 */
class IngestRejectsTableTest {
  private static final String DATABASE = "ingest_rejects_test";

  private static ClickHouseSettings settings;

  @BeforeAll
  static void migrate() throws Exception {
    settings =
        new ClickHouseSettings(
            SharedServices.clickHouseUrl(),
            DATABASE,
            "default",
            System.getenv().getOrDefault("CLICKHOUSE_PASSWORD", ""));
    dropDatabase();
    SchemaMigrations.apply(settings);
  }

  @AfterAll
  static void dropDatabase() throws SQLException {
    try (Connection connection = settings.connectToServer();
        Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + DATABASE);
    }
  }

  // within the table's 90-day TTL, or the rows would be dropped as they arrive
  private static final String RECEIVED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
          .withZone(ZoneOffset.UTC)
          .format(Instant.now().minus(Duration.ofHours(1)));

  private static void insert(Statement statement, String packet) throws SQLException {
    statement.execute(
        "INSERT INTO ingest_rejects (received_at, peer, mn, reason_code, reason, packet) VALUES"
            + " ('"
            + RECEIVED
            + "', '127.0.0.1:40000', 'MN0001', 'CRC_MISMATCH',"
            + " 'CRC mismatch: packet says 1C81, computed 1C80', '"
            + packet
            + "')");
  }

  private static long count(Statement statement, String query) throws SQLException {
    try (ResultSet rows = statement.executeQuery(query)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  @Test
  void theSameRejectWrittenTwiceCountsOnce() throws Exception {
    try (Connection connection = settings.connect();
        Statement statement = connection.createStatement()) {
      insert(statement, "##0080QN=1;ST=31;1C81");
      // the job restarted from its checkpoint writes it again, in an insert of its own
      insert(statement, "##0080QN=1;ST=31;1C81");
      // the same logger at the same instant with another packet is another reject
      insert(statement, "##0080QN=2;ST=31;AB12");
      assertThat(count(statement, "SELECT count() FROM ingest_rejects FINAL")).isEqualTo(2);
      assertThat(
              count(
                  statement,
                  "SELECT count() FROM system.tables WHERE database = '"
                      + DATABASE
                      + "' AND name = 'ingest_rejects' AND engine = 'ReplacingMergeTree'"))
          .isEqualTo(1);
      assertThat(
              count(
                  statement,
                  "SELECT count() FROM system.tables WHERE database = '"
                      + DATABASE
                      + "' AND name LIKE 'ingest_rejects%'"))
          .isEqualTo(1);
    }
  }
}
