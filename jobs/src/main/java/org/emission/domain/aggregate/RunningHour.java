package org.emission.domain.aggregate;

import java.io.Serializable;
import java.time.Instant;

/**
 * The clock hour in progress as seen so far (not an hour value: live display and early warning
 * only).
 *
 * @param elapsedMinutes minutes from the hour start to the end of the latest record
 * @param validMinutes valid covered minutes so far
 * @param stopMinutes stop (F) minutes so far
 * @param valueSum Σ valid value × covered minutes
 * @param convertedSum Σ converted value × covered minutes over the convertible valid minutes
 * @param convertibleMinutes valid minutes with a converted value
 * @param massKg emission so far: Σ C × Q × 10^-6 × minutes / 60 over minutes with valid value and
 *     flow (flue gas), Σ Gm (wastewater)
 */
public record RunningHour(
    Instant hourStart,
    int elapsedMinutes,
    int validMinutes,
    int stopMinutes,
    double valueSum,
    double convertedSum,
    int convertibleMinutes,
    double massKg)
    implements Serializable {

  /** Mean of the valid minutes so far, or null. */
  public Double mean() {
    return validMinutes == 0 ? null : valueSum / validMinutes;
  }

  /** Mean converted concentration of the convertible minutes so far, or null. */
  public Double convertedMean() {
    return convertibleMinutes == 0 ? null : convertedSum / convertibleMinutes;
  }
}
