package org.emission.local.clickhouse;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.emission.local.SharedServices;

/**
 * Plain HTTP requests to the ClickHouse under test (embedded, or CLICKHOUSE_URL), for the tests
 * that check the wire protocol itself rather than a client library.
 */
final class RawHttp {
  static final String USER = System.getenv().getOrDefault("CLICKHOUSE_USER", "default");
  static final String PASSWORD = System.getenv().getOrDefault("CLICKHOUSE_PASSWORD", "");

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private RawHttp() {}

  static String baseUrl() {
    String url = SharedServices.clickHouseUrl();
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  static String basicAuth(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** URL parameters in order, encoded. */
  static String query(Map<String, String> params) {
    StringJoiner joined = new StringJoiner("&");
    params.forEach(
        (k, v) ->
            joined.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return joined.toString();
  }

  static Map<String, String> params(String... keyValues) {
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      params.put(keyValues[i], keyValues[i + 1]);
    }
    return params;
  }

  static HttpRequest.Builder request(String path, Map<String, String> params) {
    String q = query(params);
    return HttpRequest.newBuilder(URI.create(baseUrl() + path + (q.isEmpty() ? "" : "?" + q)))
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", basicAuth(USER, PASSWORD));
  }

  /** POSTs {@code sql} as the body with the given URL parameters. */
  static HttpResponse<byte[]> post(String sql, Map<String, String> params) {
    return send(request("/", params).POST(HttpRequest.BodyPublishers.ofString(sql)).build());
  }

  static HttpResponse<byte[]> get(Map<String, String> params) {
    return send(request("/", params).GET().build());
  }

  static HttpResponse<byte[]> send(HttpRequest request) {
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IllegalStateException("request failed: " + request.uri(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  static String header(HttpResponse<byte[]> response, String name) {
    return response.headers().firstValue(name).orElse(null);
  }
}
