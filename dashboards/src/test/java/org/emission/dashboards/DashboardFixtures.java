package org.emission.dashboards;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A small realistic region for the dashboards' SQL: a coking plant in Wuhai's Hainan industrial
 * park whose coke-oven stack is over its SO2 special limit, and a calcium-carbide plant in Otog
 * Banner whose logger went silent. Every key starts with {@value #PREFIX}, so the rows can be
 * removed again from a real server.
 */
final class DashboardFixtures {
  static final String PREFIX = "dash-test";
  static final String DISTRICT = "海南区";
  static final String PARK = "海南工业园区";
  static final String SECTOR = "焦化";
  static final String COKE_OVEN_STACK = PREFIX + "-O1";
  static final String COKE_OVEN_STACK_NAME = "1#焦炉烟囱";
  static final double SO2_CONVERTED = 38.5;

  private static final ZoneId CST = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter CST_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(CST);
  private static final DateTimeFormatter CST_DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(CST);

  private static final List<String> TABLES_BY_KEY =
      List.of(
          "dim_enterprise WHERE enterprise_id",
          "dim_outlet WHERE outlet_id",
          "outlet_hour WHERE outlet_id",
          "outlet_day WHERE outlet_id",
          "cems_minute WHERE outlet_id",
          "alerts WHERE alert_id",
          "alert_acks WHERE alert_id",
          "ingest_rejects WHERE peer");

  private DashboardFixtures() {}

  /** Inserts the rows, their times relative to now. */
  static void insert(Connection connection, Instant now) throws SQLException {
    Instant hour = now.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1));
    Instant earlierHour = hour.minus(Duration.ofHours(1));
    Instant yesterday = now.minus(Duration.ofDays(1));
    try (Statement sql = connection.createStatement()) {
      sql.execute(
          "INSERT INTO emission.dim_enterprise"
              + " (enterprise_id, name, region, district, park, sector, loaded_at) VALUES"
              + " ('dash-test-E1', '乌海测试焦化有限公司', '乌海市', '海南区', '海南工业园区', '焦化', now64(3)),"
              + " ('dash-test-E2', '鄂托克测试电石有限公司', '鄂尔多斯市', '鄂托克旗', '蒙西工业园区', '电石', now64(3))");
      sql.execute(
          "INSERT INTO emission.dim_outlet (outlet_id, enterprise_id, name, kind, mn, facility,"
              + " o2_ref, status, status_since, loaded_at) VALUES"
              + " ('dash-test-O1', 'dash-test-E1', '1#焦炉烟囱', 'flue_gas',"
              + " '150303DASHTEST0000000001', '1#焦炉', 8, 'operating', '2019-06-01', now64(3)),"
              + " ('dash-test-O2', 'dash-test-E2', '1#电石炉烟囱', 'flue_gas',"
              + " '150624DASHTEST0000000002', '1#电石炉', NULL, 'operating', '2020-03-15', now64(3))");
      String limit = "'GB 16171-2012 表5 特别排放限值'";
      sql.execute(
          "INSERT INTO emission.outlet_hour (outlet_id, enterprise_id, mn, pollutant, hour_start,"
              + " valid, method, valid_minutes, invalid_reason, avg_measured, avg_converted, flow_m3h,"
              + " mass_kg, limit_value, limit_kind, limit_source, exceeded, multiple, computed_at,"
              + " version) VALUES"
              + hourRow(
                  hour, "a21026", 1, "''", "35.1", "38.5", "152000", "5.34", "30", limit, 1,
                  "0.283")
              + ","
              + hourRow(
                  hour, "a21002", 1, "''", "112.0", "120.4", "152000", "18.3", "150", limit, 0,
                  "NULL")
              + ","
              + hourRow(
                  hour, "a19001", 1, "''", "9.2", "NULL", "152000", "NULL", "NULL", "''", 0, "NULL")
              + ","
              + hourRow(
                  earlierHour,
                  "a21026",
                  0,
                  "'insufficient_valid_minutes'",
                  "NULL",
                  "NULL",
                  "NULL",
                  "NULL",
                  "30",
                  limit,
                  0,
                  "NULL"));
      sql.execute(
          "INSERT INTO emission.outlet_day (outlet_id, enterprise_id, pollutant, day, valid, method,"
              + " valid_hours, invalid_reason, avg_measured, avg_converted, mass_kg, logger_avg,"
              + " limit_value, limit_kind, limit_source, exceeded, computed_at, version) VALUES"
              + " ('dash-test-O1', 'dash-test-E1', 'a21026', '"
              + CST_DATE.format(yesterday)
              + "', 1, 'MEASURED', 23, '', 24.8, 27.1, 120.5, 27.0, 30, 'special', "
              + limit
              + ", 0, now64(3), 1),"
              + " ('dash-test-O1', 'dash-test-E1', 'a21002', '"
              + CST_DATE.format(yesterday)
              + "', 1, 'MEASURED', 23, '', 98.0, 104.2, 410.2, 103.9, 150, 'special', "
              + limit
              + ", 0, now64(3), 1)");
      Instant minute = now.truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(5));
      sql.execute(
          "INSERT INTO emission.cems_minute (outlet_id, mn, pollutant, minute_start, source_cn,"
              + " avg_measured, avg_converted, flag, valid, covered_minutes, received_at, version)"
              + " VALUES ('dash-test-O1', '150303DASHTEST0000000001',"
              + " 'a21026', '"
              + CST_TIME.format(minute)
              + "', '2051', 33.0, 36.2, 'N', 1, 1, now64(3), 1)");
      sql.execute(
          "INSERT INTO emission.alerts (alert_id, kind, severity, state, outlet_id, enterprise_id,"
              + " pollutant, start, end, peak_value, limit_value, limit_source, multiple, detail,"
              + " updated_at, version) VALUES"
              + " ('dash-test-A1', 'EXCEEDANCE', 'CRITICAL', 'UPDATED', 'dash-test-O1', 'dash-test-E1',"
              + " 'a21026', '"
              + CST_TIME.format(hour)
              + "', NULL, 38.5, 30, "
              + limit
              + ", 0.283, '二氧化硫小时折算浓度 38.5 mg/m3 超过特别排放限值 30 mg/m3', now64(3), 2),"
              + " ('dash-test-A2', 'DEVICE_OFFLINE', 'WARNING', 'OPENED', 'dash-test-O2',"
              + " 'dash-test-E2', '', '"
              + CST_TIME.format(now.minus(Duration.ofHours(3)))
              + "', NULL, 180, 60, 'offline_minutes', NULL, '超过 60 分钟未收到报文', now64(3), 1),"
              + " ('dash-test-A3', 'EARLY_WARNING', 'WARNING', 'CLOSED', 'dash-test-O1',"
              + " 'dash-test-E1', 'a21002', '"
              + CST_TIME.format(now.minus(Duration.ofHours(6)))
              + "', '"
              + CST_TIME.format(now.minus(Duration.ofHours(5)))
              + "', 142.0, 150, "
              + limit
              + ", NULL, '本小时预计接近限值', now64(3), 3)");
      sql.execute(
          "INSERT INTO emission.alert_acks (alert_id, acknowledged_by, acknowledged_at, note) VALUES"
              + " ('dash-test-A2', '值班员 王', now64(3), '已电话通知企业')");
      sql.execute(
          "INSERT INTO emission.ingest_rejects (received_at, peer, mn, reason_code, reason, packet)"
              + " VALUES (now64(3) - INTERVAL 10 MINUTE, 'dash-test',"
              + " '150303DASHTEST0000000001', 'CRC_MISMATCH', 'CRC 校验失败',"
              + " '##0101QN=20261123101000000;ST=31;CN=2051;PW=123456;MN=150303DASHTEST0000000001;"
              + "Flag=5;CP=&&&&ABCD')");
    }
  }

  /** Removes the rows again (lightweight deletes), for runs against a real server. */
  static void delete(Connection connection) throws SQLException {
    try (Statement sql = connection.createStatement()) {
      for (String tableByKey : TABLES_BY_KEY) {
        sql.execute("DELETE FROM emission." + tableByKey + " LIKE '" + PREFIX + "%'");
      }
    }
  }

  private static String hourRow(
      Instant hour,
      String pollutant,
      int valid,
      String invalidReason,
      String measured,
      String converted,
      String flow,
      String mass,
      String limit,
      String limitSource,
      int exceeded,
      String multiple) {
    return " ('dash-test-O1', 'dash-test-E1', '150303DASHTEST0000000001', '"
        + pollutant
        + "', '"
        + CST_TIME.format(hour)
        + "', "
        + valid
        + ", '"
        + (valid == 1 ? "MEASURED" : "INVALID")
        + "', "
        + (valid == 1 ? 60 : 31)
        + ", "
        + invalidReason
        + ", "
        + measured
        + ", "
        + converted
        + ", "
        + flow
        + ", "
        + mass
        + ", "
        + limit
        + ", "
        + (limit.equals("NULL") ? "''" : "'special'")
        + ", "
        + limitSource
        + ", "
        + exceeded
        + ", "
        + multiple
        + ", now64(3), 1)";
  }
}
