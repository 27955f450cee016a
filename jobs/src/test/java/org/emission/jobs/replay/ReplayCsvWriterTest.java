package org.emission.jobs.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.emission.domain.Determination;
import org.emission.domain.aggregate.HourCompliance;
import org.emission.domain.aggregate.OutletDay;
import org.emission.domain.aggregate.OutletHour;
import org.emission.domain.alert.Alert;
import org.emission.domain.alert.AlertKind;
import org.emission.domain.alert.AlertLifecycle;
import org.emission.domain.alert.Severity;
import org.emission.domain.pipeline.DeviceOutputs;
import org.emission.domain.registry.OutletKind;
import org.emission.jobs.compliance.ComplianceResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer with runs of 3 rows, merged two by two, so that the rows of a key are spread over run
 * files of several levels and the rows still in memory.
 */
class ReplayCsvWriterTest {
  private static final String SPECIAL_OUTLET = "O1,\"q\"\t\r\n";
  private static final String DETAIL = "later, \"quoted\"\tand\r\na new line";
  private static final String PACKET = "##x,\"y\"\t\r\n";

  @TempDir Path temp;
  @TempDir Path out;

  @Test
  void keepsTheHighestVersionOfEachKeySortedByKeyAcrossRuns() throws IOException {
    ReplayCsvWriter writer = new ReplayCsvWriter(3, 2, temp);
    // run 1
    writer.accept(hours(hour("O2", "10:00", 1, "a0")));
    writer.accept(hours(hour("O1", "10:00", 1, "a1")));
    writer.accept(hours(hour("O2", "11:00", 1, "a2")));
    // run 2, merged with run 1
    writer.accept(hours(hour("O2", "10:00", 3, "a3")));
    writer.accept(hours(hour("O1", "10:00", 2, "a4")));
    writer.accept(hours(hour(SPECIAL_OUTLET, "10:00", 1, "a5")));
    // run 3
    writer.accept(hours(hour("O2", "10:00", 2, "a6")));
    writer.accept(hours(hour("O1", "10:00", 2, "a7")));
    writer.accept(hours(hour("O0", "10:00", 1, "a8")));
    // in memory: equal version, later arrival
    writer.accept(hours(hour("O1", "10:00", 2, "a9")));

    writer.accept(days(day("2025-01-15", 1, 20)));
    writer.accept(days(day("2025-01-14", 1, 24)));
    writer.accept(days(day("2025-01-15", 2, 21)));
    writer.accept(days(day("2025-01-15", 2, 22)));

    writer.accept(alerts(alert("b", 1, "first")));
    writer.accept(alerts(alert("a", 2, "earlier")));
    writer.accept(alerts(alert("b", 3, "third")));
    writer.accept(alerts(alert("a", 2, DETAIL)));
    writer.accept(alerts(alert("b", 2, "late second")));

    writer.reject(new PacketFile.Reject(7, "MN1", "crc", "##b"));
    writer.reject(new PacketFile.Reject(2, "MN1", "crc", PACKET));
    writer.reject(new PacketFile.Reject(7, "MN1", "crc", "##a"));
    writer.reject(new PacketFile.Reject(7, "", "crc", "##z"));
    writer.reject(new PacketFile.Reject(7, "MN1", "bad", "##c"));
    writer.reject(new PacketFile.Reject(2, "MN1", "crc", PACKET));
    writer.reject(new PacketFile.Reject(7, "MN1", "crc", "##a"));

    assertThat(runFiles()).isNotEmpty();
    ReplayCsvWriter.Summary summary = writer.write(out);

    assertThat(read("outlet_hours.csv"))
        .isEqualTo(
            file(
                "outlet_id,mn,hour_start,pollutant,valid,valid_minutes,invalid_reason,"
                    + "avg_measured,avg_converted,mass_kg,limit_value,limit_kind,limit_source,"
                    + "exceeded,multiple,enterprise_id,method,required_valid_minutes,"
                    + "stop_minutes,invalid_minutes,missing_minutes,availability_percent,"
                    + "flow_m3h,mass_method,substitution,logger_avg,version",
                "O0,MN1,2025-01-15T10:00:00+08:00,a21026,true,60,,36,,,,,,false,,E1,MEASURED,"
                    + "45,0,0,0,100,,,a8,,1",
                "\"O1,\"\"q\"\"\t\r\n\",MN1,2025-01-15T10:00:00+08:00,a21026,true,60,,36,,,,,,"
                    + "false,,E1,MEASURED,45,0,0,0,100,,,a5,,1",
                "O1,MN1,2025-01-15T10:00:00+08:00,a21026,true,60,,36,,,,,,false,,E1,MEASURED,"
                    + "45,0,0,0,100,,,a9,,2",
                "O2,MN1,2025-01-15T10:00:00+08:00,a21026,true,60,,36,,,,,,false,,E1,MEASURED,"
                    + "45,0,0,0,100,,,a3,,3",
                "O2,MN1,2025-01-15T11:00:00+08:00,a21026,true,60,,36,,,,,,false,,E1,MEASURED,"
                    + "45,0,0,0,100,,,a2,,1"));
    assertThat(read("outlet_days.csv"))
        .isEqualTo(
            file(
                "outlet_id,day,pollutant,valid,valid_hours,avg_measured,avg_converted,mass_kg,"
                    + "invalid_reason,stop_hours,availability_percent,transmission_percent,"
                    + "mass_method,limit_value,limit_kind,limit_source,exceeded,multiple,"
                    + "enterprise_id,logger_avg,version",
                "O1,2025-01-14,a21026,true,24,35.5,,,,0,,,,,,,false,,E1,,1",
                "O1,2025-01-15,a21026,true,22,35.5,,,,0,,,,,,,false,,E1,,2"));
    assertThat(read("alerts.csv"))
        .isEqualTo(
            file(
                "alert_id,kind,outlet_id,pollutant,start,end,peak_value,limit_value,multiple,"
                    + "severity,state,mn,enterprise_id,limit_kind,limit_source,revision,detail",
                "a,EXCEEDANCE,O1,a21026,2025-01-15T10:00:00+08:00,,46.8,30,0.56,CRITICAL,"
                    + "UPDATED,MN1,E1,special,GB 13223,2,"
                    + "\"later, \"\"quoted\"\"\tand\r\na new line\"",
                "b,EXCEEDANCE,O1,a21026,2025-01-15T10:00:00+08:00,,46.8,30,0.56,CRITICAL,"
                    + "UPDATED,MN1,E1,special,GB 13223,3,third"));
    assertThat(read("rejects.csv"))
        .isEqualTo(
            file(
                "line,mn,reason,packet",
                "2,MN1,crc,\"##x,\"\"y\"\"\t\r\n\"",
                "2,MN1,crc,\"##x,\"\"y\"\"\t\r\n\"",
                "7,,crc,##z",
                "7,MN1,bad,##c",
                "7,MN1,crc,##a",
                "7,MN1,crc,##a",
                "7,MN1,crc,##b"));
    assertThat(summary).isEqualTo(new ReplayCsvWriter.Summary(7, 5, 2, 2));
    assertThat(ReplayCsvWriter.Summary.of(out)).isEqualTo(summary);
    assertThat(ReplayCsvWriter.read(out.resolve("alerts.csv")).get(0))
        .containsEntry("detail", DETAIL);
    assertThat(temp).isEmptyDirectory();
  }

