package org.emission.local.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emission.local.clickhouse.RawHttp.get;
import static org.emission.local.clickhouse.RawHttp.header;
import static org.emission.local.clickhouse.RawHttp.params;
import static org.emission.local.clickhouse.RawHttp.post;
import static org.emission.local.clickhouse.RawHttp.request;
import static org.emission.local.clickhouse.RawHttp.send;
import static org.emission.local.clickhouse.RawHttp.text;

import com.clickhouse.client.api.internal.ClickHouseLZ4InputStream;
import com.clickhouse.client.api.internal.ClickHouseLZ4OutputStream;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import net.jpountz.lz4.LZ4Factory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ClickHouse's HTTP interface byte for byte, over real sockets with a plain HTTP client: what the
 * server answers for each way a client may put a request, against the embedded server or a real one
 * (CLICKHOUSE_URL).
 */
class ClickHouseHttpProtocolTest {
  private static final String DB = "http_protocol_test";
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void createDatabase() {
    ok(post("DROP DATABASE IF EXISTS " + DB, params()));
    ok(post("CREATE DATABASE " + DB, params()));
  }

  @AfterAll
  static void dropDatabase() {
    ok(post("DROP DATABASE IF EXISTS " + DB, params()));
  }

  @Test
  void pingAndRootAnswerOk() {
    HttpResponse<byte[]> ping = send(request("/ping", params()).GET().build());
    assertThat(ping.statusCode()).isEqualTo(200);
    assertThat(text(ping)).isEqualTo("Ok.\n");
    HttpResponse<byte[]> root = send(request("/", params()).GET().build());
    assertThat(text(root)).isEqualTo("Ok.\n");
  }

  @Test
  void getWithQueryInUrl() {
    HttpResponse<byte[]> response = get(params("query", "SELECT 1"));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(text(response)).isEqualTo("1\n");
    assertThat(header(response, "X-ClickHouse-Format")).isEqualTo("TabSeparated");
    assertThat(header(response, "Content-Type")).startsWith("text/tab-separated-values");
  }

  @Test
  void queryInUrlIsFollowedByTheBody() {
    ok(
        post(
            "CREATE TABLE " + DB + ".csv (id UInt32, name String) ENGINE = MergeTree ORDER BY id",
            params()));
    HttpResponse<byte[]> insert =
        post("1,alpha\n2,\"b,c\"\n", params("query", "INSERT INTO " + DB + ".csv FORMAT CSV"));
    assertThat(insert.statusCode()).isEqualTo(200);
    assertThat(insert.body()).isEmpty();
    HttpResponse<byte[]> select =
        post("FROM " + DB + ".csv ORDER BY id", params("query", "SELECT id, name"));
    assertThat(text(select)).isEqualTo("1\talpha\n2\tb,c\n");
  }

  @Test
  void ddlAndInsertAnswerWithAnEmptyBody() throws IOException {
    HttpResponse<byte[]> create =
        post(
            "CREATE TABLE " + DB + ".empty_body (a UInt8) ENGINE = Memory",
            params("compress", "1"));
    assertThat(create.statusCode()).isEqualTo(200);
    assertThat(create.body()).isEmpty();
    HttpResponse<byte[]> insert =
        post("INSERT INTO " + DB + ".empty_body VALUES (1), (2)", params("compress", "1"));
    assertThat(insert.body()).isEmpty();
    JsonNode summary = JSON.readTree(header(insert, "X-ClickHouse-Summary"));
    assertThat(summary.get("written_rows").asText()).isEqualTo("2");
    assertThat(summary.get("result_rows").asText()).isEqualTo("2");
  }

  @Test
  void defaultFormatParameterAndHeader() {
    HttpResponse<byte[]> byParam = post("SELECT 1 AS x", params("default_format", "JSONEachRow"));
    assertThat(text(byParam)).isEqualTo("{\"x\":1}\n");
    assertThat(header(byParam, "X-ClickHouse-Format")).isEqualTo("JSONEachRow");
    HttpResponse<byte[]> byHeader =
        send(
            request("/", params())
                .header("X-ClickHouse-Format", "CSVWithNames")
                .POST(HttpRequest.BodyPublishers.ofString("SELECT 1 AS x"))
                .build());
    assertThat(text(byHeader)).isEqualTo("\"x\"\n1\n");
    assertThat(header(byHeader, "X-ClickHouse-Format")).isEqualTo("CSVWithNames");
    HttpResponse<byte[]> clause = post("SELECT 2 AS y FORMAT JSONCompactEachRow", params());
    assertThat(text(clause)).isEqualTo("[2]\n");
    assertThat(header(clause, "X-ClickHouse-Format")).isEqualTo("JSONCompactEachRow");
  }

