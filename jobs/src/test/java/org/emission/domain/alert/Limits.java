package org.emission.domain.alert;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.emission.domain.registry.Averaging;
import org.emission.domain.registry.LimitInForce;
import org.emission.domain.registry.LimitKind;

/** Limits in force for alert tests. */
final class Limits {

  private Limits() {}

  /** SO2 ultra-low 35 mg/m3 hourly (环大气〔2019〕35号 / coal power ultra-low). */
  static LimitInForce so2UltraLow() {
    return new LimitInForce(
        "OUT-1",
        "a21026",
        Averaging.HOUR,
        new BigDecimal("35"),
        "mg/m3",
        LimitKind.ULTRA_LOW,
        "ultra-low 10/35/50",
        LocalDate.of(2018, 12, 31),
        null,
        "OUT-1",
        5);
  }

  static LimitInForce daily(String pollutant, String value) {
    return new LimitInForce(
        "WW-1",
        pollutant,
        Averaging.DAY,
        new BigDecimal(value),
        "mg/L",
        LimitKind.STANDARD,
        "GB 8978-1996",
        LocalDate.of(2015, 1, 1),
        null,
        "WW-1",
        9);
  }
}
