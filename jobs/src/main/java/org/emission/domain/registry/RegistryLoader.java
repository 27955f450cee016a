package org.emission.domain.registry;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Loads and validates the registry directory. Every bad row is reported with file, line, column and
 * reason; all errors of all files are collected before failing.
 *
 * <p>Files (UTF-8, optional BOM, comma separated, RFC 4180 quoting, a header row; header names are
 * matched case-insensitively; blank rows are skipped; columns not listed here are ignored, so a
 * clerk may add a notes column; other files in the directory are ignored, so optional files such as
 * meters or factors can be added later):
 *
 * <dl>
 *   <dt>{@code enterprises.csv}
 *   <dd>{@code enterprise_id} (unique), {@code name}, {@code region}, {@code district}, {@code
 *       park} (may be empty), {@code sector} (a key such as {@code power}, {@code coking}; limit
 *       rows refer to it).
 *   <dt>{@code outlets.csv}
 *   <dd>{@code outlet_id} (unique), {@code enterprise_id} (must exist), {@code name}, {@code kind}
 *       ({@code flue_gas} | {@code wastewater}), {@code mn} (HJ 212 MN, unique, 1–24 characters
 *       {@code [0-9A-Za-z]}), {@code facility} (may be empty), {@code o2_ref} (reference O2 in %,
 *       {@code 0 <= o2_ref < 21}; must be empty for wastewater; empty for flue gas when the
 *       standard sets none), {@code status} ({@code operating} | {@code stopped} | {@code
 *       decommissioned}), {@code status_since} (ISO date {@code yyyy-MM-dd}). Optional columns:
 *       {@code flow_unit} ({@code m3/h} | {@code m3/s} | {@code L/s}; default {@code m3/h} for flue
 *       gas, {@code L/s} for wastewater; the unit the logger sends a00000/w00000 in) and {@code
 *       min_interval} (the logger's HJ 212 MinInterval in minutes, one of 1, 2, 3, 4, 5, 6, 10, 12,
 *       15, 20, 30; default 1; the host sets it on first connection, HJ 212-2017 §6.7).
 *   <dt>{@code limits.csv}
 *   <dd>{@code outlet_id} (an outlet id, or {@code sector:<sector>} for every outlet of enterprises
 *       with that sector), {@code pollutant} (HJ 212 code, e.g. {@code a21026}), {@code kind}
 *       ({@code standard} | {@code special} | {@code ultra_low} | {@code permit}), {@code value}
 *       (decimal > 0), {@code unit} ({@code mg/m3} for flue gas at dry standard state, {@code mg/L}
 *       for wastewater; {@code mg/Nm3} and {@code mg/m³} are read as {@code mg/m3}), {@code
 *       averaging} ({@code hour} | {@code day}), {@code effective_from} (ISO date, inclusive from
 *       00:00 +08:00), {@code effective_to} (ISO date, exclusive — the first day no longer covered;
 *       empty = open), {@code source} (the standard or document). Two rows for the same target,
 *       pollutant, kind and averaging must not overlap in time.
 *   <dt>{@code devices.csv} (optional; the gateway's list of loggers)
 *   <dd>{@code mn} (unique), {@code outlet_id} (must exist), optional {@code flue} (a label). A row
 *       whose MN is its outlet's own is that outlet's logger; any other row is a further logger of
 *       the outlet, one flue of a shared stack, judged as a monitoring point of its own ({@link
 *       FlueDevice}). An MN of another outlet is an error. Other columns (the password, simulator
 *       settings) are the gateway's.
 * </dl>
 */
public final class RegistryLoader {

  public static final String ENTERPRISES = "enterprises.csv";
  public static final String OUTLETS = "outlets.csv";
  public static final String LIMITS = "limits.csv";
  public static final String DEVICES = "devices.csv";

  private static final Pattern MN = Pattern.compile("[0-9A-Za-z]{1,24}");
  private static final Pattern POLLUTANT = Pattern.compile("[a-z][0-9]{5}");

  private final List<RegistryError> errors = new ArrayList<>();

  // ids and sectors written in any row, valid or not, so a bad row does not cascade into errors
  // on the rows that refer to it
  private final Set<String> enterpriseIdsSeen = new HashSet<>();
  private final Set<String> sectorsSeen = new HashSet<>();
  private final Set<String> outletIdsSeen = new HashSet<>();
  private boolean enterprisesComplete;
  private boolean outletsComplete;

  private RegistryLoader() {}

  /**
   * Loads {@code enterprises.csv}, {@code outlets.csv} and {@code limits.csv} from {@code dir}.
   *
   * @throws RegistryException listing every error found in all files
   */
  public static Registry load(Path dir) throws RegistryException {
    return new RegistryLoader().loadAll(dir);
  }

  private Registry loadAll(Path dir) throws RegistryException {
    Table enterpriseTable =
        read(
            dir,
            ENTERPRISES,
            List.of("enterprise_id", "name", "region", "district", "park", "sector"));
    Table outletTable =
        read(
            dir,
            OUTLETS,
            List.of(
                "outlet_id",
                "enterprise_id",
                "name",
                "kind",
                "mn",
                "facility",
                "o2_ref",
                "status",
                "status_since"));
    Table limitTable =
        read(
            dir,
            LIMITS,
            List.of(
                "outlet_id",
                "pollutant",
                "kind",
                "value",
                "unit",
                "averaging",
                "effective_from",
                "effective_to",
                "source"));

    Table deviceTable =
        Files.exists(dir.resolve(DEVICES))
            ? read(dir, DEVICES, List.of("mn", "outlet_id"))
            : new Table(DEVICES, Map.of(), List.of(), true);

    enterprisesComplete = enterpriseTable.complete();
    outletsComplete = outletTable.complete();
    Map<String, Enterprise> enterprises = enterprises(enterpriseTable);
    Map<String, Outlet> outlets = outlets(outletTable, enterprises);
    List<LimitRule> limits = limits(limitTable, enterprises, outlets);
    List<FlueDevice> flues = flues(deviceTable, outlets);
    if (!errors.isEmpty()) {
      throw new RegistryException(errors);
    }
    return Registry.of(enterprises.values(), outlets.values(), flues, limits);
  }

  private List<FlueDevice> flues(Table t, Map<String, Outlet> outlets) {
    Map<String, Outlet> outletsByMn = new HashMap<>();
    outlets.values().forEach(o -> outletsByMn.put(o.mn(), o));
    Map<String, Integer> mnLines = new HashMap<>();
    List<FlueDevice> result = new ArrayList<>();
    for (Csv.Row row : t.rows) {
      Cells c = new Cells(t, row);
      String mn = c.required("mn");
      String outletId = c.required("outlet_id");
      if (mn != null && !MN.matcher(mn).matches()) {
        c.error("mn", "MN '" + mn + "' must be 1 to 24 characters 0-9, A-Z (HJ 212-2017 Table 3)");
      }
      if (outletId != null && !outletIdsSeen.contains(outletId) && outletsComplete) {
        c.error("outlet_id", "unknown outlet '" + outletId + "' (not in " + OUTLETS + ")");
      }
      Outlet owner = mn == null ? null : outletsByMn.get(mn);
      if (owner != null && outletId != null && !owner.id().equals(outletId)) {
        c.error(
            "mn",
            "MN '"
                + mn
                + "' is the logger of outlet "
                + owner.id()
                + " in "
                + OUTLETS
                + ", not of "
                + outletId);
      }
      boolean mnUnique = mn == null || unique(mnLines, mn, c, "mn", "mn");
      Outlet outlet = outletId == null ? null : outlets.get(outletId);
      if (mnUnique && c.ok() && owner == null && outlet != null) {
        result.add(new FlueDevice(mn, outletId, c.get("flue")));
      }
    }
    return result;
  }

  private Map<String, Enterprise> enterprises(Table t) {
    Map<String, Enterprise> result = new LinkedHashMap<>();
    Map<String, Integer> firstLine = new HashMap<>();
    for (Csv.Row row : t.rows) {
      Cells c = new Cells(t, row);
      String id = c.required("enterprise_id");
      String name = c.required("name");
      String region = c.required("region");
      String district = c.required("district");
      String park = c.get("park");
      String sector = c.required("sector");
      if (id != null) {
        enterpriseIdsSeen.add(id);
      }
      if (sector != null) {
        sectorsSeen.add(sector);
      }
      if (id != null && unique(firstLine, id, c, "enterprise_id", "enterprise_id") && c.ok()) {
        result.put(id, new Enterprise(id, name, region, district, park, sector));
      }
    }
    return result;
  }

  private Map<String, Outlet> outlets(Table t, Map<String, Enterprise> enterprises) {
    Map<String, Outlet> result = new LinkedHashMap<>();
    Map<String, Integer> idLines = new HashMap<>();
    Map<String, Integer> mnLines = new HashMap<>();
    for (Csv.Row row : t.rows) {
      Cells c = new Cells(t, row);
      String id = c.required("outlet_id");
      String enterpriseId = c.required("enterprise_id");
      String name = c.required("name");
      OutletKind kind = c.parse("kind", OutletKind::parse, "flue_gas or wastewater");
      String mn = c.required("mn");
      String facility = c.get("facility");
      OutletStatus status =
          c.parse("status", OutletStatus::parse, "operating, stopped or decommissioned");
      LocalDate since = c.date("status_since", true);
      if (id != null) {
        outletIdsSeen.add(id);
      }
      if (enterpriseId != null
          && !enterpriseIdsSeen.contains(enterpriseId)
          && enterprisesComplete) {
        c.error(
            "enterprise_id",
            "unknown enterprise '" + enterpriseId + "' (not in " + ENTERPRISES + ")");
      }
      if (mn != null && !MN.matcher(mn).matches()) {
        c.error("mn", "MN '" + mn + "' must be 1 to 24 characters 0-9, A-Z (HJ 212-2017 Table 3)");
      }
      Double o2Ref = null;
      BigDecimal o2 = c.decimal("o2_ref", false);
      if (o2 != null) {
        if (kind == OutletKind.WASTEWATER) {
          c.error("o2_ref", "must be empty for a wastewater outlet");
        } else if (o2.signum() < 0 || o2.compareTo(BigDecimal.valueOf(21)) >= 0) {
          c.error("o2_ref", "reference O2 " + o2 + " % must be at least 0 and below 21");
        } else {
          o2Ref = o2.doubleValue();
        }
      }
      FlowUnit flowUnit =
          kind == OutletKind.WASTEWATER ? FlowUnit.LITRES_PER_SECOND : FlowUnit.M3_PER_HOUR;
      String unitText = c.get("flow_unit");
      if (!unitText.isEmpty()) {
        FlowUnit parsed = FlowUnit.parse(unitText);
        if (parsed == null) {
          c.error("flow_unit", "'" + unitText + "' is not a flow unit; expected m3/h, m3/s or L/s");
        } else {
          flowUnit = parsed;
        }
      }
      int minInterval = 1;
      String intervalText = c.get("min_interval");
      if (!intervalText.isEmpty()) {
        Integer parsed = null;
        try {
          parsed = Integer.valueOf(intervalText);
        } catch (NumberFormatException e) {
          // reported below
        }
        if (parsed == null || !Outlet.MIN_INTERVALS.contains(parsed)) {
          c.error(
              "min_interval",
              "'"
                  + intervalText
                  + "' is not an HJ 212 MinInterval; expected one of 1, 2, 3, 4, 5,"
                  + " 6, 10, 12, 15, 20, 30 (minutes)");
        } else {
          minInterval = parsed;
        }
      }
      boolean idUnique = id == null || unique(idLines, id, c, "outlet_id", "outlet_id");
      boolean mnUnique = mn == null || unique(mnLines, mn, c, "mn", "mn");
      if (idUnique && mnUnique && c.ok()) {
        result.put(
            id,
            new Outlet(
                id,
                enterpriseId,
                name,
                kind,
                mn,
                facility,
                o2Ref,
                status,
                since,
                flowUnit,
                minInterval));
      }
    }
    return result;
  }

  private List<LimitRule> limits(
      Table t, Map<String, Enterprise> enterprises, Map<String, Outlet> outlets) {
    List<LimitRule> result = new ArrayList<>();
    for (Csv.Row row : t.rows) {
      Cells c = new Cells(t, row);
      String target = c.required("outlet_id");
      String outletId = null;
      String sector = null;
      if (target != null) {
        if (target.startsWith(LimitRule.SECTOR_PREFIX)) {
          sector = target.substring(LimitRule.SECTOR_PREFIX.length()).trim();
          if (sector.isEmpty()) {
            c.error("outlet_id", "'" + target + "' names no sector; write sector:<sector>");
          } else if (!sectorsSeen.contains(sector) && enterprisesComplete) {
            c.error(
                "outlet_id", "no enterprise in " + ENTERPRISES + " has sector '" + sector + "'");
          }
        } else {
          outletId = target;
          if (!outletIdsSeen.contains(outletId) && outletsComplete) {
            c.error(
                "outlet_id",
                "unknown outlet '"
                    + outletId
                    + "' (not in "
                    + OUTLETS
                    + "; for a sector write sector:<sector>)");
          }
        }
      }
      String pollutant = c.required("pollutant");
      if (pollutant != null && !POLLUTANT.matcher(pollutant).matches()) {
        c.error(
            "pollutant", "'" + pollutant + "' is not an HJ 212-2017 code such as a21026 or w01018");
      }
      LimitKind kind = c.parse("kind", LimitKind::parse, "standard, special, ultra_low or permit");
      BigDecimal value = c.decimal("value", true);
      if (value != null && value.signum() <= 0) {
        c.error("value", "limit value " + value + " must be greater than 0");
      }
      String unit = unit(c);
      Outlet outlet = outletId == null ? null : outlets.get(outletId);
      if (unit != null && outlet != null) {
        String expected = outlet.kind() == OutletKind.WASTEWATER ? "mg/L" : "mg/m3";
        if (!expected.equals(unit)) {
          c.error(
              "unit",
              "outlet "
                  + outletId
                  + " is "
                  + outlet.kind().code()
                  + "; its limits are in "
                  + expected);
        }
      }
      Averaging averaging = c.parse("averaging", Averaging::parse, "hour or day");
      LocalDate from = c.date("effective_from", true);
      LocalDate to = c.date("effective_to", false);
      if (from != null && to != null && !to.isAfter(from)) {
        c.error(
            "effective_to",
            "effective_to " + to + " must be after effective_from " + from + " (it is exclusive)");
      }
      String source = c.required("source");
      if (!c.ok()) {
        continue;
      }
      LimitRule rule =
          new LimitRule(
              target,
              outletId,
              sector,
              pollutant,
              kind,
              value,
              unit,
              averaging,
              from,
              to,
              source,
              row.line());
      for (LimitRule earlier : result) {
        if (earlier.target().equals(rule.target())
            && earlier.pollutant().equals(rule.pollutant())
            && earlier.kind() == rule.kind()
            && earlier.averaging() == rule.averaging()
            && earlier.overlaps(rule)) {
          c.error(
              "effective_from",
              "overlaps the "
                  + kind.code()
                  + " "
                  + pollutant
                  + " row at line "
                  + earlier.line()
                  + " for "
                  + target
                  + "; end the older row with effective_to");
          break;
        }
      }
      if (c.ok()) {
        result.add(rule);
      }
    }
    return result;
  }

  private static String unit(Cells c) {
    String text = c.required("unit");
    if (text == null) {
      return null;
    }
    String norm = text.replace('³', '3').toLowerCase(Locale.ROOT);
    if (norm.equals("mg/m3") || norm.equals("mg/nm3")) {
      return "mg/m3";
    }
    if (norm.equals("mg/l")) {
      return "mg/L";
    }
    c.error("unit", "'" + text + "' is not a limit unit; expected mg/m3 or mg/L");
    return null;
  }

  private boolean unique(
      Map<String, Integer> seen, String key, Cells c, String column, String what) {
    Integer first = seen.putIfAbsent(key, c.row.line());
    if (first != null) {
      c.error(column, "duplicate " + what + " '" + key + "' (first at line " + first + ")");
      return false;
    }
    return true;
  }

  /** A file's header and rows; {@code complete} is false when the file or a column is missing. */
  private record Table(
      String file, Map<String, Integer> columns, List<Csv.Row> rows, boolean complete) {}

  private Table read(Path dir, String file, List<String> required) {
    Path path = dir.resolve(file);
    if (!Files.isRegularFile(path)) {
      errors.add(new RegistryError(file, 0, "", "file is missing from " + dir));
      return new Table(file, Map.of(), List.of(), false);
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(path)))
              .toString();
    } catch (CharacterCodingException e) {
      errors.add(new RegistryError(file, 0, "", "not UTF-8 text; save the sheet as CSV UTF-8"));
      return new Table(file, Map.of(), List.of(), false);
    } catch (IOException e) {
      errors.add(new RegistryError(file, 0, "", "cannot be read: " + e.getMessage()));
      return new Table(file, Map.of(), List.of(), false);
    }
    Csv.Result csv = Csv.parse(text);
    csv.problems().forEach(p -> errors.add(new RegistryError(file, p.line(), "", p.reason())));
    List<Csv.Row> rows = new ArrayList<>(csv.rows());
    rows.removeIf(Csv.Row::isBlank);
    if (rows.isEmpty()) {
      errors.add(
          new RegistryError(file, 1, "", "no header row; expected " + String.join(",", required)));
      return new Table(file, Map.of(), List.of(), false);
    }
    Csv.Row header = rows.remove(0);
    Map<String, Integer> columns = new LinkedHashMap<>();
    for (int i = 0; i < header.cells().size(); i++) {
      String name = header.cells().get(i).trim().toLowerCase(Locale.ROOT);
      if (name.isEmpty()) {
        continue;
      }
      if (columns.putIfAbsent(name, i) != null) {
        errors.add(
            new RegistryError(file, header.line(), name, "column appears twice in the header"));
      }
    }
    boolean complete = true;
    for (String col : required) {
      if (!columns.containsKey(col)) {
        errors.add(
            new RegistryError(
                file, header.line(), col, "required column is missing from the header"));
        complete = false;
      }
    }
    int width = header.cells().size();
    for (Csv.Row row : rows) {
      for (int i = width; i < row.cells().size(); i++) {
        if (!row.cells().get(i).isBlank()) {
          errors.add(
              new RegistryError(
                  file,
                  row.line(),
                  "",
                  "more cells than the header has columns (cell " + (i + 1) + ")"));
          break;
        }
      }
    }
    return new Table(file, columns, complete ? rows : List.of(), complete);
  }

  /** The cells of one row, reporting into the loader's error list. */
  private final class Cells {
    private final Table table;
    private final Csv.Row row;
    private int rowErrors;

    Cells(Table table, Csv.Row row) {
      this.table = table;
      this.row = row;
    }

    boolean ok() {
      return rowErrors == 0;
    }

    void error(String column, String reason) {
      rowErrors++;
      errors.add(new RegistryError(table.file(), row.line(), column, reason));
    }

    /** The trimmed cell, or "" when the column is absent or the row is short. */
    String get(String column) {
      Integer i = table.columns().get(column);
      if (i == null || i >= row.cells().size()) {
        return "";
      }
      return row.cells().get(i).trim();
    }

    String required(String column) {
      String v = get(column);
      if (v.isEmpty()) {
        error(column, "value is required");
        return null;
      }
      return v;
    }

    <T> T parse(String column, java.util.function.Function<String, T> parser, String expected) {
      String v = required(column);
      if (v == null) {
        return null;
      }
      T parsed = parser.apply(v);
      if (parsed == null) {
        error(column, "'" + v + "' is not allowed; expected " + expected);
      }
      return parsed;
    }

    LocalDate date(String column, boolean requiredValue) {
      String v = requiredValue ? required(column) : get(column);
      if (v == null || v.isEmpty()) {
        return null;
      }
      try {
        return LocalDate.parse(v);
      } catch (DateTimeParseException e) {
        error(column, "'" + v + "' is not an ISO date; expected yyyy-MM-dd, e.g. 2023-01-01");
        return null;
      }
    }

    BigDecimal decimal(String column, boolean requiredValue) {
      String v = requiredValue ? required(column) : get(column);
      if (v == null || v.isEmpty()) {
        return null;
      }
      try {
        return new BigDecimal(v);
      } catch (NumberFormatException e) {
        error(column, "'" + v + "' is not a number; write a plain decimal such as 35 or 6.5");
        return null;
      }
    }
  }
}