  @Test
  void databaseParameterAndHeader() {
    assertThat(text(post("SELECT currentDatabase()", params("database", DB)))).isEqualTo(DB + "\n");
    HttpResponse<byte[]> header =
        send(
            request("/", params())
                .header("X-ClickHouse-Database", DB)
                .POST(HttpRequest.BodyPublishers.ofString("SELECT currentDatabase()"))
                .build());
    assertThat(text(header)).isEqualTo(DB + "\n");
    assertThat(text(post("SELECT currentDatabase()", params()))).isEqualTo("default\n");
    HttpResponse<byte[]> unknown = post("SELECT 1", params("database", "no_such_database_x"));
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(header(unknown, "X-ClickHouse-Exception-Code")).isEqualTo("81");
  }

  @Test
  void queryIdIsEchoedFromParameterOrHeader() {
    String byParam = UUID.randomUUID().toString();
    assertThat(header(post("SELECT 1", params("query_id", byParam)), "X-ClickHouse-Query-Id"))
        .isEqualTo(byParam);
    String byHeader = UUID.randomUUID().toString();
    HttpResponse<byte[]> response =
        send(
            request("/", params())
                .header("X-ClickHouse-Query-Id", byHeader)
                .POST(HttpRequest.BodyPublishers.ofString("SELECT 1"))
                .build());
    assertThat(header(response, "X-ClickHouse-Query-Id")).isEqualTo(byHeader);
    assertThat(header(post("SELECT 1", params()), "X-ClickHouse-Query-Id")).isNotBlank();
  }

  @Test
  void urlSettingsApplyToTheirRequestOnly() {
    String defaultRows = text(post("SELECT getSetting('max_result_rows')", params())).strip();
    HttpResponse<byte[]> limited =
        post("SELECT number FROM system.numbers LIMIT 10", params("max_result_rows", "3"));
    assertThat(limited.statusCode()).isEqualTo(500);
    assertThat(header(limited, "X-ClickHouse-Exception-Code")).isEqualTo("396");
    assertThat(
            text(
                post(
                    "SELECT getSetting('max_result_rows'), getSetting('max_execution_time')",
                    params("max_result_rows", "7", "max_execution_time", "35"))))
        .isEqualTo("7\t35\n");
    for (int i = 0; i < 30; i++) {
      assertThat(text(post("SELECT getSetting('max_result_rows')", params())).strip())
          .as("request %d after the one that set it", i)
          .isEqualTo(defaultRows);
    }
    HttpResponse<byte[]> unknown = post("SELECT 1", params("no_such_setting_x", "1"));
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(header(unknown, "X-ClickHouse-Exception-Code")).isEqualTo("115");
  }

  @Test
  void queryParametersAreBoundInEscapedForm() {
    HttpResponse<byte[]> response =
        post(
            "SELECT {n:UInt32} + 1, {s:String}, length({s:String}), {a:Array(UInt8)}",
            params("param_n", "41", "param_s", "tab\\there", "param_a", "[1,2,3]"));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(text(response)).isEqualTo("42\ttab\\there\t8\t[1,2,3]\n");
  }

  @Test
  void authenticationByBasicHeadersAndParameters() {
    String sql = "SELECT currentUser()";
    HttpResponse<byte[]> headers =
        send(
            HttpRequest.newBuilder(URI.create(RawHttp.baseUrl() + "/"))
                .header("X-ClickHouse-User", RawHttp.USER)
                .header("X-ClickHouse-Key", RawHttp.PASSWORD)
                .POST(HttpRequest.BodyPublishers.ofString(sql))
                .build());
    assertThat(headers.statusCode()).isEqualTo(200);
    HttpResponse<byte[]> inUrl =
        send(
            HttpRequest.newBuilder(
                    URI.create(
                        RawHttp.baseUrl()
                            + "/?"
                            + RawHttp.query(
                                params("user", RawHttp.USER, "password", RawHttp.PASSWORD))))
                .POST(HttpRequest.BodyPublishers.ofString(sql))
                .build());
    assertThat(inUrl.statusCode()).isEqualTo(200);
    assertThat(post(sql, params()).statusCode()).isEqualTo(200);

    HttpResponse<byte[]> wrong =
        send(
            HttpRequest.newBuilder(URI.create(RawHttp.baseUrl() + "/"))
                .header(
                    "Authorization", RawHttp.basicAuth(RawHttp.USER, "definitely-not-the-password"))
                .POST(HttpRequest.BodyPublishers.ofString(sql))
                .build());
    assertThat(wrong.statusCode()).isEqualTo(403);
    assertThat(header(wrong, "X-ClickHouse-Exception-Code")).isEqualTo("516");
    assertThat(text(wrong))
        .startsWith("Code: 516. DB::Exception:")
        .contains("(AUTHENTICATION_FAILED)");

    HttpResponse<byte[]> both =
        send(
            request("/", params("user", RawHttp.USER))
                .POST(HttpRequest.BodyPublishers.ofString(sql))
                .build());
    assertThat(both.statusCode()).isEqualTo(403);
    assertThat(text(both)).contains("simultaneously");
  }

