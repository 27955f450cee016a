package org.emission.jobs.replay;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.emission.domain.Cst;
import org.emission.domain.InvalidReason;
import org.emission.domain.aggregate.HourCompliance;
import org.emission.domain.aggregate.OutletDay;
import org.emission.domain.aggregate.OutletHour;
import org.emission.domain.alert.Alert;
import org.emission.domain.registry.Csv;
import org.emission.jobs.compliance.ComplianceResult;
import org.emission.jobs.replay.SortedRuns.Cursor;
import org.emission.jobs.replay.SortedRuns.RowKind;
import org.emission.jobs.replay.SortedRuns.RunDirectory;

/**
 * Writes what a replay computed as CSV files with a header row: the latest version of each hour and
 * day value (as the ReplacingMergeTree tables would hold it) and the latest state of each alert,
 * sorted by their keys, plus the rejected lines.
 *
 * <p>A replay can produce far more rows than fit in memory, so this is an external merge sort: each
 * row is kept as its CSV line, at most {@code runRows} rows per file in memory; beyond that they
 * go, sorted, to a run file in a temporary directory, and {@link #write} merges the runs. Memory
 * stays bounded whatever the size of the replay. The temporary files are deleted by {@link #write},
 * or by {@link #close} when the replay ends without it.
 */
public final class ReplayCsvWriter implements Closeable {
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

  /** Rows per file held in memory before they go to a run file: a few hundred bytes each. */
  private static final int RUN_ROWS = 100_000;

  /** Runs of one level merged into one of the next: keeps the open files of the merge few. */
  private static final int MERGE_WIDTH = 16;

  private static final String CRLF = "\r\n";

  /** Chars per writeUTF call: at most 3 bytes each, within its limit of 65535 bytes. */
  private static final int UTF_CHUNK = 65535 / 3;

  private final RunDirectory runDirectory;
  private final SortedRuns<Versioned> hours;
  private final SortedRuns<Versioned> days;
  private final SortedRuns<Versioned> alerts;
  private final SortedRuns<ArrivedReject> rejects;
  private long arrivals;
  private boolean closed;

  public ReplayCsvWriter() {
    this(RUN_ROWS, MERGE_WIDTH, null);
  }

  /**
   * @param runRows rows per file held in memory before they go to a run file
   * @param mergeWidth how many runs of one level are merged into one of the next level (at least 2)
   * @param tempParent where the temporary directory of the runs goes, or null for the system's
   */
  ReplayCsvWriter(int runRows, int mergeWidth, Path tempParent) {
    if (runRows < 1 || mergeWidth < 2) {
      throw new IllegalArgumentException(
          "runRows must be at least 1 and mergeWidth at least 2: " + runRows + ", " + mergeWidth);
    }
    runDirectory = new RunDirectory(tempParent);
    hours = new SortedRuns<>(VersionedRows.INSTANCE, runDirectory, runRows, mergeWidth);
    days = new SortedRuns<>(VersionedRows.INSTANCE, runDirectory, runRows, mergeWidth);
    alerts = new SortedRuns<>(VersionedRows.INSTANCE, runDirectory, runRows, mergeWidth);
    rejects = new SortedRuns<>(RejectRows.INSTANCE, runDirectory, runRows, mergeWidth);
  }

  /** A row of a file with one row per key: its CSV line, without the line end. */
  private record Versioned(String key, long version, long arrival, String line) {}

  private record ArrivedReject(PacketFile.Reject reject, long arrival) {}

  /** Takes one result of the compliance operator. */
  public void accept(ComplianceResult result) {
    requireOpen();
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
    requireOpen();
    add(rejects, new ArrivedReject(reject, arrivals++));
  }

  /**
   * Writes the four files into {@code dir}, creating it if needed, and deletes the temporary files,
   * also when it fails. Once only: the writer is closed afterwards.
   */
  public Summary write(Path dir) throws IOException {
    requireOpen();
    try {
      Files.createDirectories(dir);
      long hourRows = write(dir.resolve("outlet_hours.csv"), HOUR_COLUMNS, hours);
      long dayRows = write(dir.resolve("outlet_days.csv"), DAY_COLUMNS, days);
      long alertRows = write(dir.resolve("alerts.csv"), ALERT_COLUMNS, alerts);
      long rejectRows = write(dir.resolve("rejects.csv"), REJECT_COLUMNS, rejects);
      return new Summary(rejectRows, hourRows, dayRows, alertRows);
    } finally {
      close();
    }
  }

