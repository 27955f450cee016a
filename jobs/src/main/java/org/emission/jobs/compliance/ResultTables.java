package org.emission.jobs.compliance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.emission.clickhouse.ClickHouseTable;
import org.emission.domain.Cst;
import org.emission.domain.InvalidReason;
import org.emission.domain.aggregate.HourCompliance;
import org.emission.domain.aggregate.LiveValue;
import org.emission.domain.aggregate.OutletDay;
import org.emission.domain.aggregate.OutletHour;
import org.emission.domain.alert.Alert;
import org.emission.domain.cems.MinuteSnapshot;
import org.emission.domain.cems.PollutantMinute;
import org.emission.records.IngestReject;

/**
 * The ClickHouse result tables of the compliance job (schema in {@code
 * clickhouse/migrations/V001__core_tables.sql}) and how each domain output becomes a row. Times go
 * to ClickHouse as CST wall-clock values for the {@code Asia/Shanghai} columns and as UTC for the
 * {@code _at} audit columns.
 */
final class ResultTables {
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

  private ResultTables() {}

  /** A minute record of one pollutant, with its snapshot and when it was processed. */
  record MinuteRow(MinuteSnapshot snapshot, PollutantMinute minute, Instant at) {}

  /** An hour value with its judgement and context. */
  record HourRow(
      OutletHour hour, HourCompliance judgement, String mn, String enterpriseId, Instant at) {}

  /** A day value with its judgement and context. */
  record DayRow(OutletDay day, HourCompliance judgement, String enterpriseId, Instant at) {}

  static final ClickHouseTable<MinuteRow> MINUTES =
      new ClickHouseTable<>(
          "cems_minute",
          List.of(
              "outlet_id",
              "mn",
              "pollutant",
              "minute_start",
              "source_cn",
              "avg_measured",
              "avg_converted",
              "o2",
              "flow_m3h",
              "mass_kg",
              "flag",
              "valid",
              "covered_minutes",
              "backfill",
              "received_at",
              "version"),
          row -> {
            PollutantMinute m = row.minute();
            return new Object[] {
              m.outletId(),
              row.snapshot().mn(),
              m.pollutant(),
              cst(m.start()),
              row.snapshot().source().cn(),
              m.value(),
              m.converted(),
              m.o2(),
              m.flowM3h(),
              m.massKg(),
              m.flag().name(),
              m.isValid() ? 1 : 0,
              m.coveredMinutes(),
              row.snapshot().backfill() ? 1 : 0,
              utc(row.at()),
              row.at().toEpochMilli()
            };
          });

  static final ClickHouseTable<HourRow> HOURS =
      new ClickHouseTable<>(
          "outlet_hour",
          List.of(
              "outlet_id",
              "enterprise_id",
              "mn",
              "pollutant",
              "hour_start",
              "valid",
              "method",
              "invalid_reason",
              "valid_minutes",
              "required_valid_minutes",
              "stop_minutes",
              "invalid_minutes",
              "missing_minutes",
              "availability_percent",
              "avg_measured",
              "avg_converted",
              "min_value",
              "max_value",
              "flow_m3h",
              "mass_rate_kg_h",
              "mass_kg",
              "mass_method",
              "substitution",
              "volume_m3",
              "logger_avg",
              "logger_zs_avg",
              "limit_value",
              "limit_kind",
              "limit_source",
              "exceeded",
              "multiple",
              "computed_at",
              "version"),
          row -> {
            OutletHour h = row.hour();
            HourCompliance j = row.judgement();
            return new Object[] {
              h.outletId(),
              row.enterpriseId(),
              row.mn(),
              h.pollutant(),
              cst(h.hourStart()),
              h.isMeasured() ? 1 : 0,
              h.determination().name(),
              reason(h.invalidReason()),
              h.validMinutes(),
              h.requiredValidMinutes(),
              h.stopMinutes(),
              h.invalidMinutes(),
              h.missingMinutes(),
              num(h.availabilityPercent()),
              num(h.concentration()),
              num(h.convertedConcentration()),
              num(h.min()),
              num(h.max()),
              num(h.flowM3h()),
              num(h.massRateKgH()),
              num(h.massKg()),
              h.massDetermination() == null ? "" : h.massDetermination().name(),
              h.substitution() == null ? "" : h.substitution(),
              num(h.volumeM3()),
              num(h.loggerAvg()),
              num(h.loggerZsAvg()),
              num(j.limitValue()),
              j.limitKindCode(),
              j.limitSource(),
              j.exceeded() ? 1 : 0,
              num(j.multiple()),
              utc(row.at()),
              h.version()
            };
          });