  @Test
  void errorsCarryCodeStatusAndServerText() {
    HttpResponse<byte[]> syntax = post("SELEC 1", params());
    assertThat(syntax.statusCode()).isEqualTo(400);
    assertThat(header(syntax, "X-ClickHouse-Exception-Code")).isEqualTo("62");
    assertThat(text(syntax))
        .startsWith("Code: 62. DB::Exception:")
        .contains("(SYNTAX_ERROR)")
        .contains("(version ");
    assertThat(header(syntax, "X-ClickHouse-Summary")).isNull();

    HttpResponse<byte[]> table = post("SELECT * FROM " + DB + ".no_such_table", params());
    assertThat(table.statusCode()).isEqualTo(404);
    assertThat(header(table, "X-ClickHouse-Exception-Code")).isEqualTo("60");

    HttpResponse<byte[]> multi = post("SELECT 1; SELECT 2", params());
    assertThat(multi.statusCode()).isEqualTo(400);
    assertThat(text(multi)).contains("Multi-statements are not allowed");
  }

  @Test
  void getImpliesReadonly() {
    ok(post("CREATE TABLE " + DB + ".ro (a UInt8) ENGINE = Memory", params()));
    HttpResponse<byte[]> insert = get(params("query", "INSERT INTO " + DB + ".ro VALUES (1)"));
    assertThat(insert.statusCode()).isEqualTo(500);
    assertThat(header(insert, "X-ClickHouse-Exception-Code")).isEqualTo("164");
    assertThat(text(insert))
        .startsWith("Code: 164. DB::Exception:")
        .contains("For queries over HTTP, method GET implies readonly")
        .contains("(READONLY)");
    HttpResponse<byte[]> withSetting =
        get(params("query", "SELECT getSetting('readonly')", "max_threads", "1"));
    assertThat(text(withSetting)).isEqualTo("2\n");
    assertThat(text(post("SELECT count() FROM " + DB + ".ro", params()))).isEqualTo("0\n");
  }

