package org.emission.local.clickhouse;

import java.util.Locale;

/** The Content-Type ClickHouse's HTTP interface sends for each output format. */
final class ClickHouseFormats {
  private ClickHouseFormats() {}

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
              || f.contains("compacteachrow")
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
