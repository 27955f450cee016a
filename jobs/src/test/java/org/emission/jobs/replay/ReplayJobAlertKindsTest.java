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
import java.util.Locale;
import java.util.Map;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.emission.hj212.Hj212Encoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two CST days (2025-03-10 00:00 to 2025-03-11 23:59) of 2051 minute packets from seven loggers of
 * one coking plant, interleaved minute by minute as the loggers send them, replayed once through
 * the real compliance job on Flink's MiniCluster ({@link ReplayJob}). Six loggers each carry one
 * incident that one data-quality rule must raise with hand-worked outlet, pollutant, start and end
 * (all with {@code AlertThresholds.defaults()}, the thresholds {@link ReplayJob} uses); the seventh
 * is a clean logger, with its normal daily calibration, that must raise nothing.
 *
 * <p>Every logger sends SO2 ({@code a21026}), O2 ({@code a19001}) and flow ({@code a00000}) with
 * values that change every minute (a constant signal would be a FLAT_LINE after 4 h): SO2 12.0–16.8
 * mg/m3 at O2 10.5–11.5 %, so the converted SO2 is at most 16.8 × (21 − 8) / (21 − 11.5) = 22.99,
 * below 0.9 × the special limit 30 in force since 2023-01-01 (no EARLY_WARNING, no EXCEEDANCE), and
 * O2 stays far from the 19 % of DILUTION. The file's clock is the newest data time, so each packet
 * is "received" at the end of its minute and no logger is ever 30 minutes behind the others.
 */
class ReplayJobAlertKindsTest {
  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  private static final DateTimeFormatter HJ212_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
  private static final LocalDateTime DAY1 = LocalDateTime.of(2025, 3, 10, 0, 0);
  private static final int MINUTES = 2 * 1440;

  private static final String SO2 = "a21026";
  private static final String O2 = "a19001";
  private static final String FLOW = "a00000";

  private static final List<String> SIX_KINDS =
      List.of(
          "ZERO_FLOW_WITH_POLLUTANT",
          "OUT_OF_RANGE",
          "CALIBRATION_TOO_OFTEN",
          "MAINTENANCE_TOO_LONG",
          "LOW_TRANSMISSION_RATE",
          "OPERATING_BUT_SILENT");

  /** The loggers, in the order of devices.csv and of their packets within each minute. */
  private enum Logger {
    CLEAN("O-CLEAN", 1),
    ZERO_FLOW("O-ZEROFLOW", 2),
    OUT_OF_RANGE("O-RANGE", 3),
    CALIBRATION("O-CALIB", 4),
    MAINTENANCE("O-MAINT", 5),
    TRANSMISSION("O-TRANS", 6),
    SILENT("O-SILENT", 7);

    final String outletId;
    final String mn;
    final String pw;

    Logger(String outletId, int n) {
      this.outletId = outletId;
      this.mn = "ALERTKINDS0000000000000" + n;
      this.pw = "A1B2C" + n;
    }
  }

  /** One reading of a minute packet: the value as sent and its HJ 212 data flag. */
  private record Reading(double value, String flag) {}

  @TempDir static Path shared;

  private static Path out;

  // ---------------------------------------------------------------------------------------------
  // The six alert kinds

  @Test
  void zeroFlowWithSo2ReadingsRaisesZeroFlowWithPollutant() throws Exception {
    // O-ZEROFLOW: 2025-03-10 14:00-14:19 flow a00000 = 0 (flag N, valid) while SO2 reads 12-17
    // mg/m3 (valid). ZeroFlowRule counts the run from 14:00; at the 15th minute (14:14, >= the
    // zeroFlowMinMinutes 15 of AlertThresholds.defaults()) it opens with start = the run's first
    // minute 14:00. Only pollutants are judged (O2 and flow are parameters), so only a21026. At
    // 14:20 the flow is back (> 0): the alert closes with end = that minute's start 14:20.
    Map<String, String> alert = onlyAlert("ZERO_FLOW_WITH_POLLUTANT", Logger.ZERO_FLOW);
    assertThat(alert)
        .containsEntry("pollutant", SO2)
        .containsEntry("start", "2025-03-10T14:00:00+08:00")
        .containsEntry("end", "2025-03-10T14:20:00+08:00")
        .containsEntry("state", "CLOSED")
        .containsEntry("severity", "WARNING")
        .containsEntry("mn", Logger.ZERO_FLOW.mn)
        .containsEntry("enterprise_id", "E-ALERTS")
        // the threshold it was judged against: zeroFlowMinMinutes = 15
        .containsEntry("limit_value", "15")
        .containsEntry("limit_source", "zeroFlowMinMinutes");
  }

