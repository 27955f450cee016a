package org.emission.notify;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.emission.records.AlertEvent;

/** Hand-made alert records. */
final class Alerts {
  static final OffsetDateTime START = OffsetDateTime.parse("2025-01-15T10:00+08:00");

  private Alerts() {}

  /** SO2 hourly mean 46.8 mg/m³ over the special limit 30 of outlet WH-DA001: multiple 0.56. */
  static AlertEvent exceedanceOpened(String id) {
    return new AlertEvent(
        AlertEvent.SCHEMA,
        id,
        "EXCEEDANCE",
        "CRITICAL",
        "OPENED",
        1,
        "WH-DA001",
        "WH-E001",
        "MN150300000001",
        "a21026",
        START,
        null,
        START.plusHours(1),
        new BigDecimal("46.800"),
        new BigDecimal("30"),
        "special",
        "GB 13223-2011 表2",
        new BigDecimal("0.5600"),
        "hour a21026 46.800 vs special limit 30 mg/m3 (GB 13223-2011 表2)");
  }

  /** The same alert's peak raised to 52.3 (multiple 0.7433). */
  static AlertEvent exceedanceUpdated(String id) {
    AlertEvent o = exceedanceOpened(id);
    return new AlertEvent(
        o.schema(),
        id,
        o.kind(),
        o.severity(),
        "UPDATED",
        2,
        o.outletId(),
        o.enterpriseId(),
        o.mn(),
        o.pollutant(),
        o.start(),
        null,
        START.plusHours(2),
        new BigDecimal("52.300"),
        o.limitValue(),
        o.limitKind(),
        o.limitSource(),
        new BigDecimal("0.7433"),
        "hour a21026 52.300 vs special limit 30 mg/m3 (GB 13223-2011 表2)");
  }

  /** The same alert closed at 13:00, after three hours. */
  static AlertEvent exceedanceClosed(String id) {
    AlertEvent u = exceedanceUpdated(id);
    return new AlertEvent(
        u.schema(),
        id,
        u.kind(),
        u.severity(),
        "CLOSED",
        3,
        u.outletId(),
        u.enterpriseId(),
        u.mn(),
        u.pollutant(),
        u.start(),
        START.plusHours(3),
        START.plusHours(4),
        u.peakValue(),
        u.limitValue(),
        u.limitKind(),
        u.limitSource(),
        u.multiple(),
        u.detail());
  }

  /** An alert of any kind, severity and lifecycle (outlet-level, no pollutant). */
  static AlertEvent of(String id, String kind, String severity, String lifecycle) {
    return new AlertEvent(
        AlertEvent.SCHEMA,
        id,
        kind,
        severity,
        lifecycle,
        lifecycle.equals("OPENED") ? 1 : 2,
        "WH-DA002",
        "WH-E002",
        "MN150300000002",
        null,
        START,
        lifecycle.equals("CLOSED") ? START.plusMinutes(95) : null,
        START.plusMinutes(95),
        new BigDecimal("75"),
        new BigDecimal("60"),
        "threshold",
        "offline_minutes",
        null,
        kind + " detail");
  }

  static String newId() {
    return UUID.randomUUID().toString();
  }
}