  @Test
  void gzipRequestBody() throws IOException {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write("SELECT 'from gzip'".getBytes(StandardCharsets.UTF_8));
    }
    HttpResponse<byte[]> response =
        send(
            request("/", params())
                .header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(gz.toByteArray()))
                .build());
    assertThat(text(response)).isEqualTo("from gzip\n");
  }

  @Test
  void compressedResponseIsReadableByTheDriversLz4Stream() throws IOException {
    HttpResponse<byte[]> response =
        post("SELECT number, toString(number) FROM numbers(200000)", params("compress", "1"));
    assertThat(response.statusCode()).isEqualTo(200);
    byte[] plain = driverDecompress(response.body());
    String[] lines = new String(plain, StandardCharsets.UTF_8).split("\n");
    assertThat(lines).hasSize(200000);
    assertThat(lines[199999]).isEqualTo("199999\t199999");
  }

  @Test
  void compressedRequestWrittenByTheDriversLz4Stream() throws IOException {
    ok(post("CREATE TABLE " + DB + ".lz4_in (a UInt32, s String) ENGINE = Memory", params()));
    StringBuilder csv = new StringBuilder();
    for (int i = 0; i < 5000; i++) {
      csv.append(i).append(",row").append(i).append('\n');
    }
    byte[] body =
        driverCompress(
            ("INSERT INTO " + DB + ".lz4_in FORMAT CSV\n" + csv).getBytes(StandardCharsets.UTF_8));
    HttpResponse<byte[]> insert =
        send(
            request("/", params("decompress", "1"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    assertThat(insert.statusCode()).as(text(insert)).isEqualTo(200);
    assertThat(text(post("SELECT count(), sum(a) FROM " + DB + ".lz4_in", params())))
        .isEqualTo("5000\t12497500\n");
  }

  @Test
  void httpCompressionFollowsAcceptEncoding() throws IOException {
    HttpResponse<byte[]> gzipped =
        send(
            request("/", params("enable_http_compression", "1"))
                .header("Accept-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofString("SELECT number FROM numbers(1000)"))
                .build());
    assertThat(header(gzipped, "Content-Encoding")).isEqualTo("gzip");
    String plain;
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
      plain = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(plain.split("\n")).hasSize(1000);

    HttpResponse<byte[]> disabled =
        send(
            request("/", params("enable_http_compression", "0"))
                .header("Accept-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofString("SELECT 1"))
                .build());
    assertThat(header(disabled, "Content-Encoding")).isNull();
    assertThat(text(disabled)).isEqualTo("1\n");
  }

  @Test
  void responseHeadersDescribeTheQuery() throws IOException {
    String queryId = UUID.randomUUID().toString();
    HttpResponse<byte[]> response =
        post("SELECT number FROM numbers(10) FORMAT JSON", params("query_id", queryId));
    assertThat(header(response, "X-ClickHouse-Query-Id")).isEqualTo(queryId);
    assertThat(header(response, "X-ClickHouse-Format")).isEqualTo("JSON");
    assertThat(header(response, "Content-Type")).startsWith("application/json");
    assertThat(header(response, "X-ClickHouse-Timezone")).isNotBlank();
    assertThat(header(response, "X-ClickHouse-Server-Display-Name")).isNotBlank();
    JsonNode summary = JSON.readTree(header(response, "X-ClickHouse-Summary"));
    assertThat(summary.get("read_rows").asText()).isEqualTo("10");
    assertThat(summary.get("result_rows").asText()).isEqualTo("10");
    summary.fields().forEachRemaining(field -> assertThat(field.getValue().isTextual()).isTrue());
    assertThat(JSON.readTree(response.body()).get("rows").asInt()).isEqualTo(10);
    assertThat(
            header(
                post("SELECT 1", params("session_timezone", "Asia/Shanghai")),
                "X-ClickHouse-Timezone"))
        .isEqualTo("Asia/Shanghai");
  }

  @Test
  void postWithoutLengthIsRefused() throws IOException {
    URI uri = URI.create(RawHttp.baseUrl());
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /?query=SELECT%201 HTTP/1.1\r\nHost: "
                  + uri.getHost()
                  + "\r\nAuthorization: "
                  + RawHttp.basicAuth(RawHttp.USER, RawHttp.PASSWORD)
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(reply).startsWith("HTTP/1.1 411");
      assertThat(reply.toLowerCase(java.util.Locale.ROOT))
          .contains("x-clickhouse-exception-code: 381");
      assertThat(reply).contains("Code: 381. DB::Exception:").contains("(HTTP_LENGTH_REQUIRED)");
    }
  }

  @Test
  void garbageNeverBringsTheServerDown() {
    Random random = new Random(42);
    for (int i = 0; i < 50; i++) {
      byte[] junk = new byte[1 + random.nextInt(300)];
      random.nextBytes(junk);
      HttpRequest.Builder builder = request("/", params());
      switch (i % 5) {
        case 0 -> builder.POST(HttpRequest.BodyPublishers.ofByteArray(junk));
        case 1 ->
            builder
                .header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(junk));
        case 2 ->
            builder =
                request("/", params("decompress", "1"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(junk));
        case 3 ->
            builder =
                request("/", params("client_protocol_version", "54460", "default_format", "Native"))
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "SELECT x FROM (SELECT 1 AS x) WHERE " + i + " ="));
        default -> builder = request("/", params("query", "SELECT ((((" + i)).GET();
      }
      HttpResponse<byte[]> response = send(builder.build());
      assertThat(response.statusCode()).as("junk request %d", i).isBetween(400, 599);
      assertThat(header(response, "X-ClickHouse-Exception-Code"))
          .as("junk request %d", i)
          .isNotNull();
    }
    assertThat(text(post("SELECT 'still here'", params()))).isEqualTo("still here\n");
  }

  @Test
  void concurrentClientsEachGetTheirOwnResults() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Integer>> clients = new ArrayList<>();
      for (int client = 0; client < 8; client++) {
        int id = client;
        clients.add(
            () -> {
              for (int round = 0; round < 50; round++) {
                long n = id * 1000L + round;
                HttpResponse<byte[]> response =
                    post(
                        "SELECT sum(number), {c:UInt32} FROM numbers({n:UInt64})",
                        params(
                            "param_c",
                            Integer.toString(id),
                            "param_n",
                            Long.toString(n),
                            "max_threads",
                            Integer.toString(1 + id % 3)));
                assertThat(text(response)).isEqualTo(n * (n - 1) / 2 + "\t" + id + "\n");
              }
              return id;
            });
      }
      for (Future<Integer> done : pool.invokeAll(clients)) {
        done.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  static byte[] driverDecompress(byte[] framed) throws IOException {
    try (InputStream in =
        new ClickHouseLZ4InputStream(
            new ByteArrayInputStream(framed),
            LZ4Factory.fastestInstance().fastDecompressor(),
            8192)) {
      return in.readAllBytes();
    }
  }

  static byte[] driverCompress(byte[] plain) throws IOException {
    ByteArrayOutputStream framed = new ByteArrayOutputStream();
    try (OutputStream out =
        new ClickHouseLZ4OutputStream(
            framed,
            LZ4Factory.fastestInstance().fastCompressor(),
            ClickHouseLZ4OutputStream.UNCOMPRESSED_BUFF_SIZE)) {
      out.write(plain);
    }
    return framed.toByteArray();
  }

  static void ok(HttpResponse<byte[]> response) {
    assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
  }
}
