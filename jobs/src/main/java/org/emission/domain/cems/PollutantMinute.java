package org.emission.domain.cems;

import java.io.Serializable;
import java.time.Instant;
import org.emission.domain.DataFlag;

/**
 * One pollutant (or parameter) of one minute record with the values derived for compliance: the
 * input of an hour.
 *
 * @param coveredMinutes minutes the record stands for (see {@link OutletMinute#coveredMinutes()})
 * @param flag the minute's data flag
 * @param value the minute mean in the code's unit: dry standard concentration in mg/m3 for flue gas
 *     pollutants, mg/L for wastewater, % for O2, m3/h for flue-gas flow (converted from the
 *     outlet's flow unit), L/s for wastewater flow
 * @param converted the reference-O2 converted concentration (折算浓度); equal to {@code value} when the
 *     outlet has no reference O2 or for wastewater; null for parameters and when O2 does not allow
 *     conversion
 * @param o2Unconvertible the outlet has a reference O2 but this minute's O2 is missing, invalid or
 *     >= 20.9 %
 * @param o2 the minute's O2 in % when valid, else null (flue gas)
 * @param flowM3h the outlet's flow of the minute in m3/h (dry standard for flue gas), or null
 * @param flowFlag the flow's data flag, or null when the record has no flow
 * @param volumeM3 wastewater volume of the record in m3 (HJ 212-2017 App. D.1 {@code Dm}), or null
 * @param massKg wastewater pollutant mass of the record in kg ({@code Gm}), or null
 * @param derived true for NOx computed from NO and NO2
 */
public record PollutantMinute(
    String outletId,
    String pollutant,
    Instant start,
    int coveredMinutes,
    DataFlag flag,
    Double value,
    Double converted,
    boolean o2Unconvertible,
    Double o2,
    Double flowM3h,
    DataFlag flowFlag,
    Double volumeM3,
    Double massKg,
    boolean derived)
    implements Serializable {

  /** Valid flag (N or T) with a value. */
  public boolean isValid() {
    return flag.isValid() && value != null;
  }

  /** A stop-period minute (flag F). */
  public boolean isStop() {
    return flag.isStop();
  }

  /** The flow of the minute is valid. */
  public boolean hasValidFlow() {
    return flowFlag != null && flowFlag.isValid() && flowM3h != null;
  }

  /** End of the covered interval. */
  public Instant end() {
    return start.plusSeconds(60L * coveredMinutes);
  }

  /** The same minute with a different covered length (the hour cuts overlapping records). */
  public PollutantMinute withCoveredMinutes(int minutes) {
    return new PollutantMinute(
        outletId,
        pollutant,
        start,
        minutes,
        flag,
        value,
        converted,
        o2Unconvertible,
        o2,
        flowM3h,
        flowFlag,
        volumeM3,
        massKg,
        derived);
  }
}
