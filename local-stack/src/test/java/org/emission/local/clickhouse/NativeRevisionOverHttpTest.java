package org.emission.local.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emission.local.clickhouse.RawHttp.header;
import static org.emission.local.clickhouse.RawHttp.params;
import static org.emission.local.clickhouse.RawHttp.post;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.util.Arrays;
import org.emission.local.SharedServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Native output at client_protocol_version 54460 against the same output at revision 0, one column
 * per query: a server writes the same column data at both revisions for these types, and adds only
 * BlockInfo before the block and the has_custom_serialization byte after the type.
 */
class NativeRevisionOverHttpTest {
  private static final String DB = "native_revision_test";

  @BeforeAll
  static void createTable() {
    ClickHouseHttpProtocolTest.ok(post("DROP DATABASE IF EXISTS " + DB, params()));
    ClickHouseHttpProtocolTest.ok(post("CREATE DATABASE " + DB, params()));
    ClickHouseHttpProtocolTest.ok(
        post(
            "CREATE TABLE "
                + DB
                + ".nested (id UInt8, n Nested(a UInt32, b String))"
                + " ENGINE = MergeTree ORDER BY id",
            params("flatten_nested", "0")));
    ClickHouseHttpProtocolTest.ok(
        post("INSERT INTO " + DB + ".nested VALUES (1, [(1, 'x'), (2, 'y')]), (2, [])", params()));
  }

  @AfterAll
  static void dropDatabase() {
    post("DROP DATABASE IF EXISTS " + DB, params());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "toUInt8(number) AS c",
        "toInt128(number) - 5 AS c",
        "toUInt256(number) * 1000000000000 AS c",
        "toFloat32(number) / 3 AS c",
        "toDecimal32(number, 2) AS c",
        "toDecimal128(number, 10) / 7 AS c",
        "toDecimal256(number, 20) AS c",
        "toDate('2025-01-01') + number AS c",
        "toDate32('1950-01-01') + number AS c",
        "toDateTime64('2025-01-15 10:20:00.123', 3, 'Asia/Shanghai') + number AS c",
        "[toDateTime('2025-01-15 10:20:00', 'Asia/Shanghai')] AS c",
        "number % 2 = 0 AS c",
        "toUUID('61f0c404-5cb3-11e7-907b-a6006ad3dba0') AS c",
        "toIPv4('10.0.0.1') AS c",
        "toIPv6('2001:db8::1') AS c",
        "toFixedString(toString(number), 3) AS c",
        "CAST(number % 2 AS Enum8('a' = 0, 'b' = 1)) AS c",
        "CAST(number % 2 * 1000 AS Enum16('a''q' = 0, 'b' = 1000)) AS c",
        "if(number = 1, NULL, toString(number)) AS c",
        "NULL AS c",
        "[] AS c",
        "range(number % 3) AS c",
        "arrayMap(x -> toString(x), range(number % 3)) AS c",
        "toLowCardinality(toString(number % 2)) AS c",
        "toLowCardinality(if(number = 1, NULL, toString(number))) AS c",
        "arrayMap(x -> toLowCardinality(toString(x)), range(number % 3)) AS c",
        "map('a', number, 'b', number * 2) AS c",
        "map(toLowCardinality(toString(number)), [number]) AS c",
        "CAST((number, toString(number)) AS Tuple(a UInt64, `b c` String)) AS c",
        "(number, [toString(number)], NULL) AS c",
        "(toFloat64(number), toFloat64(number))::Point AS c",
        "toIntervalDay(number) AS c",
      })
  void columnDataIsTheSameAtBothRevisions(String expression) {
    String sql = "SELECT " + expression + " FROM numbers(4)";
    byte[] zero = nativeOutput(sql, null);
    byte[] revision = nativeOutput(sql, "54460");
    assertThat(stripRevision(revision)).isEqualTo(zero);
  }

  @ParameterizedTest
  @ValueSource(strings = {"n", "n.a"})
  void nestedColumns(String column) {
    String sql = "SELECT " + column + " FROM " + DB + ".nested ORDER BY id";
    assertThat(stripRevision(nativeOutput(sql, "54460"))).isEqualTo(nativeOutput(sql, null));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "'{\"a\": 1}'::JSON AS c",
        "1::Dynamic AS c",
        "1::Variant(UInt8, String) AS c",
        "uniqState(number) AS c"
      })
  void typesTheEmbeddedServerCannotTranscodeAreRefusedByName(String expression) {
    if (!SharedServices.embeddedClickHouse()) {
      return;
    }
    String sql = "SELECT " + expression + " FROM numbers(2) GROUP BY number";
    HttpResponse<byte[]> response =
        post(sql, params("default_format", "Native", "client_protocol_version", "54460"));
    assertThat(response.statusCode()).isEqualTo(501);
    assertThat(header(response, "X-ClickHouse-Exception-Code")).isEqualTo("48");
    assertThat(RawHttp.text(response))
        .startsWith("Code: 48. DB::Exception:")
        .contains("(NOT_IMPLEMENTED)")
        .containsAnyOf("JSON", "Dynamic", "Variant", "AggregateFunction");
  }

  private static byte[] nativeOutput(String sql, String revision) {
    HttpResponse<byte[]> response =
        revision == null
            ? post(sql, params("default_format", "Native"))
            : post(sql, params("default_format", "Native", "client_protocol_version", revision));
    assertThat(response.statusCode()).as(RawHttp.text(response)).isEqualTo(200);
    return response.body();
  }

  /**
   * Drops what revision 54460 adds to a single-column block: the BlockInfo {@code 01 00 02 FF FF FF
   * FF 00} and the has_custom_serialization byte after the type name.
   */
  private static byte[] stripRevision(byte[] block) {
    byte[] blockInfo = {1, 0, 2, -1, -1, -1, -1, 0};
    assertThat(Arrays.copyOf(block, blockInfo.length)).isEqualTo(blockInfo);
    int position = blockInfo.length;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int columns = block[position];
    assertThat(columns).isEqualTo(1);
    out.write(block[position++]);
    while ((block[position] & 0x80) != 0) {
      out.write(block[position++]);
    }
    out.write(block[position++]);
    for (int field = 0; field < 2; field++) {
      int length = block[position];
      assertThat(length).isBetween(0, 127);
      out.write(block, position, 1 + length);
      position += 1 + length;
    }
    assertThat(block[position]).as("has_custom_serialization").isZero();
    position++;
    out.write(block, position, block.length - position);
    return out.toByteArray();
  }
}
