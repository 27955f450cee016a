package org.emission.domain.aggregate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.emission.domain.registry.LimitInForce;

/**
 * The judgement of one hour (or day) value against the limit in force for it: exceeded when the
 * value is MEASURED and its converted concentration is above the limit; the exceedance multiple
 * (超标倍数) is {@code (C − L) / L}, given only for an exceedance.
 *
 * @param limit the limit in force, or null when none applies
 * @param exceeded whether the period exceeded it
 * @param multiple {@code (C − L) / L} rounded to 3 decimals, or null when not exceeded
 */
public record HourCompliance(LimitInForce limit, boolean exceeded, BigDecimal multiple) {

  public static HourCompliance judge(BigDecimal converted, boolean measured, LimitInForce limit) {
    if (limit == null
        || !measured
        || converted == null
        || converted.compareTo(limit.value()) <= 0) {
      return new HourCompliance(limit, false, null);
    }
    BigDecimal multiple =
        converted.subtract(limit.value()).divide(limit.value(), 3, RoundingMode.HALF_UP);
    return new HourCompliance(limit, true, multiple);
  }

  /** The limit's value, or null when none applies. */
  public BigDecimal limitValue() {
    return limit == null ? null : limit.value();
  }

  /** The limit's kind as stored in results ({@code standard}, {@code special}, ...), or "". */
  public String limitKindCode() {
    return limit == null ? "" : limit.kind().name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The standard or document the limit comes from, or "". */
  public String limitSource() {
    return limit == null ? "" : limit.source();
  }
}
