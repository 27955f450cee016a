package org.emission.domain.aggregate;

import java.math.BigDecimal;
import java.time.Instant;
import org.emission.domain.Determination;
import org.emission.domain.InvalidReason;
import org.emission.domain.registry.OutletKind;

/** Hour values for day, substitution and alert tests. */
public final class Hours {

  private Hours() {}

  /** A measured flue-gas hour: concentration = converted = {@code c}, mass {@code kg}. */
  public static OutletHour measured(String pollutant, Instant start, double c, double kg) {
    return hour(
        pollutant, start, Determination.MEASURED, null, 60, 0, c, c, kg, Determination.MEASURED);
  }

  /** An invalid hour with the reason; no values, mass invalid. */
  public static OutletHour invalid(String pollutant, Instant start, InvalidReason reason) {
    int stop = reason == InvalidReason.UNIT_STOPPED ? 60 : 0;
    return hour(
        pollutant,
        start,
        Determination.INVALID,
        reason,
        0,
        stop,
        null,
        null,
        null,
        Determination.INVALID);
  }

  public static OutletHour hour(
      String pollutant,
      Instant start,
      Determination d,
      InvalidReason reason,
      int validMinutes,
      int stopMinutes,
      Double c,
      Double converted,
      Double kg,
      Determination massDetermination) {
    return new OutletHour(
        "OUT-1",
        pollutant,
        OutletKind.FLUE_GAS,
        start,
        1,
        d,
        reason,
        validMinutes,
        validMinutes,
        stopMinutes,
        0,
        60 - validMinutes - stopMinutes,
        0,
        45,
        null,
        bd(c),
        bd(converted),
        bd(c),
        bd(c),
        kg == null ? null : BigDecimal.valueOf(1_000_000),
        bd(kg),
        bd(kg),
        massDetermination,
        kg == null ? reason : null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  static BigDecimal bd(Double v) {
    return v == null ? null : BigDecimal.valueOf(v);
  }
}
