package org.emission.local.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emission.local.clickhouse.RawHttp.header;
import static org.emission.local.clickhouse.RawHttp.params;
import static org.emission.local.clickhouse.RawHttp.post;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Grafana's ClickHouse data source (grafana/clickhouse-datasource 4.20.0) talks HTTP through
 * clickhouse-go 2.47.0. These tests replay its requests as that driver sends them (conn_http.go,
 * conn_http_query.go): POST with the SQL as the body, URL parameters encoded in Go's sorted order,
 * {@code default_format=Native&client_protocol_version=54460}, {@code max_execution_time} for a
 * query with a deadline, Basic auth, {@code Accept-Encoding: gzip}; and decode the answers as the
 * driver does, as Native at revision 54460, with {@link NativeBlocks}.
 */
class GrafanaClickHouseGoReplayTest {
  private static final String DB = "grafana_replay_test";
  private static final String USER_AGENT =
      "clickhouse-go/2.47.0 (lv:go/1.24.4; os:linux) grafana-datasource/4.20.0";

  @BeforeAll
  static void createTable() {
    ClickHouseHttpProtocolTest.ok(post("DROP DATABASE IF EXISTS " + DB, params()));
    ClickHouseHttpProtocolTest.ok(post("CREATE DATABASE " + DB, params()));
    ClickHouseHttpProtocolTest.ok(
        post(
            "CREATE TABLE "
                + DB
                + ".minutes (ts DateTime('Asia/Shanghai'), value Float64, maybe Nullable(Float64),"
                + " pollutant LowCardinality(String), outlet String, flag UInt8, tags Array(String),"
                + " amount Decimal(18, 3), precise DateTime64(3, 'Asia/Shanghai'))"
                + " ENGINE = MergeTree ORDER BY ts",
            params()));
    ClickHouseHttpProtocolTest.ok(
        post(
            "INSERT INTO "
                + DB
                + ".minutes VALUES"
                + " ('2025-01-15 10:20:00', 25.5, NULL, 'a21026', 'outlet-1', 1, ['x', 'y'], 12.345,"
                + " '2025-01-15 10:20:00.123'),"
                + " ('2025-01-15 10:21:00', 26.25, 3.5, 'a34013', 'outlet-2', 0, [], -0.5,"
                + " '2025-01-15 10:21:00.999'),"
                + " ('2025-01-15 11:05:00', 30, 4, 'a21026', 'outlet-1', 1, ['z'], 1000,"
                + " '2025-01-15 11:05:00.000')",
            params()));
  }

  @AfterAll
  static void dropDatabase() {
    post("DROP DATABASE IF EXISTS " + DB, params());
  }

  @Test
  void handshakeIsDecodedAtRevision54460() throws IOException {
    List<NativeBlocks.Block> blocks =
        query("SELECT displayName(), version(), revision(), timezone()", false);
    assertThat(blocks).hasSize(1);
    NativeBlocks.Block block = blocks.get(0);
    assertThat(block.overflows()).isFalse();
    assertThat(block.bucket()).isEqualTo(-1);
    assertThat(block.rows()).isEqualTo(1);
    assertThat(block.columns())
        .extracting(NativeBlocks.Column::name)
        .containsExactly("displayName()", "version()", "revision()", "timezone()");
    assertThat(block.columns())
        .extracting(NativeBlocks.Column::type)
        .containsExactly("String", "String", "UInt32", "String");
    String[] expected =
        RawHttp.text(post("SELECT displayName(), version(), revision(), timezone()", params()))
            .strip()
            .split("\t");
    assertThat(block.columns().get(0).values()).containsExactly(expected[0]);
    assertThat(block.columns().get(1).values()).containsExactly(expected[1]);
    assertThat(block.columns().get(2).values()).containsExactly(Long.parseLong(expected[2]));
    assertThat(block.columns().get(3).values()).containsExactly(expected[3]);
  }

  @Test
  void pingSelectsOneColumnNamedOne() throws IOException {
    NativeBlocks.Block block = query("SELECT 1", false).get(0);
    assertThat(block.columns()).hasSize(1);
    assertThat(block.columns().get(0).name()).isEqualTo("1");
    assertThat(block.columns().get(0).type()).isEqualTo("UInt8");
    assertThat(block.columns().get(0).values()).containsExactly(1L);
  }

