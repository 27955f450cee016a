package org.emission.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Grafana provisioning: the ClickHouse data source (plugin type, HTTP on 8123, the compose
 * service), the dashboard provider, and every panel, target and variable pointing at that data
 * source with a query in the plugin's SQL-editor format.
 */
class DashboardProvisioningTest {
  private static final JsonNode DATASOURCE =
      Yaml.read(RepoRoot.resolve(Dashboards.PROVISIONING + "/datasources/clickhouse.yaml"))
          .path("datasources")
          .path(0);

  @Test
  void dataSourceIsTheClickHousePluginOverHttp() {
    JsonNode json = DATASOURCE.path("jsonData");
    assertThat(DATASOURCE.path("type").asText()).isEqualTo(Dashboards.DATASOURCE_TYPE);
    assertThat(DATASOURCE.path("uid").asText()).isNotBlank();
    assertThat(json.path("protocol").asText()).isEqualTo("http");
    assertThat(json.path("port").asInt()).isEqualTo(8123);
    assertThat(json.path("host").asText()).isEqualTo("clickhouse");
    assertThat(json.path("defaultDatabase").asText()).isEqualTo("emission");
    assertThat(json.path("username").asText()).isEqualTo("grafana");
    assertThat(DATASOURCE.path("secureJsonData").path("password").asText())
        .as("the password comes from Grafana's environment, never from the file")
        .isEqualTo("${CLICKHOUSE_GRAFANA_PASSWORD}");
  }

  @Test
  void providerLoadsTheDashboardsFromTheMountedProvisioningDirectory() {
    JsonNode provider =
        Yaml.read(Dashboards.directory().resolve("dashboards.yaml")).path("providers").path(0);
    assertThat(provider.path("type").asText()).isEqualTo("file");
    assertThat(provider.path("options").path("path").asText())
        .isEqualTo("/etc/grafana/provisioning/dashboards");
    assertThat(Dashboards.files()).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void dashboardsAreTheDesignsAlertsAndRegionalOverview() {
    List<String> titles = Dashboards.all().stream().map(d -> d.path("title").asText()).toList();
    assertThat(titles)
        .anyMatch(t -> t.contains("Alerts"))
        .anyMatch(t -> t.contains("Regional overview"));
    Set<String> uids = new HashSet<>();
    for (JsonNode dashboard : Dashboards.all()) {
      assertThat(uids.add(dashboard.path("uid").asText())).as("unique uid").isTrue();
      assertThat(dashboard.path("timezone").asText()).isEqualTo("Asia/Shanghai");
    }
  }

  @Test
  void everyPanelTargetAndVariableUsesTheProvisionedDataSource() {
    String uid = DATASOURCE.path("uid").asText();
    List<String> problems = new ArrayList<>();
    for (JsonNode dashboard : Dashboards.all()) {
      String name = dashboard.path("uid").asText();
      Set<Integer> ids = new HashSet<>();
      for (JsonNode panel : Dashboards.panels(dashboard)) {
        String where = name + " / " + panel.path("title").asText();
        if (!ids.add(panel.path("id").asInt())) {
          problems.add(where + ": duplicate panel id");
        }
        if (panel.path("type").asText().equals("row")) {
          continue;
        }
        checkDataSource(panel.path("datasource"), uid, where, problems);
        if (panel.path("description").asText().isBlank()) {
          problems.add(where + ": no description");
        }
        if (panel.path("targets").isEmpty()) {
          problems.add(where + ": no query");
        }
        for (JsonNode target : panel.path("targets")) {
          checkDataSource(target.path("datasource"), uid, where, problems);
          if (!target.path("editorType").asText().equals("sql")
              || target.path("rawSql").asText().isBlank()) {
            problems.add(where + ": not a raw SQL target");
          }
        }
      }
      for (JsonNode variable : Dashboards.variables(dashboard)) {
        if (variable.path("type").asText().equals("query")) {
          checkDataSource(
              variable.path("datasource"),
              uid,
              name + " / $" + variable.path("name").asText(),
              problems);
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyQueryReadsTheEmissionDatabaseAndReplacingTablesWithFinal() {
    // cems_minute is a ReplacingMergeTree too, but only read with max(): the same with replicas.
    Set<String> replacing =
        Set.of(
            "outlet_hour",
            "outlet_day",
            "alerts",
            "alert_acks",
            "dim_enterprise",
            "dim_outlet",
            "dim_limit");
    List<String> problems = new ArrayList<>();
    for (Dashboards.Query query : Dashboards.queries()) {
      String sql = query.rawSql();
      for (String table : replacing) {
        int at = sql.indexOf("emission." + table + " ");
        while (at >= 0) {
          String after = sql.substring(at + ("emission." + table + " ").length());
          if (!after.startsWith("FINAL")) {
            problems.add(query + ": emission." + table + " without FINAL");
          }
          at = sql.indexOf("emission." + table + " ", at + 1);
        }
      }
      if (!sql.contains("FROM emission.")) {
        problems.add(query + ": reads no emission.* table");
      }
    }
    assertThat(problems).isEmpty();
  }

  private static void checkDataSource(
      JsonNode datasource, String uid, String where, List<String> problems) {
    if (!datasource.path("uid").asText().equals(uid)
        || !datasource.path("type").asText().equals(Dashboards.DATASOURCE_TYPE)) {
      problems.add(where + ": data source " + datasource + " is not " + uid);
    }
  }
}
