package org.emission.domain.alert;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One alert state change (one record on the {@code alerts} topic, keyed by {@code id}).
 *
 * @param id UUID v5 of (outlet, pollutant, kind, start) — {@link AlertIds}
 * @param revision 1 when opened, +1 per later change of the same alert (the version in result
 *     tables)
 * @param pollutant HJ 212 code, or null for outlet-level alerts
 * @param start when the condition began (event time, except DEVICE_OFFLINE: receive time)
 * @param end when it ended, null until CLOSED
 * @param at the time of this change
 * @param peakValue worst value so far (concentration, projected mean, minutes, percent... see
 *     detail)
 * @param limitValue the limit in force, or the configured threshold for data-quality rules
 * @param limitKind the limit's kind ({@code standard}, {@code special}, {@code ultra_low}, {@code
 *     permit}) or {@code threshold}
 * @param limitSource the limit's source document, or the threshold's name
 * @param exceedanceMultiple {@code (C − L) / L} of the peak (超标倍数), exceedance and early warning
 *     only
 * @param detail human-readable explanation
 */
public record Alert(
    String id,
    AlertKind kind,
    Severity severity,
    AlertLifecycle lifecycle,
    int revision,
    String outletId,
    String enterpriseId,
    String mn,
    String pollutant,
    Instant start,
    Instant end,
    Instant at,
    BigDecimal peakValue,
    BigDecimal limitValue,
    String limitKind,
    String limitSource,
    BigDecimal exceedanceMultiple,
    String detail)
    implements Serializable {}
