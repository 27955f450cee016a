package org.emission.local.clickhouse;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.InflaterInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ClickHouse's HTTP interface in front of chDB, faithful enough that unmodified clients (the
 * {@code clickhouse-jdbc} driver, Grafana's ClickHouse data source, the Node.js client) work
 * against it as against a server.
 *
 * <p>chDB cannot open ClickHouse's own listeners, so this class implements the protocol: {@code
 * /ping}; the query in the URL ({@code query=}) and/or the body, INSERT data after the query;
 * {@code default_format} and {@code X-ClickHouse-Format}; {@code database}; {@code query_id};
 * settings and {@code param_} query parameters as URL parameters; Basic auth, {@code
 * X-ClickHouse-User}/{@code -Key} or {@code user}/{@code password}; ClickHouse's compressed blocks
 * ({@code compress=1}, {@code decompress=1}) and HTTP compression; errors as the server reports
 * them; and the response headers clients read.
 */
public final class ClickHouseHttpServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ClickHouseHttpServer.class);
  private static final Pattern FORMAT_CLAUSE =
      Pattern.compile("(?is)\\bFORMAT\\s+([A-Za-z0-9_]+)\\s*;?\\s*$");
  private static final Pattern INSERT =
      Pattern.compile("(?is)^\\s*(?:--[^\\n]*\\n\\s*|/\\*.*?\\*/\\s*)*INSERT\\b");
  /** Settings that only steer the HTTP layer; the server accepts them, chDB has no use for them. */
  private static final List<String> HTTP_ONLY_SETTINGS =
      List.of("send_progress_in_http_headers", "http_headers_progress_interval_ms");

  private final ChdbEngine engine;
  private final Map<String, String> users;
  private final HttpServer server;
  private final ExecutorService executor;
  private final String version;
  private final String timezone;
  private final String displayName;
  private final AtomicLong queries = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();

  /**
   * @param users user name to password; a request must name one of them (an empty password is
   *     allowed when configured so)
   */
  public ClickHouseHttpServer(
      ChdbEngine engine, String host, int port, Map<String, String> users, int threads)
      throws IOException, InterruptedException {
    this.engine = engine;
    this.users = Map.copyOf(users);
    String[] about = serverInfo(engine);
    this.version = about[0];
    this.timezone = about[1];
    this.displayName = about[2];
    this.server = HttpServer.create(new InetSocketAddress(host, port), 128);
    AtomicInteger counter = new AtomicInteger();
    this.executor =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread thread = new Thread(r, "clickhouse-http-" + counter.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public String url() {
    return "http://" + server.getAddress().getHostString() + ":" + port();
  }

  public String version() {
    return version;
  }

  public long queriesServed() {
    return queries.get();
  }

  public long queriesFailed() {
    return failures.get();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private static String[] serverInfo(ChdbEngine engine) throws InterruptedException {
    ChdbEngine.QueryOutcome outcome =
        engine.execute("SELECT version(), timezone(), displayName()", "TabSeparated");
    if (outcome.failed()) {
      throw new IllegalStateException("chDB does not answer: " + outcome.error());
    }
    return new String(outcome.body(), StandardCharsets.UTF_8).strip().split("\t");
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String method = exchange.getRequestMethod();
      if (path.equals("/ping") || path.equals("/replicas_status")) {
        sendText(exchange, 200, "Ok.\n");
        return;
      }
      if (!path.equals("/") && !path.isEmpty()) {
        sendText(
            exchange,
            404,
            "There is no handle " + path + "\n\nUse / or /ping for health checks.\n");
        return;
      }
      HttpQueryRequest request = HttpQueryRequest.parse(exchange.getRequestURI().getRawQuery());
      byte[] body = readBody(exchange, request);
      if (method.equals("GET") && request.query().isEmpty() && body.length == 0) {
        sendText(exchange, 200, "Ok.\n");
        return;
      }
      if (!method.equals("GET") && !method.equals("POST") && !method.equals("HEAD")) {
        sendText(exchange, 405, "Method " + method + " is not allowed\n");
        return;
      }
      serveQuery(exchange, request, body);
    } catch (ClickHouseException e) {
      failures.incrementAndGet();
      sendError(exchange, e.error(), null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      sendError(exchange, ClickHouseError.of(394, "Code: 394. DB::Exception: Query was cancelled. (QUERY_WAS_CANCELLED)"), null);
    } catch (RuntimeException e) {
      failures.incrementAndGet();
      LOG.warn("request failed", e);
      sendError(
          exchange,
          ClickHouseError.of(
              ClickHouseError.UNKNOWN_EXCEPTION,
              "Code: 1002. DB::Exception: " + e + ". (UNKNOWN_EXCEPTION)"),
          null);
    }
  }

  private void serveQuery(HttpExchange exchange, HttpQueryRequest request, byte[] body)
      throws IOException, InterruptedException {
    String user = authenticate(exchange, request);
    Headers in = exchange.getRequestHeaders();
    String queryId = request.queryId();
    if (queryId == null || queryId.isEmpty()) {
      queryId = UUID.randomUUID().toString();
    }
    String database = request.database();
    if (database == null || database.isEmpty()) {
      database = in.getFirst("X-ClickHouse-Database");
    }
    if (database == null || database.isEmpty()) {
      database = "default";
    }
    String format = request.defaultFormat();
    if (format == null || format.isEmpty()) {
      format = in.getFirst("X-ClickHouse-Format");
    }
    if (format == null || format.isEmpty()) {
      format = "TabSeparated";
    }
    byte[] statement = statement(request.query(), body);
    String text = head(statement);
    boolean insert = INSERT.matcher(text).find();
    String outputFormat = format;
    if (!insert) {
      Matcher clause = FORMAT_CLAUSE.matcher(text);
      if (clause.find()) {
        outputFormat = clause.group(1);
      }
    }

    ChdbEngine.QueryOutcome outcome;
    try (ChdbEngine.Connection connection = engine.borrow()) {
      if (exchange.getRequestMethod().equals("GET") && !connection.isReadOnly(statement)) {
        throw new ClickHouseException(
            ClickHouseError.of(
                ClickHouseError.READONLY,
                "Code: 164. DB::Exception: Cannot execute query in readonly mode."
                    + " For queries over HTTP, method GET implies readonly. You should use method"
                    + " POST for modifying queries. (READONLY)"));
      }
      outcome = run(connection, database, request, statement, format);
    }
    queries.incrementAndGet();
    Headers out = exchange.getResponseHeaders();
    out.set("X-ClickHouse-Query-Id", queryId);
    out.set("X-ClickHouse-Server-Display-Name", displayName);
    out.set("X-ClickHouse-Timezone", timezone);
    out.set("X-ClickHouse-User", user);
    if (outcome.failed()) {
      failures.incrementAndGet();
      sendError(exchange, ClickHouseError.fromEngine(outcome.error()), queryId);
      return;
    }
    out.set("X-ClickHouse-Format", outputFormat);
    out.set("Content-Type", ClickHouseFormats.contentType(outputFormat));
    out.set("X-ClickHouse-Summary", summary(outcome));
    out.set("Keep-Alive", "timeout=30");
    byte[] payload = outcome.body();
    if (request.compressResponse()) {
      payload = ClickHouseCompressedBlocks.compress(payload);
    } else if (request.httpCompressionEnabled()) {
      payload = httpCompress(exchange, payload);
    }
    if (exchange.getRequestMethod().equals("HEAD")) {
      exchange.sendResponseHeaders(200, -1);
      return;
    }
    exchange.sendResponseHeaders(200, payload.length == 0 ? -1 : payload.length);
    if (payload.length > 0) {
      try (OutputStream stream = exchange.getResponseBody()) {
        stream.write(payload);
      }
    }
  }

  /**
   * Applies the request's database and settings to the borrowed connection, runs the statement,
   * and puts the connection back as it was, so that no request leaks session state into the next.
   */
  private ChdbEngine.QueryOutcome run(
      ChdbEngine.Connection connection,
      String database,
      HttpQueryRequest request,
      byte[] statement,
      String format) {
    List<String> applied = new ArrayList<>();
    try {
      ChdbEngine.QueryOutcome use = sql(connection, "USE " + quoteIdentifier(database));
      if (use.failed()) {
        return use;
      }
      for (Map.Entry<String, String> setting : request.settings().entrySet()) {
        if (HTTP_ONLY_SETTINGS.contains(setting.getKey())) {
          continue;
        }
        ChdbEngine.QueryOutcome set =
            sql(
                connection,
                "SET " + quoteIdentifier(setting.getKey()) + " = " + quote(setting.getValue()));
        if (set.failed()) {
          return set;
        }
        applied.add(setting.getKey());
      }
      return connection.query(statement, format, request.parameters());
    } finally {
      for (String name : applied) {
        sql(connection, "SET " + quoteIdentifier(name) + " = DEFAULT");
      }
      sql(connection, "USE default");
    }
  }

  private static ChdbEngine.QueryOutcome sql(ChdbEngine.Connection connection, String text) {
    return connection.query(text.getBytes(StandardCharsets.UTF_8), "TabSeparated", Map.of());
  }

  private String authenticate(HttpExchange exchange, HttpQueryRequest request) {
    Headers in = exchange.getRequestHeaders();
    String user = in.getFirst("X-ClickHouse-User");
    String password = in.getFirst("X-ClickHouse-Key");
    String authorization = in.getFirst("Authorization");
    if (user == null && authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      String decoded =
          new String(
              Base64.getDecoder().decode(authorization.substring(6).trim()),
              StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      user = colon < 0 ? decoded : decoded.substring(0, colon);
      password = colon < 0 ? "" : decoded.substring(colon + 1);
    }
    if (user == null) {
      user = request.user();
      password = request.password();
    }
    if (user == null || user.isEmpty()) {
      user = "default";
    }
    if (password == null) {
      password = "";
    }
    String expected = users.get(user);
    if (expected == null || !expected.equals(password)) {
      throw new ClickHouseException(
          ClickHouseError.of(
              ClickHouseError.AUTHENTICATION_FAILED,
              "Code: 516. DB::Exception: "
                  + user
                  + ": Authentication failed: password is incorrect, or there is no user with such"
                  + " name. (AUTHENTICATION_FAILED)"));
    }
    return user;
  }

  private static byte[] readBody(HttpExchange exchange, HttpQueryRequest request)
      throws IOException {
    String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
    InputStream raw = exchange.getRequestBody();
    InputStream body;
    if (encoding == null || encoding.isEmpty() || encoding.equalsIgnoreCase("identity")) {
      body = raw;
    } else if (encoding.equalsIgnoreCase("gzip") || encoding.equalsIgnoreCase("x-gzip")) {
      body = new GZIPInputStream(raw);
    } else if (encoding.equalsIgnoreCase("deflate")) {
      body = new InflaterInputStream(raw);
    } else {
      throw new ClickHouseException(
          ClickHouseError.of(
              ClickHouseError.UNKNOWN_COMPRESSION_METHOD,
              "Code: 89. DB::Exception: Unknown HTTP Content-Encoding: "
                  + encoding
                  + ". (UNKNOWN_COMPRESSION_METHOD)"));
    }
    byte[] bytes = body.readAllBytes();
    return request.decompressRequest() && bytes.length > 0
        ? ClickHouseCompressedBlocks.decompress(bytes)
        : bytes;
  }

  /** The URL's query, then a newline, then the body, as ClickHouse concatenates them. */
  private static byte[] statement(String query, byte[] body) {
    byte[] head = query.getBytes(StandardCharsets.UTF_8);
    if (head.length == 0) {
      return body;
    }
    if (body.length == 0) {
      return head;
    }
    ByteArrayOutputStream joined = new ByteArrayOutputStream(head.length + 1 + body.length);
    joined.writeBytes(head);
    joined.write('\n');
    joined.writeBytes(body);
    return joined.toByteArray();
  }

  /** Enough of the statement's start to recognise it, without decoding a large INSERT body. */
  private static String head(byte[] statement) {
    return new String(statement, 0, Math.min(statement.length, 64 * 1024), StandardCharsets.UTF_8);
  }

  private static byte[] httpCompress(HttpExchange exchange, byte[] payload) throws IOException {
    String accept = exchange.getRequestHeaders().getFirst("Accept-Encoding");
    if (accept == null) {
      return payload;
    }
    String lower = accept.toLowerCase(Locale.ROOT);
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(payload.length / 3 + 64);
    if (lower.contains("gzip")) {
      try (GZIPOutputStream gzip = new GZIPOutputStream(buffer)) {
        gzip.write(payload);
      }
      exchange.getResponseHeaders().set("Content-Encoding", "gzip");
    } else if (lower.contains("deflate")) {
      try (DeflaterOutputStream deflate = new DeflaterOutputStream(buffer)) {
        deflate.write(payload);
      }
      exchange.getResponseHeaders().set("Content-Encoding", "deflate");
    } else {
      return payload;
    }
    return buffer.toByteArray();
  }

  private static String summary(ChdbEngine.QueryOutcome outcome) {
    return String.format(
        Locale.ROOT,
        "{\"read_rows\":\"%d\",\"read_bytes\":\"%d\",\"written_rows\":\"%d\",\"written_bytes\":\"%d\","
            + "\"total_rows_to_read\":\"%d\",\"result_rows\":\"%d\",\"result_bytes\":\"%d\","
            + "\"elapsed_ns\":\"%d\"}",
        outcome.readRows(),
        outcome.readBytes(),
        outcome.writtenRows(),
        outcome.writtenBytes(),
        outcome.readRows(),
        outcome.writtenRows() > 0 ? outcome.writtenRows() : 0,
        outcome.body().length,
        outcome.elapsedNanos());
  }

  private void sendError(HttpExchange exchange, ClickHouseError error, String queryId)
      throws IOException {
    Headers out = exchange.getResponseHeaders();
    out.set("X-ClickHouse-Exception-Code", Integer.toString(error.code()));
    out.set("X-ClickHouse-Server-Display-Name", displayName);
    if (queryId != null) {
      out.set("X-ClickHouse-Query-Id", queryId);
    }
    out.remove("X-ClickHouse-Format");
    out.remove("X-ClickHouse-Summary");
    sendText(exchange, error.httpStatus(), error.body(version));
  }

  private static void sendText(HttpExchange exchange, int status, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=UTF-8");
    if (exchange.getRequestMethod().equals("HEAD")) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream stream = exchange.getResponseBody()) {
      stream.write(bytes);
    }
  }

  private static String quoteIdentifier(String name) {
    return "`" + name.replace("\\", "\\\\").replace("`", "\\`") + "`";
  }

  private static String quote(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
