package org.emission.records;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * One alert state change: the record on Kafka topic {@code alerts}, keyed by the alert id (design:
 * Kafka contracts). The id is deterministic (outlet, pollutant, rule, start), so every state of one
 * alert lands on one partition in order.
 *
 * @param lifecycle OPENED, UPDATED or CLOSED
 * @param revision 1 for the opening, +1 per change
 * @param end null while the alert is open
 * @param multiple exceedance multiple (C − L) / L, for exceedances
 */
public record AlertEvent(
    int schema,
    String alertId,
    String kind,
    String severity,
    String lifecycle,
    int revision,
    String outletId,
    String enterpriseId,
    String mn,
    String pollutant,
    OffsetDateTime start,
    OffsetDateTime end,
    OffsetDateTime at,
    BigDecimal peakValue,
    BigDecimal limitValue,
    String limitKind,
    String limitSource,
    BigDecimal multiple,
    String detail) {
  public static final int SCHEMA = 1;
}
