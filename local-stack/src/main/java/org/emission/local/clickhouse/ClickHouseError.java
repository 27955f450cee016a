package org.emission.local.clickhouse;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An exception as ClickHouse's HTTP interface reports it: the numeric code (header {@code
 * X-ClickHouse-Exception-Code}), the HTTP status the server maps it to, and the message text.
 */
record ClickHouseError(int code, int httpStatus, String message) {
  static final int BAD_ARGUMENTS = 36;
  static final int CHECKSUM_DOESNT_MATCH = 40;
  static final int NOT_IMPLEMENTED = 48;
  static final int SYNTAX_ERROR = 62;
  static final int UNKNOWN_COMPRESSION_METHOD = 89;
  static final int READONLY = 164;
  static final int REQUIRED_PASSWORD = 194;
  static final int TOO_MANY_SIMULTANEOUS_QUERIES = 202;
  static final int CANNOT_DECOMPRESS = 271;
  static final int ZLIB_INFLATE_FAILED = 354;
  static final int SESSION_NOT_FOUND = 372;
  static final int SESSION_IS_LOCKED = 373;
  static final int INVALID_SESSION_TIMEOUT = 374;
  static final int HTTP_LENGTH_REQUIRED = 381;
  static final int QUERY_WAS_CANCELLED = 394;
  static final int AUTHENTICATION_FAILED = 516;
  static final int UNKNOWN_EXCEPTION = 1002;

  private static final Pattern CODE = Pattern.compile("^Code: (\\d+)\\.");

  /**
   * Codes answered with 403 Forbidden: UNKNOWN_USER, WRONG_PASSWORD, ACCESS_DENIED,
   * SET_NON_GRANTED_ROLE, AUTHENTICATION_FAILED. This and the sets below follow
   * src/Server/HTTP/exceptionCodeToHTTPStatus.cpp, with the numbers of src/Common/ErrorCodes.cpp as
   * chDB 26.7 reports them in {@code system.errors}.
   */
  private static final Set<Integer> FORBIDDEN = Set.of(192, 193, 497, 512, 516);

  /** Codes answered with 400 Bad Request: malformed input and queries. */
  private static final Set<Integer> BAD_REQUEST =
      Set.of(
          6, 8, 15, 25, 26, 27, 36, 37, 38, 41, 44, 53, 62, 72, 117, 123, 167, 168, 223, 321, 376,
          427, 441, 675, 676);

  /** Codes answered with 404 Not Found: unknown tables, functions, settings, formats. */
  private static final Set<Integer> NOT_FOUND =
      Set.of(46, 47, 50, 56, 60, 63, 73, 78, 81, 115, 152, 336, 511);

  static ClickHouseError of(int code, String message) {
    return new ClickHouseError(code, httpStatus(code), message);
  }

  /** Parses chDB's error text, which starts like the server's: {@code Code: 62. DB::...}. */
  static ClickHouseError fromEngine(String text) {
    Matcher matcher = CODE.matcher(text);
    boolean coded = matcher.find();
    int code = coded ? Integer.parseInt(matcher.group(1)) : UNKNOWN_EXCEPTION;
    String message = coded ? text : "Code: " + code + ". DB::Exception: " + text;
    return of(code, message.strip());
  }

  static int httpStatus(int code) {
    if (code == REQUIRED_PASSWORD) {
      return 401;
    }
    if (FORBIDDEN.contains(code)) {
      return 403;
    }
    if (BAD_REQUEST.contains(code)) {
      return 400;
    }
    if (NOT_FOUND.contains(code)) {
      return 404;
    }
    return switch (code) {
      case 229 -> 413; // QUERY_IS_TOO_LARGE
      case NOT_IMPLEMENTED -> 501;
      case 209, 76, 439 -> 503; // SOCKET_TIMEOUT, CANNOT_OPEN_FILE, CANNOT_SCHEDULE_TASK
      case HTTP_LENGTH_REQUIRED -> 411;
      case 159 -> 408; // TIMEOUT_EXCEEDED
      case 779 -> 415; // UNSUPPORTED_MEDIA_TYPE
      default -> 500;
    };
  }

  /** The same error with another message. */
  ClickHouseError withMessage(String newMessage) {
    return new ClickHouseError(code, httpStatus, newMessage);
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
