package org.emission.jobs.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.emission.clickhouse.ClickHouseSettings;
import org.emission.clickhouse.SchemaMigrations;
import org.emission.domain.registry.Outlet;
import org.emission.domain.registry.Registry;
import org.emission.domain.registry.RegistryLoader;
import org.emission.local.SharedServices;
import org.junit.jupiter.api.Test;

class RegistryMirrorTest {

  private static List<String> outletIds(ClickHouseSettings clickHouse) throws Exception {
    List<String> ids = new ArrayList<>();
    try (Connection connection = clickHouse.connect();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery("SELECT outlet_id FROM dim_outlet FINAL ORDER BY outlet_id")) {
      while (rows.next()) {
        ids.add(rows.getString(1));
      }
    }
    return ids;
  }

  @Test
  void aLaterLoadReplacesTheTablesAndDropsWhatTheFilesNoLongerHave() throws Exception {
    ClickHouseSettings clickHouse =
        new ClickHouseSettings(SharedServices.clickHouseUrl(), "mirror_test", "default", "");
    SchemaMigrations.apply(clickHouse);
    Registry full =
        RegistryLoader.load(
            Path.of(getClass().getResource("/registry-pipeline/outlets.csv").toURI()).getParent());
    RegistryMirror.write(full, clickHouse);
    assertThat(outletIds(clickHouse)).containsExactly("O-TEST-1", "O-TEST-2");

    // O-TEST-2 removed from outlets.csv: the next load leaves only O-TEST-1
    List<Outlet> kept = full.outlets().stream().filter(o -> o.id().equals("O-TEST-1")).toList();
    Thread.sleep(5);
    RegistryMirror.write(Registry.of(full.enterprises(), kept, full.limits()), clickHouse);
    assertThat(outletIds(clickHouse)).containsExactly("O-TEST-1");
  }
}
