package org.emission.domain.aggregate;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import org.emission.domain.Determination;
import org.emission.domain.InvalidReason;
import org.emission.domain.registry.OutletKind;

/**
 * One hour value (小时值) of one pollutant of one outlet, computed from its minute records. Keyed by
 * (outlet, pollutant, hour); {@code version} grows each time late data changes it (result tables
 * keep the highest version).
 *
 * @param hourStart start of the CST clock hour
 * @param version 1 for the first emission, +1 per change
 * @param determination of the compliance value ({@code convertedConcentration}): MEASURED or
 *     INVALID with {@code invalidReason}
 * @param validMinutes covered minutes of valid (N, T) records (有效分钟数)
 * @param convertibleMinutes valid minutes that also had a usable O2 (equal to validMinutes without
 *     a reference O2)
 * @param stopMinutes minutes flagged F (stop period), outside numerator and denominator
 * @param invalidMinutes minutes flagged C, M, D, B or S
 * @param missingMinutes minutes covered by no record
 * @param overRangeMinutes valid minutes flagged T (kept, but marked)
 * @param requiredValidMinutes valid minutes this hour needed ({@link ValidityRules})
 * @param availabilityPercent validMinutes / (60 − stopMinutes) × 100, null when fully stopped
 * @param concentration dry standard mean (flow-weighted for wastewater), null unless enough valid
 *     minutes — an invalid hour is never averaged
 * @param convertedConcentration reference-O2 converted mean (折算浓度), what limits are judged on;
 *     equal to the dry mean without a reference O2; null unless MEASURED
 * @param min lowest valid minute value
 * @param max highest valid minute value
 * @param flowM3h mean valid flow in m3/h, null when the flow is not valid
 * @param massRateKgH {@code C × Q × 10^-6} from the dry (not converted) mean (flue gas)
 * @param massKg emission of the hour in kg (MEASURED or SUBSTITUTED), null otherwise
 * @param massDetermination how {@code massKg} was obtained
 * @param massInvalidReason why there is no measured mass, or null
 * @param substitution the substitution rule applied, or null
 * @param volumeM3 wastewater volume of the hour ({@code Dh}), or null
 * @param loggerAvg the logger's own 2061 {@code -Avg}, or null when not received
 * @param loggerZsAvg the logger's 2061 {@code -ZsAvg}
 * @param loggerCou the logger's 2061 {@code -Cou}
 * @param loggerFlag the logger's 2061 {@code -Flag}
 */
public record OutletHour(
    String outletId,
    String pollutant,
    OutletKind kind,
    Instant hourStart,
    int version,
    Determination determination,
    InvalidReason invalidReason,
    int validMinutes,
    int convertibleMinutes,
    int stopMinutes,
    int invalidMinutes,
    int missingMinutes,
    int overRangeMinutes,
    int requiredValidMinutes,
    BigDecimal availabilityPercent,
    BigDecimal concentration,
    BigDecimal convertedConcentration,
    BigDecimal min,
    BigDecimal max,
    BigDecimal flowM3h,
    BigDecimal massRateKgH,
    BigDecimal massKg,
    Determination massDetermination,
    InvalidReason massInvalidReason,
    String substitution,
    BigDecimal volumeM3,
    BigDecimal loggerAvg,
    BigDecimal loggerZsAvg,
    BigDecimal loggerCou,
    String loggerFlag)
    implements Serializable {

  public boolean isMeasured() {
    return determination == Determination.MEASURED;
  }

  public boolean isStopped() {
    return invalidReason == InvalidReason.UNIT_STOPPED;
  }

  public Instant hourEnd() {
    return hourStart.plusSeconds(3600);
  }

  /** The same hour with another version number. */
  public OutletHour withVersion(int v) {
    return new OutletHour(
        outletId,
        pollutant,
        kind,
        hourStart,
        v,
        determination,
        invalidReason,
        validMinutes,
        convertibleMinutes,
        stopMinutes,
        invalidMinutes,
        missingMinutes,
        overRangeMinutes,
        requiredValidMinutes,
        availabilityPercent,
        concentration,
        convertedConcentration,
        min,
        max,
        flowM3h,
        massRateKgH,
        massKg,
        massDetermination,
        massInvalidReason,
        substitution,
        volumeM3,
        loggerAvg,
        loggerZsAvg,
        loggerCou,
        loggerFlag);
  }

  /** The same hour with a substituted emission (mass accounting only; concentrations unchanged). */
  public OutletHour withSubstitutedMass(BigDecimal kg, String rule) {
    return new OutletHour(
        outletId,
        pollutant,
        kind,
        hourStart,
        version,
        determination,
        invalidReason,
        validMinutes,
        convertibleMinutes,
        stopMinutes,
        invalidMinutes,
        missingMinutes,
        overRangeMinutes,
        requiredValidMinutes,
        availabilityPercent,
        concentration,
        convertedConcentration,
        min,
        max,
        flowM3h,
        massRateKgH,
        kg,
        Determination.SUBSTITUTED,
        massInvalidReason,
        rule,
        volumeM3,
        loggerAvg,
        loggerZsAvg,
        loggerCou,
        loggerFlag);
  }
}