  @Test
  void runsChangeNothingInTheFiles(@TempDir Path inMemory) throws IOException {
    ReplayCsvWriter spilling = new ReplayCsvWriter(3, 2, temp);
    ReplayCsvWriter unbounded = new ReplayCsvWriter(Integer.MAX_VALUE, 2, temp);
    Random random = new Random(42);
    List<String> outlets = List.of("O1", "O2", "排口3", SPECIAL_OUTLET, "O😀");
    for (int i = 0; i < 2000; i++) {
      String outlet = outlets.get(random.nextInt(outlets.size()));
      String mark = Integer.toString(i);
      int version = 1 + random.nextInt(4);
      ComplianceResult result =
          switch (random.nextInt(4)) {
            case 0 -> hours(hour(outlet, (10 + random.nextInt(3)) + ":00", version, mark));
            case 1 -> days(day(outlet, "2025-01-1" + random.nextInt(3), version, i));
            case 2 -> alerts(alert(outlet + random.nextInt(3), version, mark + DETAIL));
            default -> null;
          };
      if (result != null) {
        spilling.accept(result);
        unbounded.accept(result);
      } else {
        PacketFile.Reject reject =
            new PacketFile.Reject(random.nextInt(50), outlet, "crc", PACKET + random.nextInt(3));
        spilling.reject(reject);
        unbounded.reject(reject);
      }
    }
    // longer than one chunk of the run files' strings
    ComplianceResult longDetail = alerts(alert("O1", 9, "排".repeat(30_000) + DETAIL));
    spilling.accept(longDetail);
    unbounded.accept(longDetail);

    ReplayCsvWriter.Summary summary = spilling.write(out);

    assertThat(unbounded.write(inMemory)).isEqualTo(summary);
    assertThat(summary.hours()).isGreaterThan(3);
    for (String file :
        List.of("outlet_hours.csv", "outlet_days.csv", "alerts.csv", "rejects.csv")) {
      assertThat(out.resolve(file)).hasSameBinaryContentAs(inMemory.resolve(file));
    }
    assertThat(read("alerts.csv")).contains("排".repeat(30_000));
    assertThat(temp).isEmptyDirectory();
  }