  static final ClickHouseTable<DayRow> DAYS =
      new ClickHouseTable<>(
          "outlet_day",
          List.of(
              "outlet_id",
              "enterprise_id",
              "pollutant",
              "day",
              "valid",
              "method",
              "invalid_reason",
              "valid_hours",
              "stop_hours",
              "availability_percent",
              "transmission_percent",
              "avg_measured",
              "avg_converted",
              "min_value",
              "max_value",
              "mass_kg",
              "mass_method",
              "volume_m3",
              "logger_avg",
              "limit_value",
              "limit_kind",
              "limit_source",
              "exceeded",
              "multiple",
              "computed_at",
              "version"),
          row -> {
            OutletDay d = row.day();
            HourCompliance j = row.judgement();
            return new Object[] {
              d.outletId(),
              row.enterpriseId(),
              d.pollutant(),
              d.day().toString(),
              d.isMeasured() ? 1 : 0,
              d.determination().name(),
              reason(d.invalidReason()),
              d.validHours(),
              d.stopHours(),
              num(d.availabilityPercent()),
              num(d.transmissionPercent()),
              num(d.concentration()),
              num(d.convertedConcentration()),
              num(d.min()),
              num(d.max()),
              num(d.massKg()),
              d.massDetermination() == null ? "" : d.massDetermination().name(),
              num(d.volumeM3()),
              num(d.loggerAvg()),
              num(j.limitValue()),
              j.limitKindCode(),
              j.limitSource(),
              j.exceeded() ? 1 : 0,
              num(j.multiple()),
              utc(row.at()),
              d.version()
            };
          });

  static final ClickHouseTable<Alert> ALERTS =
      new ClickHouseTable<>(
          "alerts",
          List.of(
              "alert_id",
              "kind",
              "severity",
              "state",
              "outlet_id",
              "enterprise_id",
              "mn",
              "pollutant",
              "start",
              "end",
              "peak_value",
              "limit_value",
              "limit_kind",
              "limit_source",
              "multiple",
              "detail",
              "updated_at",
              "version"),
          a ->
              new Object[] {
                a.id(),
                a.kind().name(),
                a.severity().name(),
                a.lifecycle().name(),
                a.outletId(),
                nz(a.enterpriseId()),
                nz(a.mn()),
                nz(a.pollutant()),
                cst(a.start()),
                a.end() == null ? null : cst(a.end()),
                num(a.peakValue()),
                num(a.limitValue()),
                nz(a.limitKind()),
                nz(a.limitSource()),
                num(a.exceedanceMultiple()),
                nz(a.detail()),
                utc(a.at()),
                a.revision()
              });

  /** The gateway's rejects (dead-letter topic {@code ingest.rejects}), as received. */
  static final ClickHouseTable<IngestReject> REJECTS =
      new ClickHouseTable<>(
          "ingest_rejects",
          List.of("received_at", "peer", "mn", "reason_code", "reason", "packet"),
          r ->
              new Object[] {
                utc(r.receivedAt()), r.peer(), nz(r.mn()), r.reasonCode(), r.reason(), r.text()
              });

  static final ClickHouseTable<LiveValue> LIVE =
      new ClickHouseTable<>(
          "outlet_live",
          List.of(
              "outlet_id",
              "pollutant",
              "at",
              "hour_start",
              "hour_valid_minutes",
              "hour_mean",
              "hour_converted_mean",
              "trailing_valid_minutes",
              "trailing_mean",
              "trailing_converted_mean",
              "day_mass_kg",
              "month_mass_kg",
              "year_mass_kg",
              "version"),
          v ->
              new Object[] {
                v.outletId(),
                v.pollutant(),
                cst(v.at()),
                cst(v.hourStart()),
                v.hourValidMinutes(),
                num(v.hourMean()),
                num(v.hourConvertedMean()),
                v.trailingValidMinutes(),
                num(v.trailingMean()),
                num(v.trailingConvertedMean()),
                num(v.dayMassKg()),
                num(v.monthMassKg()),
                num(v.yearMassKg()),
                v.at().toEpochMilli()
              });

  /**
   * A CST wall-clock literal for the {@code Asia/Shanghai} columns. Times go to the driver as text
   * because it binds {@code LocalDateTime} in the JVM's zone, not the column's.
   */
  static String cst(Instant t) {
    return SECONDS.format(LocalDateTime.ofInstant(t, Cst.OFFSET));
  }

  /** A UTC literal with milliseconds for the {@code DateTime64(3, 'UTC')} audit columns. */
  static String utc(Instant t) {
    return MILLIS.format(LocalDateTime.ofInstant(t, ZoneOffset.UTC));
  }

  private static Double num(BigDecimal value) {
    return value == null ? null : value.doubleValue();
  }

  private static String nz(String text) {
    return text == null ? "" : text;
  }

  private static String reason(InvalidReason reason) {
    return reason == null ? "" : reason.code();
  }
}