  @Test
  void overRangeSo2RaisesOutOfRange() throws Exception {
    // O-RANGE: 2025-03-10 16:00-16:14 SO2 reads 200.0, flag T (above the analyser's upper range
    // limit, HJ 212-2017 Table 8), the analyser saturated at its 0-200 mg/m3 range. OutOfRangeRule
    // opens at the first T minute (flag T always counts; analyserRanges is empty by default) with
    // start = 16:00 and peak 200 (constant, so never UPDATED); at 16:15 SO2 is back in range (flag
    // N, with a value): it closes with end = 16:15. O2 and flow stay N: only a21026.
    Map<String, String> alert = onlyAlert("OUT_OF_RANGE", Logger.OUT_OF_RANGE);
    assertThat(alert)
        .containsEntry("pollutant", SO2)
        .containsEntry("start", "2025-03-10T16:00:00+08:00")
        .containsEntry("end", "2025-03-10T16:15:00+08:00")
        .containsEntry("state", "CLOSED")
        .containsEntry("peak_value", "200");
  }

  @Test
  void fourCalibrationsInOneDayRaiseCalibrationTooOftenOnce() throws Exception {
    // O-CALIB: the SO2 analyser calibrates (flag C, 5 minutes each) at 02:00, 08:00, 14:00 and
    // 20:00 on 2025-03-10, and at 02:00, 10:00 and 18:00 on 2025-03-11. CalibrationRule counts C
    // periods per CST day: the 4th period of 03-10 (20:00) is more than calibrationMaxPerDay 3,
    // so the alert opens with start = the day's 00:00 +08:00 and peak = 4 periods. The first
    // minute of 03-11 (00:00) closes it with end = the day's end, 2025-03-11T00:00+08:00. On 03-11
    // there are exactly 3 periods, not more than 3: no second alert — one alert in all.
    Map<String, String> alert = onlyAlert("CALIBRATION_TOO_OFTEN", Logger.CALIBRATION);
    assertThat(alert)
        .containsEntry("pollutant", SO2)
        .containsEntry("start", "2025-03-10T00:00:00+08:00")
        .containsEntry("end", "2025-03-11T00:00:00+08:00")
        .containsEntry("state", "CLOSED")
        .containsEntry("peak_value", "4")
        .containsEntry("limit_value", "3");
    // each period lasts 5 minutes, far below calibrationMaxMinutes 90
    assertThat(kinds(Logger.CALIBRATION)).doesNotContain("CALIBRATION_TOO_LONG");
  }

  @Test
  void maintenanceOverADayRaisesMaintenanceTooLong() throws Exception {
    // O-MAINT: the SO2 analyser is in maintenance (flag M) from 2025-03-10 09:00 to 2025-03-11
    // 09:29, 1470 minutes. CalibrationRule counts the M run from 09:00; the run passes
    // maintenanceMaxMinutes 1440 at its 1441st minute (03-11 09:00): the alert opens with start =
    // 03-10 09:00 and peak = 1441 minutes. The first N minute, 03-11 09:30, ends the run: closed
    // with end = 09:30. O2 and flow stay N: only a21026.
    Map<String, String> alert = onlyAlert("MAINTENANCE_TOO_LONG", Logger.MAINTENANCE);
    assertThat(alert)
        .containsEntry("pollutant", SO2)
        .containsEntry("start", "2025-03-10T09:00:00+08:00")
        .containsEntry("end", "2025-03-11T09:30:00+08:00")
        .containsEntry("state", "CLOSED")
        .containsEntry("peak_value", "1441")
        .containsEntry("limit_value", "1440");
  }