  @Test
  void closeDeletesTheRunsOfAReplayThatEndedWithoutWriting() throws IOException {
    ReplayCsvWriter writer = new ReplayCsvWriter(1, 2, temp);
    writer.accept(hours(hour("O1", "10:00", 1, "a0")));
    writer.reject(new PacketFile.Reject(1, "MN1", "crc", "##"));
    assertThat(runFiles()).hasSize(2);

    writer.close();
    writer.close();

    assertThat(temp).isEmptyDirectory();
    assertThatThrownBy(() -> writer.accept(hours(hour("O1", "10:00", 2, "a1"))))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aWriteThatFailsDeletesTheRunsToo() throws IOException {
    ReplayCsvWriter writer = new ReplayCsvWriter(1, 2, temp);
    writer.accept(hours(hour("O1", "10:00", 1, "a0")));
    writer.accept(hours(hour("O1", "11:00", 1, "a1")));
    Path notADirectory = Files.writeString(out.resolve("file"), "");

    assertThatThrownBy(() -> writer.write(notADirectory)).isInstanceOf(IOException.class);

    assertThat(temp).isEmptyDirectory();
  }

  private List<Path> runFiles() throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(temp)) {
      for (Path dir : dirs.toList()) {
        try (Stream<Path> runs = Files.list(dir)) {
          files.addAll(runs.toList());
        }
      }
    }
    return files;
  }

  private String read(String file) throws IOException {
    return Files.readString(out.resolve(file), StandardCharsets.UTF_8);
  }

  private static String file(String... lines) {
    return String.join("\r\n", lines) + "\r\n";
  }

  private static Instant cst(String day, String time) {
    return Instant.parse(day + "T" + time + ":00+08:00");
  }

  private static OutletHour hour(String outlet, String time, int version, String substitution) {
    return new OutletHour(
        outlet,
        "a21026",
        OutletKind.FLUE_GAS,
        cst("2025-01-15", time.length() == 4 ? "0" + time : time),
        version,
        Determination.MEASURED,
        null,
        60,
        60,
        0,
        0,
        0,
        0,
        45,
        new BigDecimal("100.0"),
        new BigDecimal("36.0"),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        substitution,
        null,
        null,
        null,
        null,
        null);
  }

  private static OutletDay day(String day, int version, int validHours) {
    return day("O1", day, version, validHours);
  }

  private static OutletDay day(String outlet, String day, int version, int validHours) {
    return new OutletDay(
        outlet,
        "a21026",
        OutletKind.FLUE_GAS,
        LocalDate.parse(day),
        cst(day, "00:00"),
        version,
        Determination.MEASURED,
        null,
        validHours,
        0,
        0,
        20,
        null,
        new BigDecimal("35.50"),
        null,
        null,
        null,
        null,
        null,
        null,
        0,
        0,
        null,
        0,
        1440,
        null,
        null,
        null,
        null,
        null);
  }

  private static Alert alert(String id, int revision, String detail) {
    return new Alert(
        id,
        AlertKind.EXCEEDANCE,
        Severity.CRITICAL,
        AlertLifecycle.UPDATED,
        revision,
        "O1",
        "E1",
        "MN1",
        "a21026",
        cst("2025-01-15", "10:00"),
        null,
        cst("2025-01-15", "10:05"),
        new BigDecimal("46.8"),
        new BigDecimal("30"),
        "special",
        "GB 13223",
        new BigDecimal("0.560"),
        detail);
  }

  private static ComplianceResult hours(OutletHour hour) {
    return result(List.of(hour), List.of(), List.of());
  }

  private static ComplianceResult days(OutletDay day) {
    return result(List.of(), List.of(day), List.of());
  }

  private static ComplianceResult alerts(Alert alert) {
    return result(List.of(), List.of(), List.of(alert));
  }

  private static ComplianceResult result(
      List<OutletHour> hours, List<OutletDay> days, List<Alert> alerts) {
    HourCompliance none = new HourCompliance(null, false, null);
    return new ComplianceResult(
        "MN1",
        "E1",
        cst("2025-01-15", "12:00"),
        new DeviceOutputs(List.of(), hours, days, List.of(), List.of(), alerts, null),
        Collections.nCopies(hours.size(), none),
        Collections.nCopies(days.size(), none));
  }
}
