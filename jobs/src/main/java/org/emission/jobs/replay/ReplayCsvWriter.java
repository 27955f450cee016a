package org.emission.jobs.replay;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.emission.domain.Cst;
import org.emission.domain.InvalidReason;
import org.emission.domain.aggregate.HourCompliance;
import org.emission.domain.aggregate.OutletDay;
import org.emission.domain.aggregate.OutletHour;
import org.emission.domain.alert.Alert;
import org.emission.domain.registry.Csv;
import org.emission.jobs.compliance.ComplianceResult;

/**
 * Writes what a replay computed as CSV files with a header row: the latest version of each hour and
 * day value (as the ReplacingMergeTree tables would hold it) and the latest state of each alert,
 * sorted by their keys, plus the rejected lines.
 */
public final class ReplayCsvWriter {
  static final List<String> HOUR_COLUMNS =
      List.of(
          "outlet_id",
          "mn",
          "hour_start",
          "pollutant",
          "valid",
          "valid_minutes",
          "invalid_reason",
          "avg_measured",
          "avg_converted",
          "mass_kg",
          "limit_value",
          "limit_kind",
          "limit_source",
          "exceeded",
          "multiple",
          "enterprise_id",
          "method",
          "required_valid_minutes",
          "stop_minutes",
          "invalid_minutes",
          "missing_minutes",
          "availability_percent",
          "flow_m3h",
          "mass_method",
          "substitution",
          "logger_avg",
          "version");
  static final List<String> DAY_COLUMNS =
      List.of(
          "outlet_id",
          "day",
          "pollutant",
          "valid",
          "valid_hours",
          "avg_measured",
          "avg_converted",
          "mass_kg",
          "invalid_reason",
          "stop_hours",
          "availability_percent",
          "transmission_percent",
          "mass_method",
          "limit_value",
          "limit_kind",
          "limit_source",
          "exceeded",
          "multiple",
          "enterprise_id",
          "logger_avg",
          "version");
  static final List<String> ALERT_COLUMNS =
      List.of(
          "alert_id",
          "kind",
          "outlet_id",
          "pollutant",
          "start",
          "end",
          "peak_value",
          "limit_value",
          "multiple",
          "severity",
          "state",
          "mn",
          "enterprise_id",
          "limit_kind",
          "limit_source",
          "revision",
          "detail");
  static final List<String> REJECT_COLUMNS = List.of("line", "mn", "reason", "packet");

  private final Map<String, Versioned> hours = new TreeMap<>();
  private final Map<String, Versioned> days = new TreeMap<>();
  private final Map<String, Versioned> alerts = new TreeMap<>();
  private final List<PacketFile.Reject> rejects = new ArrayList<>();

  private record Versioned(long version, List<String> row) {}

  /** Takes one result of the compliance operator. */
  public void accept(ComplianceResult result) {
    for (int i = 0; i < result.outputs().hours().size(); i++) {
      OutletHour h = result.outputs().hours().get(i);
      HourCompliance j = result.hourJudgements().get(i);
      keep(
          hours,
          h.outletId() + "|" + h.pollutant() + "|" + h.hourStart(),
          h.version(),
          List.of(
              h.outletId(),
              result.mn(),
              time(h.hourStart()),
              h.pollutant(),
              Boolean.toString(h.isMeasured()),
              Integer.toString(h.validMinutes()),
              reason(h.invalidReason()),
              num(h.concentration()),
              num(h.convertedConcentration()),
              num(h.massKg()),
              num(j.limitValue()),
              j.limitKindCode(),
              j.limitSource(),
              Boolean.toString(j.exceeded()),
              num(j.multiple()),
              result.enterpriseId(),
              h.determination().name(),
              Integer.toString(h.requiredValidMinutes()),
              Integer.toString(h.stopMinutes()),
              Integer.toString(h.invalidMinutes()),
              Integer.toString(h.missingMinutes()),
              num(h.availabilityPercent()),
              num(h.flowM3h()),
              h.massDetermination() == null ? "" : h.massDetermination().name(),
              h.substitution() == null ? "" : h.substitution(),
              num(h.loggerAvg()),
              Integer.toString(h.version())));
    }
    for (int i = 0; i < result.outputs().days().size(); i++) {
      OutletDay d = result.outputs().days().get(i);
      HourCompliance j = result.dayJudgements().get(i);
      keep(
          days,
          d.outletId() + "|" + d.pollutant() + "|" + d.day(),
          d.version(),
          List.of(
              d.outletId(),
              d.day().toString(),
              d.pollutant(),
              Boolean.toString(d.isMeasured()),
              Integer.toString(d.validHours()),
              num(d.concentration()),
              num(d.convertedConcentration()),
              num(d.massKg()),
              reason(d.invalidReason()),
              Integer.toString(d.stopHours()),
              num(d.availabilityPercent()),
              num(d.transmissionPercent()),
              d.massDetermination() == null ? "" : d.massDetermination().name(),
              num(j.limitValue()),
              j.limitKindCode(),
              j.limitSource(),
              Boolean.toString(j.exceeded()),
              num(j.multiple()),
              result.enterpriseId(),
              num(d.loggerAvg()),
              Integer.toString(d.version())));
    }
    for (Alert a : result.outputs().alerts()) {
      keep(
          alerts,
          a.id(),
          a.revision(),
          List.of(
              a.id(),
              a.kind().name(),
              a.outletId(),
              a.pollutant() == null ? "" : a.pollutant(),
              time(a.start()),
              a.end() == null ? "" : time(a.end()),
              num(a.peakValue()),
              num(a.limitValue()),
              num(a.exceedanceMultiple()),
              a.severity().name(),
              a.lifecycle().name(),
              a.mn() == null ? "" : a.mn(),
              a.enterpriseId() == null ? "" : a.enterpriseId(),
              a.limitKind() == null ? "" : a.limitKind(),
              a.limitSource() == null ? "" : a.limitSource(),
              Integer.toString(a.revision()),
              a.detail() == null ? "" : a.detail()));
    }
  }

