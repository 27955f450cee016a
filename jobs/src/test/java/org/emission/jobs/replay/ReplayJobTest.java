package org.emission.jobs.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.emission.hj212.Hj212Encoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replay of a hand-made packet file through the compliance job on Flink's MiniCluster, checked
 * against hand-worked hours: an exceedance, an hour short of valid minutes that late re-sent data
 * (补传) makes valid, a calibration hour, a duplicate packet and a damaged one.
 */
class ReplayJobTest {
  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  private static final String MN = "PIPELINE0000000000000001";
  private static final DateTimeFormatter HJ212_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

  @Test
  void replayWritesHoursDaysAlertsAndRejectsAsHandWorked(@TempDir Path dir) throws Exception {
    List<String> lines = new ArrayList<>();
    LocalDateTime t0 = LocalDateTime.of(2025, 1, 15, 10, 0);
    // 10:00-10:59: SO2 36.0 mg/m3 at 11 % O2; reference 8 % -> 36.0 x 13 / 10 = 46.8 > 30 (special)
    for (int m = 0; m < 60; m++) {
      lines.add(minute(t0.plusMinutes(m), "36.0", "N"));
    }
    // 11:00-11:43 arrive live (44 minutes < the 45 HJ 75-2017 needs), 11:44-11:59 only later
    for (int m = 60; m < 104; m++) {
      lines.add(minute(t0.plusMinutes(m), "20.0", "N"));
    }
    lines.add(lines.get(lines.size() - 1)); // a duplicate packet changes nothing
    // 12:00-12:59: 15 minutes of calibration (C) and 45 valid minutes of SO2 20.0 -> 26.0 < 30
    for (int m = 120; m < 180; m++) {
      lines.add(minute(t0.plusMinutes(m), "20.0", m < 135 ? "C" : "N"));
    }
    String damaged = minute(t0.plusMinutes(180), "20.0", "N");
    lines.add(damaged.substring(0, damaged.length() - 4) + "0000"); // CRC no longer matches
    // the logger re-sends its stored minutes 11:44-11:59 after the outage
    for (int m = 104; m < 120; m++) {
      lines.add(minute(t0.plusMinutes(m), "20.0", "N"));
    }
    Path packets = dir.resolve("packets.txt");
    Files.write(packets, lines, StandardCharsets.UTF_8);
    Path out = dir.resolve("out");

    ReplayCsvWriter.Summary summary =
        ReplayJob.run(
            StreamExecutionEnvironment.getExecutionEnvironment(), registry(), packets, out);

    assertThat(summary.rejects()).isEqualTo(1);
    Map<String, Map<String, String>> hours =
        byKey(out.resolve("outlet_hours.csv"), "hour_start", "pollutant");
    Map<String, String> h10 = hours.get("2025-01-15T10:00:00+08:00|a21026");
    assertThat(h10).containsEntry("valid", "true").containsEntry("valid_minutes", "60");
    assertThat(h10).containsEntry("avg_measured", "36").containsEntry("avg_converted", "46.8");
    assertThat(h10).containsEntry("limit_value", "30").containsEntry("limit_kind", "special");
    assertThat(h10).containsEntry("exceeded", "true").containsEntry("multiple", "0.56");
    // 36.0 mg/m3 x 100000 m3/h x 1e-6 = 3.6 kg in the full hour
    assertThat(h10).containsEntry("mass_kg", "3.6");

    Map<String, String> h11 = hours.get("2025-01-15T11:00:00+08:00|a21026");
    assertThat(h11).containsEntry("valid", "true").containsEntry("valid_minutes", "60");
    assertThat(h11).containsEntry("avg_converted", "26").containsEntry("exceeded", "false");
    assertThat(Integer.parseInt(h11.get("version"))).isGreaterThan(1);

    Map<String, String> h12 = hours.get("2025-01-15T12:00:00+08:00|a21026");
    assertThat(h12).containsEntry("valid", "true").containsEntry("valid_minutes", "45");
    assertThat(h12).containsEntry("invalid_minutes", "15").containsEntry("exceeded", "false");

    Map<String, Map<String, String>> alerts = byKey(out.resolve("alerts.csv"), "kind", "start");
    assertThat(alerts).containsKey("EXCEEDANCE|2025-01-15T10:00:00+08:00");
    Map<String, String> exceedance = alerts.get("EXCEEDANCE|2025-01-15T10:00:00+08:00");
    assertThat(exceedance)
        .containsEntry("outlet_id", "O-TEST-1")
        .containsEntry("pollutant", "a21026")
        .containsEntry("limit_value", "30")
        .containsEntry("multiple", "0.56");
    assertThat(alerts.keySet()).noneMatch(k -> k.startsWith("DEVICE_OFFLINE"));
    assertThat(Files.readAllLines(out.resolve("outlet_days.csv")).get(0))
        .startsWith("outlet_id,day,pollutant,valid,valid_hours,avg_measured,avg_converted,mass_kg");
  }

  private static String minute(LocalDateTime t, String so2, String flag) {
    String segment =
        "QN="
            + t.format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"))
            + "000;ST=31;CN=2051;PW=123456;MN="
            + MN
            + ";Flag=4;CP=&&DataTime="
            + t.format(HJ212_TIME)
            + ";a21026-Avg="
            + so2
            + ",a21026-Flag="
            + flag
            + ";a19001-Avg=11.0,a19001-Flag=N;a00000-Avg=100000,a00000-Flag=N&&";
    return Hj212Encoder.frame(segment).strip();
  }

  private static Map<String, Map<String, String>> byKey(Path csv, String... keyColumns)
      throws Exception {
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    String[] header = lines.get(0).split(",", -1);
    Map<String, Map<String, String>> rows = new LinkedHashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] fields = line.split(",", -1);
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.length && i < fields.length; i++) {
        row.put(header[i], fields[i]);
      }
      List<String> key = new ArrayList<>();
      for (String column : keyColumns) {
        key.add(row.get(column));
      }
      rows.put(String.join("|", key), row);
    }
    return rows;
  }

  private static Path registry() throws Exception {
    return Path.of(ReplayJobTest.class.getResource("/registry-pipeline/outlets.csv").toURI())
        .getParent();
  }
}
