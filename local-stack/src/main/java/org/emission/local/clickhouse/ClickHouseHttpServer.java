package org.emission.local.clickhouse;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
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
import java.util.zip.ZipException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ClickHouse's HTTP interface in front of chDB, faithful enough that unmodified clients (the {@code
 * clickhouse-jdbc} driver, Grafana's ClickHouse data source through clickhouse-go, the Node.js
 * client) work against it as against a server.
 *
 * <p>chDB cannot open ClickHouse's own listeners, so this class implements the protocol of
 * src/Server/HTTPHandler.cpp: {@code /ping}; the query in the URL ({@code query=}) followed by a
 * newline and the body; {@code default_format} and {@code X-ClickHouse-Format}; {@code database}
 * and {@code X-ClickHouse-Database}; {@code query_id}; settings and {@code param_} query parameters
 * as URL parameters; authentication ({@link HttpAuthenticator}); sessions ({@link HttpSessions});
 * ClickHouse's compressed blocks ({@code compress=1}, {@code decompress=1}) and HTTP compression
 * ({@link HttpCompression}); Native output for a {@code client_protocol_version} ({@link
 * NativeTranscoder}); errors as the server reports them; and the response headers clients read.
 * Results are buffered whole before they are sent, as with {@code wait_end_of_query=1}, so an error
 * always arrives as an error response.
 */