  public void reject(PacketFile.Reject reject) {
    rejects.add(reject);
  }

  /** Writes the four files into {@code dir}, creating it if needed. */
  public Summary write(Path dir) throws IOException {
    Files.createDirectories(dir);
    write(dir.resolve("outlet_hours.csv"), HOUR_COLUMNS, rows(hours));
    write(dir.resolve("outlet_days.csv"), DAY_COLUMNS, rows(days));
    write(dir.resolve("alerts.csv"), ALERT_COLUMNS, rows(alerts));
    // in the order of the file, whichever subtask found them
    List<List<String>> rejectRows = new ArrayList<>(rejects.size());
    rejects.stream()
        .sorted(
            Comparator.comparingLong(PacketFile.Reject::line)
                .thenComparing(PacketFile.Reject::mn)
                .thenComparing(PacketFile.Reject::reason)
                .thenComparing(PacketFile.Reject::text))
        .forEach(
            r -> rejectRows.add(List.of(Long.toString(r.line()), r.mn(), r.reason(), r.text())));
    write(dir.resolve("rejects.csv"), REJECT_COLUMNS, rejectRows);
    return new Summary(rejects.size(), hours.size(), days.size(), alerts.size());
  }

  /** What a replay wrote. */
  public record Summary(long rejects, long hours, long days, long alerts) {

    /** Counts the rows of the files {@link #write} wrote into {@code dir}. */
    public static Summary of(Path dir) throws IOException {
      return new Summary(
          rowsIn(dir.resolve("rejects.csv")),
          rowsIn(dir.resolve("outlet_hours.csv")),
          rowsIn(dir.resolve("outlet_days.csv")),
          rowsIn(dir.resolve("alerts.csv")));
    }

    /** Records after the header: line ends outside quoted fields (RFC 4180), less one. */
    private static long rowsIn(Path file) throws IOException {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      long records = 0;
      boolean quoted = false;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '"') {
          quoted = !quoted;
        } else if (c == '\n' && !quoted) {
          records++;
        }
      }
      return records - 1;
    }
  }

  /** The rows of a file {@link #write} wrote (RFC 4180), each by column name. */
  public static List<Map<String, String>> read(Path csv) throws IOException {
    List<Csv.Row> records = Csv.parse(Files.readString(csv, StandardCharsets.UTF_8)).rows();
    List<String> header = records.get(0).cells();
    List<Map<String, String>> rows = new ArrayList<>();
    for (Csv.Row record : records.subList(1, records.size())) {
      if (record.isBlank()) {
        continue;
      }
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        row.put(header.get(i), i < record.cells().size() ? record.cells().get(i) : "");
      }
      rows.add(row);
    }
    return rows;
  }

  private static void keep(Map<String, Versioned> map, String key, long version, List<String> row) {
    Versioned current = map.get(key);
    if (current == null || version >= current.version()) {
      map.put(key, new Versioned(version, row));
    }
  }

  private static List<List<String>> rows(Map<String, Versioned> map) {
    List<List<String>> rows = new ArrayList<>(map.size());
    map.values().forEach(v -> rows.add(v.row()));
    return rows;
  }

  private static void write(Path file, List<String> header, List<List<String>> rows)
      throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      line(out, header);
      for (List<String> row : rows) {
        line(out, row);
      }
    }
  }

  /** RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled. */
  private static void line(BufferedWriter out, List<String> fields) throws IOException {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      String f = fields.get(i);
      if (f.indexOf(',') >= 0
          || f.indexOf('"') >= 0
          || f.indexOf('\n') >= 0
          || f.indexOf('\r') >= 0) {
        out.write('"');
        out.write(f.replace("\"", "\"\""));
        out.write('"');
      } else {
        out.write(f);
      }
    }
    out.write("\r\n");
  }

  static String time(Instant t) {
    return java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.atOffset(Cst.OFFSET));
  }

  private static String num(BigDecimal value) {
    return value == null ? "" : value.stripTrailingZeros().toPlainString();
  }

  private static String reason(InvalidReason reason) {
    return reason == null ? "" : reason.code();
  }
}
