package org.emission.domain.aggregate;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.emission.domain.Determination;
import org.emission.domain.InvalidReason;
import org.emission.domain.registry.OutletKind;

/**
 * One day value (日均值) of one pollutant of one outlet, from its hour values. Keyed by (outlet,
 * pollutant, day); {@code version} grows when a late hour changes it.
 *
 * @param day the CST calendar day
 * @param dayStart 00:00 +08:00 of {@code day}
 * @param validHours MEASURED hours
 * @param stopHours hours that were a stop period (unit_stopped)
 * @param invalidHours operating hours without a valid value, including hours without any data
 * @param requiredValidHours valid hours this day needed ({@link ValidityRules})
 * @param availabilityPercent validHours / (24 − stopHours) × 100
 * @param concentration flue gas: mean of the valid hours' dry means; wastewater: flow-weighted
 *     {@code ΣG / ΣD × 10^3} over the valid hours (App. D.1); null when invalid
 * @param convertedConcentration mean of the valid hours' converted means (judged against daily
 *     limits), null when invalid
 * @param massKg sum of the hours' measured and substituted masses (日排放量)
 * @param massDetermination MEASURED when every operating hour has a measured mass, SUBSTITUTED when
 *     some are substituted and none missing, INVALID when some have none (massKg is then the sum of
 *     the hours that have one)
 * @param validMinutes Σ valid minutes of the day's hours
 * @param expectedMinutes 1440 − stop minutes
 * @param transmissionPercent validMinutes / expectedMinutes × 100 (传输有效率), null when all stopped
 */
public record OutletDay(
    String outletId,
    String pollutant,
    OutletKind kind,
    LocalDate day,
    Instant dayStart,
    int version,
    Determination determination,
    InvalidReason invalidReason,
    int validHours,
    int stopHours,
    int invalidHours,
    int requiredValidHours,
    BigDecimal availabilityPercent,
    BigDecimal concentration,
    BigDecimal convertedConcentration,
    BigDecimal min,
    BigDecimal max,
    BigDecimal flowM3h,
    BigDecimal massKg,
    Determination massDetermination,
    int measuredMassHours,
    int substitutedMassHours,
    BigDecimal volumeM3,
    int validMinutes,
    int expectedMinutes,
    BigDecimal transmissionPercent,
    BigDecimal loggerAvg,
    BigDecimal loggerZsAvg,
    BigDecimal loggerCou,
    String loggerFlag)
    implements Serializable {

  public boolean isMeasured() {
    return determination == Determination.MEASURED;
  }

  public OutletDay withVersion(int v) {
    return new OutletDay(
        outletId,
        pollutant,
        kind,
        day,
        dayStart,
        v,
        determination,
        invalidReason,
        validHours,
        stopHours,
        invalidHours,
        requiredValidHours,
        availabilityPercent,
        concentration,
        convertedConcentration,
        min,
        max,
        flowM3h,
        massKg,
        massDetermination,
        measuredMassHours,
        substitutedMassHours,
        volumeM3,
        validMinutes,
        expectedMinutes,
        transmissionPercent,
        loggerAvg,
        loggerZsAvg,
        loggerCou,
        loggerFlag);
  }
}