  /** Drops what was gathered and deletes the temporary files (best effort); idempotent. */
  @Override
  public void close() {
    closed = true;
    hours.clear();
    days.clear();
    alerts.clear();
    rejects.clear();
    runDirectory.delete();
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

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("this writer has written its files or is closed");
    }
  }

  private void keep(SortedRuns<Versioned> file, String key, long version, List<String> fields) {
    add(file, new Versioned(key, version, arrivals++, csvLine(fields)));
  }

  private static <T> void add(SortedRuns<T> file, T row) {
    try {
      file.add(row);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a run file of the replay's rows", e);
    }
  }

  /** Writes the header and the rows, sorted and one per key; returns the count of rows. */
  private static <T> long write(Path file, List<String> header, SortedRuns<T> rows)
      throws IOException {
    long count = 0;
    try (Cursor<T> sorted = rows.sorted();
        BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(csvLine(header));
      out.write(CRLF);
      for (T row = sorted.next(); row != null; row = sorted.next()) {
        out.write(rows.kind().line(row));
        out.write(CRLF);
        count++;
      }
    }
    return count;
  }

  /** RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled. */
  private static String csvLine(List<String> fields) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        line.append(',');
      }
      String f = fields.get(i);
      if (f.indexOf(',') >= 0
          || f.indexOf('"') >= 0
          || f.indexOf('\n') >= 0
          || f.indexOf('\r') >= 0) {
        line.append('"').append(f.replace("\"", "\"\"")).append('"');
      } else {
        line.append(f);
      }
    }
    return line.toString();
  }

  /** Hours, days and alerts: one row per key, the highest version, of equal ones the later. */
  private static final class VersionedRows implements RowKind<Versioned> {
    static final VersionedRows INSTANCE = new VersionedRows();

    private static final Comparator<Versioned> ORDER =
        Comparator.comparing(Versioned::key).thenComparingLong(Versioned::arrival);

    @Override
    public Comparator<Versioned> order() {
      return ORDER;
    }

    @Override
    public Cursor<Versioned> reduce(Cursor<Versioned> sorted) {
      return new LatestPerKey(sorted);
    }

    @Override
    public void write(DataOutputStream out, Versioned row) throws IOException {
      writeString(out, row.key());
      out.writeLong(row.version());
      out.writeLong(row.arrival());
      writeString(out, row.line());
    }

    @Override
    public Versioned read(DataInputStream in) throws IOException {
      return new Versioned(readString(in), in.readLong(), in.readLong(), readString(in));
    }

    @Override
    public String line(Versioned row) {
      return row.line();
    }
  }

  /** Of each key's rows, sorted by arrival, the one with the highest version, of equal the last. */
  private static final class LatestPerKey implements Cursor<Versioned> {
    private final Cursor<Versioned> sorted;
    private Versioned ahead;
    private boolean started;

    LatestPerKey(Cursor<Versioned> sorted) {
      this.sorted = sorted;
    }

    @Override
    public Versioned next() throws IOException {
      if (!started) {
        ahead = sorted.next();
        started = true;
      }
      Versioned latest = ahead;
      if (latest == null) {
        return null;
      }
      while ((ahead = sorted.next()) != null && ahead.key().equals(latest.key())) {
        if (ahead.version() >= latest.version()) {
          latest = ahead;
        }
      }
      return latest;
    }

    @Override
    public void close() throws IOException {
      sorted.close();
    }
  }

  /** Rejects: all of them, in the order of the file, whichever subtask found them. */
  private static final class RejectRows implements RowKind<ArrivedReject> {
    static final RejectRows INSTANCE = new RejectRows();

    private static final Comparator<ArrivedReject> ORDER =
        Comparator.comparingLong((ArrivedReject r) -> r.reject().line())
            .thenComparing(r -> r.reject().mn())
            .thenComparing(r -> r.reject().reason())
            .thenComparing(r -> r.reject().text())
            .thenComparingLong(ArrivedReject::arrival);

    @Override
    public Comparator<ArrivedReject> order() {
      return ORDER;
    }

    @Override
    public Cursor<ArrivedReject> reduce(Cursor<ArrivedReject> sorted) {
      return sorted;
    }

    @Override
    public void write(DataOutputStream out, ArrivedReject row) throws IOException {
      out.writeLong(row.reject().line());
      writeString(out, row.reject().mn());
      writeString(out, row.reject().reason());
      writeString(out, row.reject().text());
      out.writeLong(row.arrival());
    }

    @Override
    public ArrivedReject read(DataInputStream in) throws IOException {
      PacketFile.Reject reject =
          new PacketFile.Reject(in.readLong(), readString(in), readString(in), readString(in));
      return new ArrivedReject(reject, in.readLong());
    }

    @Override
    public String line(ArrivedReject row) {
      PacketFile.Reject r = row.reject();
      return csvLine(List.of(Long.toString(r.line()), r.mn(), r.reason(), r.text()));
    }
  }

  /**
   * Modified UTF-8 (writeUTF) keeps every char, unpaired surrogates too, so a row reads back
   * exactly as it was; long strings go in chunks.
   */
  private static void writeString(DataOutputStream out, String s) throws IOException {
    out.writeInt(s.length());
    for (int from = 0; from < s.length(); from += UTF_CHUNK) {
      out.writeUTF(s.substring(from, Math.min(s.length(), from + UTF_CHUNK)));
    }
  }

  private static String readString(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length <= UTF_CHUNK) {
      return length == 0 ? "" : in.readUTF();
    }
    StringBuilder s = new StringBuilder(length);
    while (s.length() < length) {
      s.append(in.readUTF());
    }
    return s.toString();
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