  @Test
  void threeHourOutageRaisesLowTransmissionRateForTheDay() throws Exception {
    // O-TRANS: the logger sends nothing from 2025-03-10 10:00 to 12:59 (180 minutes, never
    // re-sent). Day 03-10 has 1440 - 180 = 1260 valid minutes of 1440 expected (no F minutes):
    // 87.5 % < minTransmissionPercent 95, so when the day closes (its 23:00 hour closes on the
    // first record of 03-11) TransmissionRateRule opens with start = 03-10 00:00 +08:00 and peak
    // 87.5. Day 03-11 is complete (100 %), judged at the end of the file: the rule closes the
    // episode with end = that day's start, 2025-03-11T00:00+08:00.
    for (String pollutant : List.of(SO2, O2, FLOW)) {
      // the rule judges every code's day, so the outage shows on O2 and flow as well
      Map<String, String> alert =
          onlyAlert("LOW_TRANSMISSION_RATE", Logger.TRANSMISSION, pollutant);
      assertThat(alert)
          .containsEntry("start", "2025-03-10T00:00:00+08:00")
          .containsEntry("end", "2025-03-11T00:00:00+08:00")
          .containsEntry("state", "CLOSED")
          .containsEntry("peak_value", "87.5")
          .containsEntry("limit_value", "95");
    }
    Map<String, Map<String, String>> days =
        byKey(out.resolve("outlet_days.csv"), "outlet_id", "day", "pollutant");
    assertThat(days.get("O-TRANS|2025-03-10|" + SO2)).containsEntry("transmission_percent", "87.5");
    assertThat(days.get("O-TRANS|2025-03-11|" + SO2)).containsEntry("transmission_percent", "100");
  }

  @Test
  void threeHourOutageRaisesDeviceOfflineOnTheFilesClock() throws Exception {
    // O-TRANS's last packet before the outage is its 09:59 minute, "received" at the file's clock
    // 10:00 (the end of the newest minute seen). The other loggers keep the clock moving, one
    // watermark per minute, so the device's tick at 10:30 runs once 30 minutes (offlineMinutes)
    // have passed without a packet: DEVICE_OFFLINE opens with start = 10:00 (its last receive
    // time). Its 13:00 minute, received at 13:01, closes it with end = 13:01.
    Map<String, String> alert = onlyAlert("DEVICE_OFFLINE", Logger.TRANSMISSION, "");
    assertThat(alert)
        .containsEntry("start", "2025-03-10T10:00:00+08:00")
        .containsEntry("end", "2025-03-10T13:01:00+08:00")
        .containsEntry("state", "CLOSED")
        .containsEntry("limit_value", "30");
    // every other logger sent every minute: none is ever offline
    for (Logger logger : Logger.values()) {
      if (logger != Logger.TRANSMISSION) {
        assertThat(kinds(logger)).as(logger.outletId).doesNotContain("DEVICE_OFFLINE");
      }
    }
  }

  @Test
  void onlyStopFlagsForADayWhileRegisteredOperatingRaiseOperatingButSilent() throws Exception {
    // O-SILENT (registry status: operating since 2016): normal data until 2025-03-10 07:59, then
    // every code flagged F (stopped) from 03-10 08:00 to 03-11 09:59, then normal again.
    // OperatingButSilentRule keeps the end of the last minute with a non-F reading, 03-10 08:00.
    // The F minute 03-11 07:59 ends at 03-11 08:00, 1440 minutes = silentHours 24 later: the alert
    // opens with start = 03-10 08:00 and peak 24 hours. It is outlet-level (no pollutant). The
    // first non-F minute, 03-11 10:00, closes it with end = that minute's start.
    Map<String, String> alert = onlyAlert("OPERATING_BUT_SILENT", Logger.SILENT, "");
    assertThat(alert)
        .containsEntry("start", "2025-03-10T08:00:00+08:00")
        .containsEntry("end", "2025-03-11T10:00:00+08:00")
        .containsEntry("state", "CLOSED")
        .containsEntry("peak_value", "24")
        .containsEntry("limit_value", "24");
  }

