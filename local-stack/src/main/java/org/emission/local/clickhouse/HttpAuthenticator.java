package org.emission.local.clickhouse;

import com.sun.net.httpserver.Headers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Who a request is, decided as src/Server/HTTP/authenticateUserByHTTP.cpp decides it: the {@code
 * X-ClickHouse-User}/{@code -Key} headers, else HTTP Basic auth, else the {@code user}/{@code
 * password} parameters (user {@code default} when none is given). Mixing two of these is refused,
 * as is a wrong password or unknown user (516 AUTHENTICATION_FAILED, HTTP 403).
 */
final class HttpAuthenticator {
  private final Map<String, String> users;

  /**
   * @param users user name to password
   */
  HttpAuthenticator(Map<String, String> users) {
    this.users = Map.copyOf(users);
  }

  /** Returns the authenticated user name, or throws the server's exception. */
  String authenticate(Headers headers, HttpQueryRequest request) {
    String user = valueOrEmpty(headers.getFirst("X-ClickHouse-User"));
    String password = valueOrEmpty(headers.getFirst("X-ClickHouse-Key"));
    String authorization = headers.getFirst("Authorization");
    boolean hasAuthHeaders = !user.isEmpty() || !password.isEmpty();
    boolean hasHttpCredentials = authorization != null;
    boolean hasParams = request.has("user") || request.has("password");
    if (hasAuthHeaders) {
      checkNotEmpty(user, "X-ClickHouse HTTP headers");
      if (hasHttpCredentials) {
        throw multiple("X-ClickHouse HTTP headers", "Authorization HTTP header");
      }
      if (hasParams) {
        throw multiple("X-ClickHouse HTTP headers", "authentication via parameters");
      }
    } else if (hasHttpCredentials) {
      if (hasParams) {
        throw multiple("Authorization HTTP header", "authentication via parameters");
      }
      String[] basic = basic(authorization);
      user = basic[0];
      password = basic[1];
      checkNotEmpty(user, "Authorization HTTP header");
    } else {
      user = request.has("user") ? request.get("user") : "default";
      password = valueOrEmpty(request.get("password"));
      checkNotEmpty(user, "authentication via parameters");
    }
    String expected = users.get(user);
    if (expected == null || !expected.equals(password)) {
      throw failed(
          user
              + ": Authentication failed: password is incorrect, or there is no user with such"
              + " name.");
    }
    return user;
  }

  private static String[] basic(String authorization) {
    String trimmed = authorization.strip();
    int space = trimmed.indexOf(' ');
    String scheme = space < 0 ? trimmed : trimmed.substring(0, space);
    if (!scheme.equalsIgnoreCase("Basic")) {
      throw failed(
          "Invalid authentication: '" + scheme + "' HTTP Authorization scheme is not supported");
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(trimmed.substring(space + 1).strip()),
              StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw failed("Invalid authentication: malformed Basic credentials");
    }
    int colon = decoded.indexOf(':');
    return colon < 0
        ? new String[] {decoded, ""}
        : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
  }

  private static void checkNotEmpty(String user, String method) {
    if (user.isEmpty()) {
      throw failed("Got an empty user name from " + method);
    }
  }

  private static ClickHouseException multiple(String first, String second) {
    return failed(
        "Invalid authentication: it is not allowed to use "
            + first
            + " and "
            + second
            + " simultaneously");
  }

  private static ClickHouseException failed(String message) {
    return new ClickHouseException(
        ClickHouseError.of(
            ClickHouseError.AUTHENTICATION_FAILED,
            "Code: 516. DB::Exception: "
                + message
                + (message.endsWith(".") ? " " : ". ")
                + "(AUTHENTICATION_FAILED)"));
  }

  private static String valueOrEmpty(String value) {
    return value == null ? "" : value;
  }
}
