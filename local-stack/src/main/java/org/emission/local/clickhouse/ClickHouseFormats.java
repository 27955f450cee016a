package org.emission.local.clickhouse;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * ClickHouse's output formats: their names as the server spells them (from {@code system.formats},
 * so that {@code X-ClickHouse-Format} carries e.g. {@code JSONEachRow} for {@code format
 * jsoneachrow}) and the Content-Type the HTTP interface sends for each.
 */
final class ClickHouseFormats {
  private final Map<String, String> byLowerCase = new HashMap<>();

  /**
   * @param names the output format names chDB knows, as it spells them
   */
  ClickHouseFormats(Iterable<String> names) {
    for (String name : names) {
      byLowerCase.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
    }
  }

  /** The format's name as ClickHouse spells it, or the given text for an unknown format. */
  String canonical(String format) {
    String name = byLowerCase.get(format.toLowerCase(Locale.ROOT));
    return name == null ? format : name;
  }

  static String contentType(String format) {
    String f = format.toLowerCase(Locale.ROOT);
    if (f.startsWith("tabseparated") || f.startsWith("tsv")) {
      return "text/tab-separated-values; charset=UTF-8";
    }
    if (f.startsWith("csv")) {
      return "text/csv; charset=UTF-8; header=" + (f.contains("withnames") ? "present" : "absent");
    }
    if (f.startsWith("json") || f.startsWith("ndjson")) {
      return f.contains("eachrow") || f.contains("lines") || f.contains("ndjson")
          ? "application/x-ndjson; charset=UTF-8"
          : "application/json; charset=UTF-8";
    }
    if (f.equals("xml")) {
      return "application/xml; charset=UTF-8";
    }
    if (f.startsWith("pretty") || f.equals("vertical") || f.equals("markdown")) {
      return "text/plain; charset=UTF-8";
    }
    return "application/octet-stream";
  }
}
