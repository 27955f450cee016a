package org.emission.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.emission.clickhouse.ClickHouseSettings;
import org.emission.clickhouse.SchemaMigrations;
import org.emission.dashboards.Dashboards.Query;
import org.emission.dashboards.GrafanaExpansion.Selection;
import org.emission.dashboards.GrafanaExpansion.TimeRange;
import org.emission.local.SharedServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Runs every panel's and every query variable's SQL of the provisioned dashboards, expanded as
 * Grafana and the ClickHouse plugin expand it ({@link GrafanaExpansion}), through clickhouse-jdbc
 * against the project's schema (its migrations applied to database {@code emission}): first on
 * empty tables, then with {@link DashboardFixtures} so that every join has rows to match.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardSqlTest {
  private static final String LATEST_HOUR_PANEL = "panel \"各排放口最新小时值与限值\" A";
  private static final List<String> TABLES =
      List.of(
          "cems_minute",
          "outlet_hour",
          "outlet_day",
          "alerts",
          "alert_acks",
          "ingest_rejects",
          "dim_enterprise",
          "dim_outlet",
          "dim_limit");

  private static ClickHouseSettings settings;
  private static Instant now;
  private static TimeRange range;

  @BeforeAll
  static void applyMigrations() throws SQLException {
    settings =
        new ClickHouseSettings(
            SharedServices.clickHouseUrl(),
            "emission",
            "default",
            System.getenv().getOrDefault("CLICKHOUSE_PASSWORD", ""));
    SchemaMigrations.apply(settings);
    now = Instant.now();
    range = new TimeRange(now.minus(Duration.ofDays(7)), now, Duration.ofMinutes(5));
  }

  @AfterAll
  static void removeFixtures() throws SQLException {
    try (Connection connection = settings.connect()) {
      DashboardFixtures.delete(connection);
    }
  }

  @Test
  @Order(1)
  void everyQueryRunsOnEmptyTables() throws SQLException {
    try (Connection connection = settings.connect()) {
      if (SharedServices.embeddedClickHouse()) {
        for (String table : TABLES) {
          assertThat(rows(connection, "SELECT * FROM emission." + table)).as(table).isEmpty();
        }
      }
      for (Query query : Dashboards.queries()) {
        run(connection, query, allSelected());
        run(connection, query, fixtureRegionSelected());
      }
    }
  }

  @Test
  @Order(2)
  void everyQueryReturnsRowsOnARegionWithData() throws SQLException {
    try (Connection connection = settings.connect()) {
      DashboardFixtures.insert(connection, now);
      for (Query query : Dashboards.queries()) {
        assertThat(run(connection, query, allSelected()))
            .as("rows of %s with every region selected", query)
            .isNotEmpty();
        assertThat(run(connection, query, fixtureRegionSelected()))
            .as("rows of %s with the fixture's district, park and sector selected", query)
            .isNotEmpty();
      }
    }
  }

  @Test
  @Order(3)
  void latestHourPanelShowsTheStackOverItsLimit() throws SQLException {
    Query latestHour =
        Dashboards.queries().stream()
            .filter(q -> q.source().equals(LATEST_HOUR_PANEL))
            .findFirst()
            .orElseThrow();
    try (Connection connection = settings.connect()) {
      List<Map<String, Object>> rows = run(connection, latestHour, fixtureRegionSelected());
      assertThat(rows)
          .filteredOn(row -> DashboardFixtures.COKE_OVEN_STACK.equals(row.get("排放口编号 outlet id")))
          .filteredOn(row -> "二氧化硫 SO₂".equals(row.get("污染物 pollutant")))
          .singleElement()
          .satisfies(
              row -> {
                assertThat(row.get("排放口 outlet")).isEqualTo(DashboardFixtures.COKE_OVEN_STACK_NAME);
                assertThat(((Number) row.get("折算浓度 converted")).doubleValue())
                    .isEqualTo(DashboardFixtures.SO2_CONVERTED);
                assertThat(((Number) row.get("占限值 % of limit")).doubleValue()).isEqualTo(128.3);
                assertThat(((Number) row.get("超标 exceeded")).intValue()).isEqualTo(1);
              });
      Map<String, Selection> elsewhere = new HashMap<>(allSelected());
      elsewhere.put("district", Selection.of("乌达区"));
      assertThat(run(connection, latestHour, elsewhere))
          .noneMatch(row -> row.get("排放口编号 outlet id").toString().startsWith("dash-test"));
    }
  }

  private static Map<String, Selection> allSelected() {
    Map<String, Selection> variables = new HashMap<>();
    variables.put("district", Selection.all(List.of(DashboardFixtures.DISTRICT, "鄂托克旗")));
    variables.put("park", Selection.all(List.of(DashboardFixtures.PARK, "蒙西工业园区")));
    variables.put("sector", Selection.all(List.of(DashboardFixtures.SECTOR, "电石")));
    variables.put("silent_minutes", Selection.single("60"));
    return variables;
  }

  private static Map<String, Selection> fixtureRegionSelected() {
    Map<String, Selection> variables = new HashMap<>();
    variables.put("district", Selection.of(DashboardFixtures.DISTRICT, "鄂托克旗"));
    variables.put("park", Selection.of(DashboardFixtures.PARK, "蒙西工业园区"));
    variables.put("sector", Selection.of(DashboardFixtures.SECTOR, "电石"));
    variables.put("silent_minutes", Selection.single("60"));
    return variables;
  }

  private static List<Map<String, Object>> run(
      Connection connection, Query query, Map<String, Selection> variables) {
    String sql = GrafanaExpansion.expand(query.rawSql(), variables, range);
    assertThat(sql).as("%s expanded", query).doesNotContain("$");
    try {
      List<Map<String, Object>> rows = rows(connection, sql);
      if (query.timeSeries() && !rows.isEmpty()) {
        assertThat(rows.get(0).keySet()).as("columns of %s", query).first().isEqualTo("time");
      }
      return rows;
    } catch (SQLException e) {
      return fail("%s failed: %s%n%s", query, e.getMessage(), sql);
    }
  }

  private static List<Map<String, Object>> rows(Connection connection, String sql)
      throws SQLException {
    List<Map<String, Object>> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      ResultSetMetaData meta = result.getMetaData();
      while (result.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          row.put(meta.getColumnLabel(i), result.getObject(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }
}
