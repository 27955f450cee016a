package org.emission.local.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.emission.local.SharedServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Proves through the unmodified {@code clickhouse-jdbc} driver that the ClickHouse the tests run
 * against (embedded chDB behind the HTTP interface, or a real server given by CLICKHOUSE_URL)
 * behaves as ClickHouse.
 */
class ClickHouseJdbcFidelityTest {
  private static final String DB = "fidelity_test";
  private static String jdbcUrl;

  @BeforeAll
  static void createDatabase() throws SQLException {
    jdbcUrl = "jdbc:clickhouse:" + SharedServices.clickHouseUrl() + "/default";
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + DB);
      statement.execute("CREATE DATABASE " + DB);
    }
  }

  @AfterAll
  static void dropDatabase() throws SQLException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + DB);
    }
  }

  static Connection connect() throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", System.getenv().getOrDefault("CLICKHOUSE_USER", "default"));
    props.setProperty("password", System.getenv().getOrDefault("CLICKHOUSE_PASSWORD", ""));
    return DriverManager.getConnection(jdbcUrl, props);
  }

  @Test
  void batchInsertOfEveryColumnKindReadsBackExactly() throws SQLException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE "
              + DB
              + ".kinds (id UInt32, at DateTime64(3, 'Asia/Shanghai'), amount Decimal(18, 3),"
              + " pollutant LowCardinality(String), note Nullable(String), minutes Array(UInt16))"
              + " ENGINE = MergeTree ORDER BY id");
      try (PreparedStatement insert =
          connection.prepareStatement("INSERT INTO " + DB + ".kinds VALUES (?, ?, ?, ?, ?, ?)")) {
        for (int i = 1; i <= 500; i++) {
          insert.setInt(1, i);
          insert.setTimestamp(2, Timestamp.from(Instant.parse("2025-01-15T02:20:00.123Z")));
          insert.setBigDecimal(3, new BigDecimal("25.300").add(BigDecimal.valueOf(i)));
          insert.setString(4, i % 2 == 0 ? "a21026" : "a34013");
          insert.setString(5, i % 3 == 0 ? null : "n" + i);
          insert.setArray(6, connection.createArrayOf("UInt16", new Integer[] {i, i + 1}));
          insert.addBatch();
        }
        int[] counts = insert.executeBatch();
        assertThat(counts).hasSize(500);
      }
      try (ResultSet rows =
          statement.executeQuery(
              "SELECT count(), sum(amount), countIf(note IS NULL), uniqExact(pollutant),"
                  + " sum(arraySum(minutes)) FROM "
                  + DB
                  + ".kinds")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getLong(1)).isEqualTo(500);
        // 500 × 25.300 + (1 + ... + 500) = 12650 + 125250
        assertThat(rows.getBigDecimal(2)).isEqualByComparingTo("137900.000");
        assertThat(rows.getLong(3)).isEqualTo(166);
        assertThat(rows.getLong(4)).isEqualTo(2);
        // Σ (2i + 1) for i = 1..500 = 2 × 125250 + 500
        assertThat(rows.getLong(5)).isEqualTo(251000);
      }
      try (ResultSet row =
          statement.executeQuery(
              "SELECT toUnixTimestamp64Milli(at), toString(at), amount, pollutant, note, minutes FROM "
                  + DB
                  + ".kinds WHERE id = 3")) {
        assertThat(row.next()).isTrue();
        assertThat(row.getLong(1))
            .isEqualTo(Instant.parse("2025-01-15T02:20:00.123Z").toEpochMilli());
        assertThat(row.getString(2)).isEqualTo("2025-01-15 10:20:00.123");
        assertThat(row.getBigDecimal(3)).isEqualByComparingTo("28.300");
        assertThat(row.getString(4)).isEqualTo("a34013");
        assertThat(row.getString(5)).isNull();
        Array minutes = row.getArray(6);
        Object[] values = (Object[]) minutes.getArray();
        assertThat(values).extracting(v -> ((Number) v).intValue()).containsExactly(3, 4);
      }
    }
  }

  @Test
  void replacingMergeTreeFinalKeepsTheHighestVersion() throws SQLException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE "
              + DB
              + ".hours (outlet String, hour DateTime, value Float64, version UInt64)"
              + " ENGINE = ReplacingMergeTree(version) ORDER BY (outlet, hour)");
      statement.execute(
          "INSERT INTO " + DB + ".hours VALUES ('o1', '2025-01-15 10:00:00', 10.5, 1)");
      statement.execute(
          "INSERT INTO " + DB + ".hours VALUES ('o1', '2025-01-15 10:00:00', 12.5, 2)");
      statement.execute(
          "INSERT INTO " + DB + ".hours VALUES ('o1', '2025-01-15 10:00:00', 11.0, 1)");
      try (ResultSet rows =
          statement.executeQuery("SELECT count(), any(value) FROM " + DB + ".hours FINAL")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getLong(1)).isEqualTo(1);
        assertThat(rows.getDouble(2)).isEqualTo(12.5);
      }
    }
  }

  @Test
  void materializedViewAggregatesInsertedRows() throws SQLException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE "
              + DB
              + ".minutes (outlet String, value Float64) ENGINE = MergeTree ORDER BY outlet");
      statement.execute(
          "CREATE TABLE "
              + DB
              + ".totals (outlet String, total Float64) ENGINE = SummingMergeTree ORDER BY outlet");
      statement.execute(
          "CREATE MATERIALIZED VIEW "
              + DB
              + ".minutes_to_totals TO "
              + DB
              + ".totals AS SELECT outlet, sum(value) AS total FROM "
              + DB
              + ".minutes GROUP BY outlet");
      statement.execute(
          "INSERT INTO " + DB + ".minutes VALUES ('o1', 1.5), ('o1', 2.5), ('o2', 4)");
      try (ResultSet rows =
          statement.executeQuery(
              "SELECT outlet, sum(total) FROM " + DB + ".totals GROUP BY outlet ORDER BY outlet")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getString(1)).isEqualTo("o1");
        assertThat(rows.getDouble(2)).isEqualTo(4.0);
        assertThat(rows.next()).isTrue();
        assertThat(rows.getDouble(2)).isEqualTo(4.0);
        assertThat(rows.next()).isFalse();
      }
    }
  }

  @Test
  void syntaxErrorSurfacesWithClickHouseErrorCode() throws SQLException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      assertThatThrownBy(() -> statement.executeQuery("SELEC 1"))
          .isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getErrorCode()).isEqualTo(62))
          .hasMessageContaining("Syntax error");
      assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM " + DB + ".no_such_table"))
          .isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getErrorCode()).isEqualTo(60));
      try (ResultSet rows = statement.executeQuery("SELECT 1")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getInt(1)).isEqualTo(1);
      }
    }
  }

  @Test
  void twoClientsAtOnceEachSeeTheirOwnResults() throws Exception {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE "
              + DB
              + ".concurrent (client UInt8, n UInt32) ENGINE = MergeTree ORDER BY (client, n)");
    }
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Callable<Long>> clients = new ArrayList<>();
      for (int client = 1; client <= 2; client++) {
        int id = client;
        clients.add(
            () -> {
              try (Connection connection = connect();
                  Statement statement = connection.createStatement()) {
                for (int round = 0; round < 20; round++) {
                  statement.execute(
                      "INSERT INTO "
                          + DB
                          + ".concurrent SELECT "
                          + id
                          + ", number FROM numbers("
                          + (round * 100)
                          + ", 100)");
                  try (ResultSet rows =
                      statement.executeQuery(
                          "SELECT sum(number) FROM numbers(" + (id * 1000) + ")")) {
                    rows.next();
                    long n = id * 1000L;
                    assertThat(rows.getLong(1)).isEqualTo(n * (n - 1) / 2);
                  }
                }
                try (ResultSet rows =
                    statement.executeQuery(
                        "SELECT count() FROM " + DB + ".concurrent WHERE client = " + id)) {
                  rows.next();
                  return rows.getLong(1);
                }
              }
            });
      }
      for (Future<Long> result : pool.invokeAll(clients)) {
        assertThat(result.get()).isEqualTo(2000);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
