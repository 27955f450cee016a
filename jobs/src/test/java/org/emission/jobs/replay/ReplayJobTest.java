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
  private static final String MN2 = "PIPELINE0000000000000002";
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

  @Test
  void limitsChangeAtMidnightAndAtTheRetrofitDeadline(@TempDir Path dir) throws Exception {
    List<String> lines = new ArrayList<>();
    // O-TEST-1: SO2 36.0 at 11 % O2 -> 46.8 converted; the special limit 30 replaces the standard
    // 50 at 2023-01-01 00:00 CST (内政发〔2020〕26号): 23:00 complies, 00:00 exceeds
    LocalDateTime special = LocalDateTime.of(2022, 12, 31, 23, 0);
    for (int m = 0; m <= 120; m++) {
      lines.add(minute(MN, special.plusMinutes(m), "36.0", "N"));
    }
    // O-TEST-2: SO2 20.0 -> 26.0 converted; ultra-low 20 from 2024-01-01 replaces special 30
    LocalDateTime retrofit = LocalDateTime.of(2023, 12, 31, 23, 0);
    for (int m = 0; m <= 120; m++) {
      lines.add(minute(MN2, retrofit.plusMinutes(m), "20.0", "N"));
    }
    Path packets = dir.resolve("packets.txt");
    Files.write(packets, lines, StandardCharsets.UTF_8);
    Path out = dir.resolve("out");

    ReplayJob.run(StreamExecutionEnvironment.getExecutionEnvironment(), registry(), packets, out);

    Map<String, Map<String, String>> hours =
        byKey(out.resolve("outlet_hours.csv"), "outlet_id", "hour_start", "pollutant");
    assertThat(hours.get("O-TEST-1|2022-12-31T23:00:00+08:00|a21026"))
        .containsEntry("limit_value", "50")
        .containsEntry("limit_kind", "standard")
        .containsEntry("exceeded", "false");
    // (46.8 - 30) / 30 = 0.56
    assertThat(hours.get("O-TEST-1|2023-01-01T00:00:00+08:00|a21026"))
        .containsEntry("limit_value", "30")
        .containsEntry("limit_kind", "special")
        .containsEntry("exceeded", "true")
        .containsEntry("multiple", "0.56");
    assertThat(hours.get("O-TEST-2|2023-12-31T23:00:00+08:00|a21026"))
        .containsEntry("limit_value", "30")
        .containsEntry("exceeded", "false");
    // (26.0 - 20) / 20 = 0.3
    assertThat(hours.get("O-TEST-2|2024-01-01T00:00:00+08:00|a21026"))
        .containsEntry("limit_value", "20")
        .containsEntry("limit_kind", "ultra_low")
        .containsEntry("exceeded", "true")
        .containsEntry("multiple", "0.3");
    Map<String, Map<String, String>> days =
        byKey(out.resolve("outlet_days.csv"), "outlet_id", "day", "pollutant");
    assertThat(days.get("O-TEST-1|2022-12-31|a21026")).containsEntry("valid", "false");
  }

  private static String minute(LocalDateTime t, String so2, String flag) {
    return minute(MN, t, so2, flag);
  }

  private static String minute(String mn, LocalDateTime t, String so2, String flag) {
    String segment =
        "QN="
            + t.format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"))
            + "000;ST=31;CN=2051;PW=123456;MN="
            + mn
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