  @Test
  void dashboardTableQueryKeepsEveryTypeExact() throws IOException {
    List<NativeBlocks.Block> blocks =
        query(
            "SELECT ts AS time, value, maybe, pollutant, outlet, flag, tags, amount, precise FROM "
                + DB
                + ".minutes WHERE time >= toDateTime(1736900000) AND time <= toDateTime(1737000000)"
                + " ORDER BY time ASC LIMIT 1000",
            true);
    assertThat(blocks).hasSize(1);
    NativeBlocks.Block block = blocks.get(0);
    assertThat(block.rows()).isEqualTo(3);
    assertThat(block.columns())
        .extracting(NativeBlocks.Column::type)
        .containsExactly(
            "DateTime('Asia/Shanghai')",
            "Float64",
            "Nullable(Float64)",
            "LowCardinality(String)",
            "String",
            "UInt8",
            "Array(String)",
            "Decimal(18, 3)",
            "DateTime64(3, 'Asia/Shanghai')");
    assertThat(values(block, "time"))
        .containsExactly(
            Instant.parse("2025-01-15T02:20:00Z"),
            Instant.parse("2025-01-15T02:21:00Z"),
            Instant.parse("2025-01-15T03:05:00Z"));
    assertThat(values(block, "value")).containsExactly(25.5, 26.25, 30.0);
    assertThat(values(block, "maybe")).containsExactly(null, 3.5, 4.0);
    assertThat(values(block, "pollutant")).containsExactly("a21026", "a34013", "a21026");
    assertThat(values(block, "outlet")).containsExactly("outlet-1", "outlet-2", "outlet-1");
    assertThat(values(block, "flag")).containsExactly(1L, 0L, 1L);
    assertThat(values(block, "tags")).containsExactly(List.of("x", "y"), List.of(), List.of("z"));
    assertThat(values(block, "amount"))
        .containsExactly(
            new BigDecimal("12.345"), new BigDecimal("-0.500"), new BigDecimal("1000.000"));
    assertThat(values(block, "precise"))
        .containsExactly(
            Instant.parse("2025-01-15T02:20:00.123Z"),
            Instant.parse("2025-01-15T02:21:00.999Z"),
            Instant.parse("2025-01-15T03:05:00Z"));
  }

  @Test
  void timeSeriesAggregateKeepsTheTimeZoneOfComputedColumns() throws IOException {
    NativeBlocks.Block block =
        query(
                "SELECT toStartOfInterval(ts, INTERVAL 3600 second) AS time, pollutant,"
                    + " avg(value) AS v FROM "
                    + DB
                    + ".minutes GROUP BY time, pollutant ORDER BY time, pollutant",
                true)
            .get(0);
    assertThat(block.columns())
        .extracting(NativeBlocks.Column::type)
        .containsExactly("DateTime('Asia/Shanghai')", "LowCardinality(String)", "Float64");
    assertThat(values(block, "time"))
        .containsExactly(
            Instant.parse("2025-01-15T02:00:00Z"),
            Instant.parse("2025-01-15T02:00:00Z"),
            Instant.parse("2025-01-15T03:00:00Z"));
    assertThat(values(block, "pollutant")).containsExactly("a21026", "a34013", "a21026");
    assertThat(values(block, "v")).containsExactly(25.5, 26.25, 30.0);
  }

  @Test
  void emptyResultIsAnEmptyBody() throws IOException {
    HttpResponse<byte[]> response =
        send("SELECT ts, value FROM " + DB + ".minutes WHERE value < 0", true);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(decoded(response)).isEmpty();
    assertThat(header(response, "X-ClickHouse-Exception-Code")).isNull();
  }

  @Test
  void errorIsAnHttpErrorWithTheServerText() {
    HttpResponse<byte[]> response = send("SELECT nope FROM " + DB + ".minutes", true);
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(RawHttp.text(response)).startsWith("Code: 47. DB::Exception:");
  }

  private static List<Object> values(NativeBlocks.Block block, String column) {
    return block.columns().stream()
        .filter(c -> c.name().equals(column))
        .findFirst()
        .orElseThrow()
        .values();
  }

  private static List<NativeBlocks.Block> query(String sql, boolean deadline) throws IOException {
    HttpResponse<byte[]> response = send(sql, deadline);
    assertThat(response.statusCode()).as(RawHttp.text(response)).isEqualTo(200);
    assertThat(header(response, "X-ClickHouse-Format")).isEqualTo("Native");
    return NativeBlocks.read54460(decoded(response));
  }

  /** clickhouse-go gunzips only when Content-Encoding says gzip. */
  private static byte[] decoded(HttpResponse<byte[]> response) throws IOException {
    if (!"gzip".equals(header(response, "Content-Encoding"))) {
      return response.body();
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
      return in.readAllBytes();
    }
  }

  /** The request clickhouse-go builds: url.Values encoded in sorted key order. */
  private static HttpResponse<byte[]> send(String sql, boolean deadline) {
    String query =
        "client_protocol_version=54460&database=default&default_format=Native"
            + (deadline ? "&max_execution_time=35" : "");
    List<String> sorted = Arrays.asList(query.split("&"));
    sorted.sort(String::compareTo);
    return RawHttp.send(
        HttpRequest.newBuilder(URI.create(RawHttp.baseUrl() + "/?" + String.join("&", sorted)))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", RawHttp.basicAuth(RawHttp.USER, RawHttp.PASSWORD))
            .header("User-Agent", USER_AGENT)
            .header("Accept-Encoding", "gzip")
            .POST(HttpRequest.BodyPublishers.ofString(sql, StandardCharsets.UTF_8))
            .build());
  }
}
