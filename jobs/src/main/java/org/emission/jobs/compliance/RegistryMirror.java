package org.emission.jobs.compliance;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.emission.clickhouse.ClickHouseBatchWriter;
import org.emission.clickhouse.ClickHouseSettings;
import org.emission.clickhouse.ClickHouseTable;
import org.emission.domain.registry.Enterprise;
import org.emission.domain.registry.LimitRule;
import org.emission.domain.registry.Outlet;
import org.emission.domain.registry.Registry;

/**
 * Mirrors the registry into the ClickHouse dimension tables ({@code dim_enterprise}, {@code
 * dim_outlet}, {@code dim_limit}) that the dashboards join with. Every row carries the load time as
 * its version, so the latest load wins; once a load is written, the rows of earlier loads are
 * deleted, so that an outlet or limit removed from the files leaves the tables too.
 */
public final class RegistryMirror {
  private RegistryMirror() {}

  public static void write(Registry registry, ClickHouseSettings settings)
      throws InterruptedException {
    String loadedAt = ResultTables.utc(Instant.now());
    ClickHouseTable<Enterprise> enterprises =
        new ClickHouseTable<>(
            "dim_enterprise",
            List.of("enterprise_id", "name", "region", "district", "park", "sector", "loaded_at"),
            e ->
                new Object[] {
                  e.id(), e.name(), e.region(), e.district(), e.park(), e.sector(), loadedAt
                });
    ClickHouseTable<Outlet> outlets =
        new ClickHouseTable<>(
            "dim_outlet",
            List.of(
                "outlet_id",
                "enterprise_id",
                "name",
                "kind",
                "mn",
                "facility",
                "o2_ref",
                "status",
                "status_since",
                "loaded_at"),
            o ->
                new Object[] {
                  o.id(),
                  o.enterpriseId(),
                  o.name(),
                  o.kind().name().toLowerCase(Locale.ROOT),
                  o.mn(),
                  o.facility() == null ? "" : o.facility(),
                  o.o2Ref(),
                  o.status().name().toLowerCase(Locale.ROOT),
                  o.statusSince().toString(),
                  loadedAt
                });
    ClickHouseTable<LimitRule> limits =
        new ClickHouseTable<>(
            "dim_limit",
            List.of(
                "scope",
                "pollutant",
                "kind",
                "value",
                "unit",
                "averaging",
                "effective_from",
                "effective_to",
                "source",
                "loaded_at"),
            l ->
                new Object[] {
                  l.target(),
                  l.pollutant(),
                  l.kind().name().toLowerCase(Locale.ROOT),
                  l.value().doubleValue(),
                  l.unit(),
                  l.averaging().name().toLowerCase(Locale.ROOT),
                  l.effectiveFrom().toString(),
                  l.effectiveTo() == null ? null : l.effectiveTo().toString(),
                  l.source(),
                  loadedAt
                });
    writeAll(settings, enterprises, registry.enterprises());
    writeAll(settings, outlets, registry.outlets());
    writeAll(settings, limits, registry.limits());
    try (Connection connection = settings.connect();
        Statement statement = connection.createStatement()) {
      for (String table : List.of("dim_enterprise", "dim_outlet", "dim_limit")) {
        statement.execute("DELETE FROM " + table + " WHERE loaded_at < '" + loadedAt + "'");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot remove earlier registry loads: " + e.getMessage(), e);
    }
  }

  private static <T> void writeAll(
      ClickHouseSettings settings, ClickHouseTable<T> table, Iterable<T> rows)
      throws InterruptedException {
    try (ClickHouseBatchWriter<T> writer = new ClickHouseBatchWriter<>(settings, table, 1000)) {
      for (T row : rows) {
        writer.add(row);
      }
    }
  }
}
