package org.emission.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A registry CSV file read by header name (RFC 4180: commas, double-quoted cells with doubled
 * quotes; a BOM is dropped). The registry's validation is {@code RegistryLoader}'s and {@code
 * DeviceDirectory}'s; this reader only fetches the simulator's own extra columns.
 */
final class CsvTable {

  private final Path file;
  private final Map<String, Integer> columns;
  private final List<List<String>> rows;

  private CsvTable(Path file, Map<String, Integer> columns, List<List<String>> rows) {
    this.file = file;
    this.columns = columns;
    this.rows = rows;
  }

  static CsvTable read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<List<String>> all = parse(text);
    if (all.isEmpty()) {
      throw new IllegalArgumentException(file + ": no header row");
    }
    Map<String, Integer> columns = new HashMap<>();
    List<String> header = all.get(0);
    for (int i = 0; i < header.size(); i++) {
      columns.putIfAbsent(header.get(i).trim().toLowerCase(Locale.ROOT), i);
    }
    return new CsvTable(file, columns, all.subList(1, all.size()));
  }

  int size() {
    return rows.size();
  }

  /** The trimmed cell, or "" when the column is absent or the row short. */
  String get(int row, String column) {
    Integer i = columns.get(column);
    List<String> cells = rows.get(row);
    return i == null || i >= cells.size() ? "" : cells.get(i).trim();
  }

  /** A required cell. */
  String require(int row, String column) {
    String v = get(row, column);
    if (v.isEmpty()) {
      throw new IllegalArgumentException(
          file + ": row " + (row + 2) + ": column " + column + " is required");
    }
    return v;
  }

  private static List<List<String>> parse(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
        continue;
      }
      if (c == '"') {
        quoted = true;
        any = true;
      } else if (c == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
        any = true;
      } else if (c == '\n') {
        cells.add(cell.toString());
        cell.setLength(0);
        if (any || cells.size() > 1 || !cells.get(0).isBlank()) {
          rows.add(cells);
        }
        cells = new ArrayList<>();
        any = false;
      } else if (c != '\r') {
        cell.append(c);
        any = true;
      }
    }
    if (any || cell.length() > 0) {
      cells.add(cell.toString());
      rows.add(cells);
    }
    return rows;
  }
}
