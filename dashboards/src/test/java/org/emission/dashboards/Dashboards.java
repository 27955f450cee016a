package org.emission.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The provisioned dashboards (dashboards/provisioning/dashboards/*.json) and their queries. */
final class Dashboards {
  static final String PROVISIONING = "dashboards/provisioning";
  static final String DATASOURCE_TYPE = "grafana-clickhouse-datasource";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Dashboards() {}

  /** One SQL query of a dashboard: a panel target or a query variable. */
  record Query(String dashboard, String source, String rawSql, boolean timeSeries) {
    @Override
    public String toString() {
      return dashboard + " / " + source;
    }
  }

  static Path directory() {
    return RepoRoot.resolve(PROVISIONING + "/dashboards");
  }

  static List<Path> files() {
    try (Stream<Path> files = Files.list(directory())) {
      return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<JsonNode> all() {
    return files().stream().map(Dashboards::read).toList();
  }

  static JsonNode read(Path file) {
    try {
      return MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read dashboard " + file, e);
    }
  }

  /** The panels of a dashboard, including those nested in collapsed rows. */
  static List<JsonNode> panels(JsonNode dashboard) {
    List<JsonNode> panels = new ArrayList<>();
    for (JsonNode panel : dashboard.path("panels")) {
      panels.add(panel);
      panel.path("panels").forEach(panels::add);
    }
    return panels;
  }

  static List<JsonNode> variables(JsonNode dashboard) {
    List<JsonNode> variables = new ArrayList<>();
    dashboard.path("templating").path("list").forEach(variables::add);
    return variables;
  }

  /** Every panel target's SQL and every query variable's SQL of every dashboard. */
  static List<Query> queries() {
    List<Query> queries = new ArrayList<>();
    for (JsonNode dashboard : all()) {
      String uid = dashboard.path("uid").asText();
      for (JsonNode panel : panels(dashboard)) {
        for (JsonNode target : panel.path("targets")) {
          queries.add(
              new Query(
                  uid,
                  "panel \"" + panel.path("title").asText() + "\" " + target.path("refId").asText(),
                  target.path("rawSql").asText(),
                  target.path("format").asInt(1) == 0));
        }
      }
      for (JsonNode variable : variables(dashboard)) {
        if (variable.path("type").asText().equals("query")) {
          queries.add(
              new Query(
                  uid,
                  "variable $" + variable.path("name").asText(),
                  variableSql(variable),
                  false));
        }
      }
    }
    return queries;
  }

  /** A query variable's SQL: the plugin accepts a plain string or a query object with rawSql. */
  static String variableSql(JsonNode variable) {
    JsonNode query = variable.path("query");
    return query.isTextual() ? query.asText() : query.path("rawSql").asText();
  }
}