  // ---------------------------------------------------------------------------------------------
  // No false alerts

  @Test
  void cleanLoggerWithItsDailyCalibrationRaisesNoAlert() throws Exception {
    // O-CLEAN: two full days of every minute, values changing every minute, converted SO2 <=
    // 22.99 < 27 (0.9 x 30), O2 <= 11.5 %, flow >= 100000 m3/h, and one 5-minute calibration of
    // SO2 a day (03:00-03:04, 1 period <= 3, 5 minutes <= 90). Each day has 1435 valid SO2 minutes
    // of 1440 = 99.653 % >= 95. No rule has anything to raise.
    assertThat(alertsOf(Logger.CLEAN)).isEmpty();
    // ... and that is not because its data never arrived: both days were computed
    Map<String, Map<String, String>> days =
        byKey(out.resolve("outlet_days.csv"), "outlet_id", "day", "pollutant");
    for (String day : List.of("2025-03-10", "2025-03-11")) {
      assertThat(days.get("O-CLEAN|" + day + "|" + SO2))
          .containsEntry("valid", "true")
          .containsEntry("valid_hours", "24")
          .containsEntry("transmission_percent", "99.653")
          .containsEntry("exceeded", "false");
      assertThat(days.get("O-CLEAN|" + day + "|" + O2))
          .containsEntry("transmission_percent", "100");
    }
  }

