package org.emission.local.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emission.local.clickhouse.RawHttp.get;
import static org.emission.local.clickhouse.RawHttp.header;
import static org.emission.local.clickhouse.RawHttp.params;
import static org.emission.local.clickhouse.RawHttp.post;
import static org.emission.local.clickhouse.RawHttp.text;

import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** ClickHouse HTTP sessions: state that persists between the requests of one session_id. */
class HttpSessionsTest {

  @Test
  void settingsAndTemporaryTablesPersistWithinTheSessionOnly() {
    String session = UUID.randomUUID().toString();
    String defaultRows = text(post("SELECT getSetting('max_result_rows')", params())).strip();
    ClickHouseHttpProtocolTest.ok(post("SET max_result_rows = 123", params("session_id", session)));
    ClickHouseHttpProtocolTest.ok(
        post("CREATE TEMPORARY TABLE scratch (a UInt8)", params("session_id", session)));
    ClickHouseHttpProtocolTest.ok(
        post("INSERT INTO scratch VALUES (1), (2), (3)", params("session_id", session)));

    assertThat(text(post("SELECT getSetting('max_result_rows')", params("session_id", session))))
        .isEqualTo("123\n");
    assertThat(text(post("SELECT sum(a) FROM scratch", params("session_id", session))))
        .isEqualTo("6\n");
    assertThat(text(post("SELECT getSetting('max_result_rows')", params())).strip())
        .isEqualTo(defaultRows);
    assertThat(post("SELECT sum(a) FROM scratch", params()).statusCode()).isEqualTo(404);

    assertThat(
            text(
                post(
                    "SELECT getSetting('max_result_rows')",
                    params("session_id", session, "max_result_rows", "77"))))
        .isEqualTo("77\n");
    assertThat(text(post("SELECT getSetting('max_result_rows')", params("session_id", session))))
        .isEqualTo("123\n");
    assertThat(text(get(params("query", "SELECT count() FROM scratch", "session_id", session))))
        .isEqualTo("3\n");
    HttpResponse<byte[]> readonly =
        get(params("query", "INSERT INTO scratch VALUES (4)", "session_id", session));
    assertThat(header(readonly, "X-ClickHouse-Exception-Code")).isEqualTo("164");
  }

  @Test
  void sessionCheckAndCloseSession() {
    String session = UUID.randomUUID().toString();
    HttpResponse<byte[]> missing =
        post("SELECT 1", params("session_id", session, "session_check", "1"));
    assertThat(header(missing, "X-ClickHouse-Exception-Code")).isEqualTo("372");
    assertThat(text(missing)).contains("(SESSION_NOT_FOUND)");

    ClickHouseHttpProtocolTest.ok(post("SET max_threads = 1", params("session_id", session)));
    assertThat(
            text(
                post(
                    "SELECT getSetting('max_threads')",
                    params("session_id", session, "session_check", "1", "close_session", "1"))))
        .isEqualTo("1\n");
    HttpResponse<byte[]> closed =
        post("SELECT 1", params("session_id", session, "session_check", "1"));
    assertThat(header(closed, "X-ClickHouse-Exception-Code")).isEqualTo("372");
  }

  @Test
  void aSessionServesOneRequestAtATime() throws Exception {
    String session = UUID.randomUUID().toString();
    ClickHouseHttpProtocolTest.ok(post("SELECT 1", params("session_id", session)));
    CompletableFuture<HttpResponse<byte[]>> slow =
        CompletableFuture.supplyAsync(() -> post("SELECT sleep(2)", params("session_id", session)));
    HttpResponse<byte[]> locked = null;
    for (int i = 0; i < 100 && locked == null; i++) {
      Thread.sleep(20);
      HttpResponse<byte[]> attempt = post("SELECT 1", params("session_id", session));
      if ("373".equals(header(attempt, "X-ClickHouse-Exception-Code"))) {
        locked = attempt;
      }
    }
    assertThat(locked).isNotNull();
    assertThat(text(locked)).contains("(SESSION_IS_LOCKED)");
    assertThat(slow.get().statusCode()).isEqualTo(200);
    assertThat(text(post("SELECT 2", params("session_id", session)))).isEqualTo("2\n");
  }

  @Test
  void invalidSessionTimeoutIsRefused() {
    HttpResponse<byte[]> response =
        post(
            "SELECT 1",
            params("session_id", UUID.randomUUID().toString(), "session_timeout", "forever"));
    assertThat(header(response, "X-ClickHouse-Exception-Code")).isEqualTo("374");
  }
}
