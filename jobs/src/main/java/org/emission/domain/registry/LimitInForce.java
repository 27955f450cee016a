package org.emission.domain.registry;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The limit in force for an outlet, pollutant and period: the strictest applicable row, with the
 * kind and source that results must cite.
 *
 * @param appliesTo the row's target as written ({@code OUTLET-1} or {@code sector:power})
 * @param line the row's line in {@code limits.csv}
 */
public record LimitInForce(
    String outletId,
    String pollutant,
    Averaging averaging,
    BigDecimal value,
    String unit,
    LimitKind kind,
    String source,
    LocalDate effectiveFrom,
    LocalDate effectiveTo,
    String appliesTo,
    int line)
    implements Serializable {

  static LimitInForce of(String outletId, LimitRule rule) {
    return new LimitInForce(
        outletId,
        rule.pollutant(),
        rule.averaging(),
        rule.value(),
        rule.unit(),
        rule.kind(),
        rule.source(),
        rule.effectiveFrom(),
        rule.effectiveTo(),
        rule.target(),
        rule.line());
  }

  /** The limit value as a double for comparisons with computed means. */
  public double limit() {
    return value.doubleValue();
  }
}