  @Test
  void everyPacketIsAcceptedAndEachIncidentRaisesOnlyOneEpisodeOfItsKind() throws Exception {
    replay();
    // every line decodes, has the CRC of its frame and the MN and PW of devices.csv
    assertThat(Files.readAllLines(out.resolve("rejects.csv"))).hasSize(1);
    // one episode per incident: each rule closed its alert once and did not reopen it
    assertThat(alertsOf(Logger.ZERO_FLOW, "ZERO_FLOW_WITH_POLLUTANT")).hasSize(1);
    assertThat(alertsOf(Logger.OUT_OF_RANGE, "OUT_OF_RANGE")).hasSize(1);
    assertThat(alertsOf(Logger.CALIBRATION, "CALIBRATION_TOO_OFTEN")).hasSize(1);
    assertThat(alertsOf(Logger.MAINTENANCE, "MAINTENANCE_TOO_LONG")).hasSize(1);
    assertThat(alertsOf(Logger.TRANSMISSION, "LOW_TRANSMISSION_RATE")).hasSize(3);
    assertThat(alertsOf(Logger.SILENT, "OPERATING_BUT_SILENT")).hasSize(1);
    // which of the six kinds each logger raised: only its own incident's, except that the
    // maintenance logger's SO2 also has too few valid minutes to transmit (M minutes are
    // invalid): 03-10 has 1440 - 900 = 540 of 1440 (37.5 %), 03-11 1440 - 570 = 870 (60.417 %),
    // both below 95 %, so LOW_TRANSMISSION_RATE is right there too
    Map<Logger, List<String>> expected = new LinkedHashMap<>();
    expected.put(Logger.CLEAN, List.of());
    expected.put(Logger.ZERO_FLOW, List.of("ZERO_FLOW_WITH_POLLUTANT"));
    expected.put(Logger.OUT_OF_RANGE, List.of("OUT_OF_RANGE"));
    expected.put(Logger.CALIBRATION, List.of("CALIBRATION_TOO_OFTEN"));
    expected.put(Logger.MAINTENANCE, List.of("MAINTENANCE_TOO_LONG", "LOW_TRANSMISSION_RATE"));
    expected.put(Logger.TRANSMISSION, List.of("LOW_TRANSMISSION_RATE"));
    expected.put(Logger.SILENT, List.of("OPERATING_BUT_SILENT"));
    for (Logger logger : Logger.values()) {
      assertThat(kinds(logger).stream().filter(SIX_KINDS::contains).toList())
          .as("the six kinds raised by %s", logger.outletId)
          .containsExactlyInAnyOrderElementsOf(expected.get(logger));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The input

  /** The minute packets of all loggers, minute by minute, in the order they are sent. */
  private static List<String> packets() {
    List<String> lines = new ArrayList<>(MINUTES * Logger.values().length);
    for (int i = 0; i < MINUTES; i++) {
      LocalDateTime t = DAY1.plusMinutes(i);
      for (Logger logger : Logger.values()) {
        String packet = packet(logger, i, t);
        if (packet != null) {
          lines.add(packet);
        }
      }
    }
    return lines;
  }

  /** The packet of one logger for minute {@code i} (at {@code t}), or null when it sends none. */
  private static String packet(Logger logger, int i, LocalDateTime t) {
    // normal operation: every value changes from one minute to the next
    Reading so2 = new Reading(12.0 + (7 * i % 13) * 0.4, "N");
    Reading o2 = new Reading(10.5 + (5 * i % 11) * 0.1, "N");
    Reading flow = new Reading(100_000 + (3 * i % 17) * 500, "N");
    int day = i / 1440;
    int minuteOfDay = i % 1440;
    switch (logger) {
      case CLEAN -> {
        if (within(minuteOfDay, "03:00", "03:05")) {
          so2 = new Reading(so2.value(), "C"); // the daily automatic calibration
        }
      }
      case ZERO_FLOW -> {
        if (day == 0 && within(minuteOfDay, "14:00", "14:20")) {
          flow = new Reading(0, "N"); // the flow meter reads zero while the stack emits
        }
      }
      case OUT_OF_RANGE -> {
        if (day == 0 && within(minuteOfDay, "16:00", "16:15")) {
          so2 = new Reading(200.0, "T"); // saturated at the top of its 0-200 mg/m3 range
        }
      }
      case CALIBRATION -> {
        List<String> starts =
            day == 0
                ? List.of("02:00", "08:00", "14:00", "20:00")
                : List.of("02:00", "10:00", "18:00");
        for (String start : starts) {
          if (within(minuteOfDay, start, plus5(start))) {
            so2 = new Reading(so2.value(), "C");
          }
        }
      }
      case MAINTENANCE -> {
        if (i >= minute(0, "09:00") && i < minute(1, "09:30")) {
          so2 = new Reading(so2.value(), "M"); // the SO2 analyser is away for repair
        }
      }
      case TRANSMISSION -> {
        if (day == 0 && within(minuteOfDay, "10:00", "13:00")) {
          return null; // the logger's link is down; nothing is re-sent
        }
      }
      case SILENT -> {
        if (i >= minute(0, "08:00") && i < minute(1, "10:00")) {
          // the logger reports the unit stopped, but the registry says it operates
          so2 = new Reading(0.5 + (i % 3) * 0.1, "F");
          o2 = new Reading(20.6, "F");
          flow = new Reading(0, "F");
        }
      }
    }
    return frame(logger, t, so2, o2, flow);
  }

  /** A 2051 (minute data) packet of HJ 212-2017 with its frame and CRC. */
  private static String frame(
      Logger logger, LocalDateTime t, Reading so2, Reading o2, Reading flow) {
    String segment =
        "QN="
            + t.format(HJ212_TIME)
            + "000;ST=31;CN=2051;PW="
            + logger.pw
            + ";MN="
            + logger.mn
            + ";Flag=4;CP=&&DataTime="
            + t.format(HJ212_TIME)
            + ";"
            + cp(SO2, so2, "%.1f")
            + ";"
            + cp(O2, o2, "%.1f")
            + ";"
            + cp(FLOW, flow, "%.0f")
            + "&&";
    return Hj212Encoder.frame(segment).strip();
  }

  private static String cp(String code, Reading r, String format) {
    double spread = r.value() * 0.02;
    return code
        + "-Min="
        + String.format(Locale.ROOT, format, r.value() - spread)
        + ","
        + code
        + "-Avg="
        + String.format(Locale.ROOT, format, r.value())
        + ","
        + code
        + "-Max="
        + String.format(Locale.ROOT, format, r.value() + spread)
        + ","
        + code
        + "-Flag="
        + r.flag();
  }

  private static boolean within(int minuteOfDay, String from, String to) {
    return minuteOfDay >= minute(0, from) && minuteOfDay < minute(0, to);
  }

  /** Minutes since 2025-03-10 00:00 of {@code hhmm} on day {@code day} (0 or 1). */
  private static int minute(int day, String hhmm) {
    return day * 1440
        + Integer.parseInt(hhmm.substring(0, 2)) * 60
        + Integer.parseInt(hhmm.substring(3, 5));
  }

  private static String plus5(String hhmm) {
    int m = minute(0, hhmm) + 5;
    return String.format(Locale.ROOT, "%02d:%02d", m / 60, m % 60);
  }

  // ---------------------------------------------------------------------------------------------
  // The replay, once for all tests, and its results

  /**
   * Runs the replay on the first call (inside a test, where the MiniCluster's environment is the
   * context environment) and keeps its output directory for the other tests.
   */
  private static synchronized void replay() throws Exception {
    if (out != null) {
      return;
    }
    Path packets = shared.resolve("packets.txt");
    Files.write(packets, packets(), StandardCharsets.UTF_8);
    Path dir = shared.resolve("out");
    ReplayJob.run(StreamExecutionEnvironment.getExecutionEnvironment(), registry(), packets, dir);
    out = dir;
  }

  private static List<Map<String, String>> alertsOf(Logger logger) throws Exception {
    replay();
    List<Map<String, String>> rows = new ArrayList<>();
    for (Map<String, String> row : ReplayCsvWriter.read(out.resolve("alerts.csv"))) {
      if (row.get("outlet_id").equals(logger.outletId)) {
        rows.add(row);
      }
    }
    return rows;
  }

  private static List<Map<String, String>> alertsOf(Logger logger, String kind) throws Exception {
    return alertsOf(logger).stream().filter(a -> a.get("kind").equals(kind)).toList();
  }

  private static List<String> kinds(Logger logger) throws Exception {
    return alertsOf(logger).stream().map(a -> a.get("kind")).distinct().toList();
  }

  /** The single alert of {@code kind} on the logger's SO2. */
  private static Map<String, String> onlyAlert(String kind, Logger logger) throws Exception {
    return onlyAlert(kind, logger, SO2);
  }

  /** The single alert of {@code kind} on the logger's outlet and {@code pollutant}. */
  private static Map<String, String> onlyAlert(String kind, Logger logger, String pollutant)
      throws Exception {
    List<Map<String, String>> found =
        alertsOf(logger, kind).stream().filter(a -> a.get("pollutant").equals(pollutant)).toList();
    assertThat(found)
        .as("%s alerts of %s on '%s' in %s", kind, logger.outletId, pollutant, alertsOf(logger))
        .hasSize(1);
    return found.get(0);
  }

  private static Map<String, Map<String, String>> byKey(Path csv, String... keyColumns)
      throws Exception {
    Map<String, Map<String, String>> byKey = new LinkedHashMap<>();
    for (Map<String, String> row : ReplayCsvWriter.read(csv)) {
      List<String> key = new ArrayList<>();
      for (String column : keyColumns) {
        key.add(row.get(column));
      }
      byKey.put(String.join("|", key), row);
    }
    return byKey;
  }

  private static Path registry() throws Exception {
    return Path.of(
            ReplayJobAlertKindsTest.class.getResource("/registry-alert-kinds/outlets.csv").toURI())
        .getParent();
  }
}