public final class ClickHouseHttpServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ClickHouseHttpServer.class);
  private static final Pattern FORMAT_CLAUSE =
      Pattern.compile("(?is)\\bFORMAT\\s+([A-Za-z0-9_]+)(?:\\s+SETTINGS\\s+[^;]*)?\\s*;?\\s*$");
  private static final Pattern INSERT =
      Pattern.compile("(?is)^\\s*(?:--[^\\n]*\\n\\s*|/\\*.*?\\*/\\s*)*INSERT\\b");
  private static final String NO_HANDLER =
      "There is no handle %s\n\nUse / or /ping for health checks.\nOr /replicas_status for more"
          + " sophisticated health checks.\n\nSend queries from your program with POST method or"
          + " GET /?query=...\n\nUse clickhouse-client:\n\nFor interactive data analysis:\n   "
          + " clickhouse-client\n\nFor batch query processing:\n    clickhouse-client"
          + " --query='SELECT 1' > result\n    clickhouse-client < query > result\n";

  /** Open HTTP sessions at most; each keeps a chDB connection. */
  private static final int MAX_SESSIONS = 64;

  private final ChdbEngine engine;
  private final HttpAuthenticator authenticator;
  private final HttpSessions sessions;
  private final HttpServer server;
  private final ExecutorService executor;
  private final ServerInfo info;
  private final ClickHouseFormats formats;
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
    this.authenticator = new HttpAuthenticator(users);
    this.info = ServerInfo.query(engine);
    this.formats = new ClickHouseFormats(info.outputFormats());
    this.sessions = new HttpSessions(engine, MAX_SESSIONS);
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
    return info.version();
  }

  public long queriesServed() {
    return queries.get();
  }

  public long queriesFailed() {
    return failures.get();
  }

  /** HTTP sessions open now. */
  public int openSessions() {
    return sessions.size();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    sessions.close();
  }

  private void handle(HttpExchange exchange) {
    try {
      route(exchange);
    } catch (IOException e) {
      LOG.debug("client connection failed", e);
    } finally {
      exchange.close();
    }
  }

  private void route(HttpExchange exchange) throws IOException {
    try {
      String path = exchange.getRequestURI().getPath();
      String method = exchange.getRequestMethod();
      exchange.getResponseHeaders().set("X-ClickHouse-Server-Display-Name", info.displayName());
      if (path.equals("/ping") || path.equals("/replicas_status")) {
        sendText(exchange, 200, "Ok.\n");
        return;
      }
      boolean queryMethod = method.equals("GET") || method.equals("POST") || method.equals("HEAD");
      if ((!path.equals("/") && !path.isEmpty()) || !(queryMethod || method.equals("OPTIONS"))) {
        sendText(exchange, 404, String.format(NO_HANDLER, exchange.getRequestURI()));
        return;
      }
      if (method.equals("OPTIONS")) {
        sendText(exchange, 200, "");
        return;
      }
      String rawQuery = exchange.getRequestURI().getRawQuery();
      if (!method.equals("POST") && (rawQuery == null || rawQuery.isEmpty())) {
        sendText(exchange, 200, "Ok.\n");
        return;
      }
      serveQuery(exchange, HttpQueryRequest.parse(rawQuery));
    } catch (ClickHouseException e) {
      failures.incrementAndGet();
      sendError(exchange, e.error(), null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      sendError(
          exchange,
          ClickHouseError.of(
              ClickHouseError.QUERY_WAS_CANCELLED,
              "Code: 394. DB::Exception: Query was cancelled. (QUERY_WAS_CANCELLED)"),
          null);
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

  private void serveQuery(HttpExchange exchange, HttpQueryRequest request)
      throws IOException, InterruptedException {
    Headers in = exchange.getRequestHeaders();
    String method = exchange.getRequestMethod();
    if (method.equals("POST")
        && in.getFirst("Content-Length") == null
        && !"chunked".equalsIgnoreCase(in.getFirst("Transfer-Encoding"))) {
      throw new ClickHouseException(
          ClickHouseError.of(
              ClickHouseError.HTTP_LENGTH_REQUIRED,
              "Code: 381. DB::Exception: The Transfer-Encoding is not chunked and there is no"
                  + " Content-Length header for POST request. (HTTP_LENGTH_REQUIRED)"));
    }
    String user = authenticator.authenticate(in, request);
    long revision = request.clientProtocolVersion();
    String contentType = in.getFirst("Content-Type");
    if (contentType != null && contentType.startsWith("multipart/form-data")) {
      throw new ClickHouseException(
          ClickHouseError.of(
              ClickHouseError.NOT_IMPLEMENTED,
              "Code: 48. DB::Exception: The embedded ClickHouse does not take external tables"
                  + " (multipart/form-data). (NOT_IMPLEMENTED)"));
    }
    byte[] statement = statement(request.query(), readBody(exchange, request));
    String queryId = firstNonEmpty(request.get("query_id"), in.getFirst("X-ClickHouse-Query-Id"));
    if (queryId == null) {
      queryId = UUID.randomUUID().toString();
    }
    String defaultFormat =
        formats.canonical(
            firstNonEmpty(
                in.getFirst("X-ClickHouse-Format"), request.get("default_format"), "TabSeparated"));
    String outputFormat = outputFormat(statement, defaultFormat);
    QueryExecution.Spec spec =
        new QueryExecution.Spec(
            statement,
            defaultFormat,
            outputFormat,
            firstNonEmpty(in.getFirst("X-ClickHouse-Database"), request.get("database")),
            request.settings(),
            request.parameters(),
            !method.equals("POST"),
            user,
            revision);

    QueryExecution.Result result;
    try {
      result = execute(request, user, spec);
    } catch (ClickHouseException e) {
      failures.incrementAndGet();
      sendError(exchange, e.error(), queryId);
      return;
    }
    queries.incrementAndGet();
    ChdbEngine.QueryOutcome outcome = result.outcome();
    if (outcome.failed()) {
      failures.incrementAndGet();
      sendError(exchange, ClickHouseError.fromEngine(outcome.error()), queryId);
      return;
    }
    Headers out = exchange.getResponseHeaders();
    out.set("X-ClickHouse-Query-Id", queryId);
    boolean hasOutput =
        result.classification().queryClass() == ChdbEngine.QueryClass.READ_ONLY
            || outcome.body().length > 0;
    if (hasOutput) {
      out.set("Content-Type", ClickHouseFormats.contentType(outputFormat));
      out.set("X-ClickHouse-Format", outputFormat);
    } else {
      out.set("Content-Type", "text/plain; charset=UTF-8");
    }
    out.set("X-ClickHouse-Timezone", timezone(request));
    out.set("X-ClickHouse-Summary", summary(outcome));
    out.set("Keep-Alive", "timeout=30");
    byte[] payload = outcome.body();
    if (payload.length > 0 && request.compressResponse()) {
      payload = ClickHouseCompressedBlocks.compress(payload);
    }
    HttpCompression.Method encoding =
        httpCompressionEnabled(request)
            ? HttpCompression.choose(in.getFirst("Accept-Encoding"))
            : null;
    if (payload.length > 0 && encoding != null) {
      payload = HttpCompression.compress(encoding, payload, zlibLevel(request));
      out.set("Content-Encoding", encoding.contentEncoding);
    }
    if (method.equals("HEAD")) {
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

  private QueryExecution.Result execute(
      HttpQueryRequest request, String user, QueryExecution.Spec spec) throws InterruptedException {
    String sessionId = request.get("session_id");
    if (sessionId == null) {
      try (ChdbEngine.Connection connection = engine.open()) {
        return QueryExecution.fresh(connection, spec);
      }
    }
    Duration timeout = HttpSessions.timeout(request.get("session_timeout"));
    try (HttpSessions.Lease lease =
        sessions.acquire(user, sessionId, timeout, request.sessionCheck())) {
      if (request.closeSession()) {
        lease.closeSessionAfterwards();
      }
      return QueryExecution.inSession(lease.connection(), spec);
    }
  }

  /**
   * The format of the output: a trailing FORMAT clause (not an INSERT's input format), else the
   * default.
   */
  private String outputFormat(byte[] statement, String defaultFormat) {
    String head =
        new String(statement, 0, Math.min(statement.length, 64 * 1024), StandardCharsets.UTF_8);
    if (INSERT.matcher(head).find() || statement.length > 64 * 1024) {
      return defaultFormat;
    }
    Matcher clause = FORMAT_CLAUSE.matcher(head);
    return clause.find() ? formats.canonical(clause.group(1)) : defaultFormat;
  }

  /** {@code session_timezone} changes the time zone the server reports, as DateLUT does. */
  private String timezone(HttpQueryRequest request) {
    String sessionTimezone = request.settings().get("session_timezone");
    return sessionTimezone == null || sessionTimezone.isEmpty() ? info.timezone() : sessionTimezone;
  }

  private boolean httpCompressionEnabled(HttpQueryRequest request) {
    String value = request.settings().get("enable_http_compression");
    if (value == null) {
      return info.httpCompressionByDefault();
    }
    return value.equals("1") || value.equalsIgnoreCase("true");
  }

  private int zlibLevel(HttpQueryRequest request) {
    String value = request.settings().get("http_zlib_compression_level");
    try {
      return value == null ? info.zlibLevel() : Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      return info.zlibLevel();
    }
  }

  private static byte[] readBody(HttpExchange exchange, HttpQueryRequest request)
      throws IOException {
    String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
    byte[] bytes;
    try (InputStream body = HttpCompression.decoding(encoding, exchange.getRequestBody())) {
      bytes = body.readAllBytes();
    } catch (ZipException | EOFException e) {
      throw new ClickHouseException(
          ClickHouseError.of(
              ClickHouseError.ZLIB_INFLATE_FAILED,
              "Code: 354. DB::Exception: inflate failed: "
                  + e.getMessage()
                  + ". (ZLIB_INFLATE_FAILED)"));
    } catch (IOException e) {
      if (encoding == null || encoding.isEmpty()) {
        throw e;
      }
      throw new ClickHouseException(
          ClickHouseError.of(
              ClickHouseError.CANNOT_DECOMPRESS,
              "Code: 271. DB::Exception: Cannot decompress the request body ("
                  + encoding
                  + "): "
                  + e.getMessage()
                  + ". (CANNOT_DECOMPRESS)"));
    }
    return request.decompressRequest() && bytes.length > 0
        ? ClickHouseCompressedBlocks.decompress(bytes)
        : bytes;
  }

  /** The URL's query and a newline, then the body, as DynamicQueryHandler::getQuery joins them. */
  private static byte[] statement(String query, byte[] body) {
    if (query.isEmpty()) {
      return body;
    }
    byte[] head = query.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream joined = new ByteArrayOutputStream(head.length + 1 + body.length);
    joined.writeBytes(head);
    joined.write('\n');
    joined.writeBytes(body);
    return joined.toByteArray();
  }

  /**
   * X-ClickHouse-Summary: flat JSON with string values, as WriteBufferFromHTTPServerResponse writes
   * it. {@code result_rows}/{@code result_bytes} are the result's, or for an INSERT the rows and
   * bytes written, as the server counts them.
   */
  private static String summary(ChdbEngine.QueryOutcome outcome) {
    boolean insert = outcome.writtenRows() > 0 && outcome.resultRows() == 0;
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
        insert ? outcome.writtenRows() : outcome.resultRows(),
        insert ? outcome.writtenBytes() : outcome.resultBytes(),
        outcome.elapsedNanos());
  }

  private void sendError(HttpExchange exchange, ClickHouseError error, String queryId)
      throws IOException {
    Headers out = exchange.getResponseHeaders();
    for (String header :
        List.of("X-ClickHouse-Format", "X-ClickHouse-Summary", "Content-Encoding")) {
      out.remove(header);
    }
    out.set("X-ClickHouse-Exception-Code", Integer.toString(error.code()));
    out.set("X-ClickHouse-Server-Display-Name", info.displayName());
    if (queryId != null) {
      out.set("X-ClickHouse-Query-Id", queryId);
    }
    sendText(exchange, error.httpStatus(), error.body(info.version()));
  }

  private static void sendText(HttpExchange exchange, int status, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=UTF-8");
    if (exchange.getRequestMethod().equals("HEAD") || bytes.length == 0) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream stream = exchange.getResponseBody()) {
      stream.write(bytes);
    }
  }

  private static String firstNonEmpty(String... values) {
    for (String value : values) {
      if (value != null && !value.isEmpty()) {
        return value;
      }
    }
    return null;
  }

  /** What the server says about itself, asked of chDB once at start. */
  private record ServerInfo(
      String version,
      String timezone,
      String displayName,
      boolean httpCompressionByDefault,
      int zlibLevel,
      List<String> outputFormats) {

    static ServerInfo query(ChdbEngine engine) throws InterruptedException {
      String[] about =
          text(
                  engine,
                  "SELECT version(), timezone(), displayName(),"
                      + " getSetting('enable_http_compression'),"
                      + " getSetting('http_zlib_compression_level')")
              .strip()
              .split("\t");
      List<String> formats = new ArrayList<>();
      for (String line :
          text(engine, "SELECT name FROM system.formats WHERE is_output").split("\n")) {
        if (!line.isBlank()) {
          formats.add(line.strip());
        }
      }
      return new ServerInfo(
          about[0],
          about[1],
          about[2],
          about[3].equals("true") || about[3].equals("1"),
          Integer.parseInt(about[4]),
          List.copyOf(formats));
    }

    private static String text(ChdbEngine engine, String query) throws InterruptedException {
      ChdbEngine.QueryOutcome outcome = engine.execute(query, "TabSeparated");
      if (outcome.failed()) {
        throw new IllegalStateException("chDB does not answer: " + outcome.error());
      }
      return new String(outcome.body(), StandardCharsets.UTF_8);
    }
  }
}
