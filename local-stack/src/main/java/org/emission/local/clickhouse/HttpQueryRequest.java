package org.emission.local.clickhouse;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The URL parameters of a request to ClickHouse's HTTP interface, split as HTTPHandler splits them:
 * reserved parameters the handler reads itself, {@code param_<name>} query parameters, and
 * everything else as settings, applied in the order given (a repeated name: the last value wins).
 */
record HttpQueryRequest(
    Map<String, String> all, Map<String, String> settings, Map<String, String> parameters) {

  /** HTTPHandler's {@code reserved_param_names}, plus {@code query} of the dynamic handler. */
  private static final Set<String> RESERVED =
      Set.of(
          "query",
          "compress",
          "decompress",
          "user",
          "password",
          "quota_key",
          "query_id",
          "stacktrace",
          "role",
          "buffer_size",
          "wait_end_of_query",
          "session_id",
          "session_timeout",
          "session_check",
          "client_protocol_version",
          "close_session",
          "database",
          "default_format");

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
        if (!name.isEmpty()) {
          all.remove(name);
          all.put(name, value);
        }
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
        Collections.unmodifiableMap(all),
        Collections.unmodifiableMap(settings),
        Collections.unmodifiableMap(parameters));
  }

  String get(String name) {
    return all.get(name);
  }

  boolean has(String name) {
    return all.containsKey(name);
  }

  String query() {
    return all.getOrDefault("query", "");
  }

  /** {@code compress=1}: the response in ClickHouse's compressed blocks. */
  boolean compressResponse() {
    return flag("compress");
  }

  /** {@code decompress=1}: the body arrives in ClickHouse's compressed blocks. */
  boolean decompressRequest() {
    return flag("decompress");
  }

  boolean closeSession() {
    return flag("close_session");
  }

  boolean sessionCheck() {
    return "1".equals(all.get("session_check"));
  }

  /** {@code client_protocol_version}, 0 when absent; the Native format follows it. */
  long clientProtocolVersion() {
    String value = all.get("client_protocol_version");
    if (value == null || value.isEmpty()) {
      return 0;
    }
    try {
      return Long.parseUnsignedLong(value.strip());
    } catch (NumberFormatException e) {
      throw new ClickHouseException(
          ClickHouseError.of(
              6,
              "Code: 6. DB::Exception: Cannot parse input: expected an unsigned number in"
                  + " client_protocol_version '"
                  + value
                  + "'. (CANNOT_PARSE_TEXT)"));
    }
  }

  private boolean flag(String name) {
    String value = all.get(name);
    return "1".equals(value) || "true".equalsIgnoreCase(value);
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
