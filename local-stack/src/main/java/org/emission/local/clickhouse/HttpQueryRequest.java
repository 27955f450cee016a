package org.emission.local.clickhouse;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The URL parameters of a request to ClickHouse's HTTP interface, split as the server splits them:
 * reserved parameters, {@code param_<name>} query parameters, and everything else as settings.
 */
record HttpQueryRequest(
    String query,
    String database,
    String defaultFormat,
    String queryId,
    String user,
    String password,
    boolean compressResponse,
    boolean decompressRequest,
    Map<String, String> settings,
    Map<String, String> parameters) {

  /** Parameters the server reads itself and never treats as settings. */
  private static final Set<String> RESERVED =
      Set.of(
          "query",
          "database",
          "default_format",
          "query_id",
          "user",
          "password",
          "quota_key",
          "session_id",
          "session_timeout",
          "session_check",
          "compress",
          "decompress",
          "buffer_size",
          "wait_end_of_query",
          "stacktrace",
          "role",
          "client_protocol_version",
          "close_session",
          "http_response_headers");

  static HttpQueryRequest parse(String rawQuery) {
    Map<String, String> all = new LinkedHashMap<>();
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        all.put(name, value);
      }
    }
    Map<String, String> settings = new LinkedHashMap<>();
    Map<String, String> parameters = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : all.entrySet()) {
      String name = entry.getKey();
      if (name.startsWith("param_")) {
        parameters.put(name.substring("param_".length()), entry.getValue());
      } else if (!RESERVED.contains(name)) {
        settings.put(name, entry.getValue());
      }
    }
    return new HttpQueryRequest(
        all.getOrDefault("query", ""),
        all.get("database"),
        all.get("default_format"),
        all.get("query_id"),
        all.get("user"),
        all.get("password"),
        "1".equals(all.get("compress")),
        "1".equals(all.get("decompress")),
        settings,
        parameters);
  }

  boolean httpCompressionEnabled() {
    String value = settings.get("enable_http_compression");
    return "1".equals(value) || "true".equalsIgnoreCase(value);
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
