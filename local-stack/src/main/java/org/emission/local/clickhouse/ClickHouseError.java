package org.emission.local.clickhouse;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An exception as ClickHouse's HTTP interface reports it: the numeric code (header {@code
 * X-ClickHouse-Exception-Code}), the HTTP status the server maps it to, and the message text.
 */
record ClickHouseError(int code, int httpStatus, String message) {
  static final int UNKNOWN_EXCEPTION = 1002;
  static final int SYNTAX_ERROR = 62;
  static final int UNKNOWN_SETTING = 115;
  static final int READONLY = 164;
  static final int CHECKSUM_DOESNT_MATCH = 40;
  static final int UNKNOWN_COMPRESSION_METHOD = 89;
  static final int CANNOT_DECOMPRESS = 271;
  static final int AUTHENTICATION_FAILED = 516;
  static final int REQUIRED_PASSWORD = 194;
  static final int HTTP_LENGTH_REQUIRED = 381;

  private static final Pattern CODE = Pattern.compile("^Code: (\\d+)\\.");

  /** Codes that ClickHouse's HTTP handler answers with 400 Bad Request (malformed input). */
  private static final Set<Integer> BAD_REQUEST =
      Set.of(
          6, 25, 26, 27, 32, 33, 38, 41, 49, 50, 53, 62, 72, 117, 167, 168, 223, 321, 354, 377, 472,
          473, 1001);

  /** Codes answered with 404 Not Found (unknown objects). */
  private static final Set<Integer> NOT_FOUND = Set.of(46, 47, 56, 60, 63, 73, 75, 81, 86, 115);

  static ClickHouseError of(int code, String message) {
    return new ClickHouseError(code, httpStatus(code), message);
  }

  /** Parses chDB's error text, which starts like the server's: {@code Code: 62. DB::...}. */
  static ClickHouseError fromEngine(String text) {
    Matcher matcher = CODE.matcher(text);
    int code = matcher.find() ? Integer.parseInt(matcher.group(1)) : UNKNOWN_EXCEPTION;
    String message = matcher.find(0) ? text : "Code: " + code + ". DB::Exception: " + text;
    return of(code, message.strip());
  }

  static int httpStatus(int code) {
    if (code == REQUIRED_PASSWORD) {
      return 401;
    }
    if (code == AUTHENTICATION_FAILED || code == 192 || code == 193 || code == 195) {
      return 403;
    }
    if (BAD_REQUEST.contains(code)) {
      return 400;
    }
    if (NOT_FOUND.contains(code)) {
      return 404;
    }
    if (code == READONLY) {
      return 403;
    }
    if (code == HTTP_LENGTH_REQUIRED) {
      return 411;
    }
    if (code == 48) {
      return 501;
    }
    if (code == 209 || code == 76) {
      return 503;
    }
    return 500;
  }

  /** The response body: the message and the server's version note, as ClickHouse writes it. */
  String body(String version) {
    String text = message;
    if (!text.contains("(version ")) {
      text = text + " (version " + version + " (official build))";
    }
    return text + "\n";
  }
}
