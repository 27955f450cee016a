package org.emission.domain.aggregate;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Live running values of one pollutant of one outlet after a minute record (实时滚动值): for display,
 * never a compliance result.
 *
 * @param at end of the latest minute record
 * @param hourStart the clock hour in progress
 * @param hourValidMinutes valid minutes of that hour so far
 * @param hourMean mean of its valid minutes so far (dry standard)
 * @param hourConvertedMean converted mean so far
 * @param trailingValidMinutes valid minutes of the trailing 60 minutes
 * @param trailingMean mean of the trailing 60 minutes' valid minutes
 * @param trailingConvertedMean converted mean of the trailing 60 minutes
 * @param dayMassKg emission of the CST day so far (hours already emitted plus the hour in progress)
 * @param monthMassKg emission of the CST month so far
 * @param yearMassKg emission of the CST year so far
 */
public record LiveValue(
    String outletId,
    String pollutant,
    Instant at,
    Instant hourStart,
    int hourValidMinutes,
    BigDecimal hourMean,
    BigDecimal hourConvertedMean,
    int trailingValidMinutes,
    BigDecimal trailingMean,
    BigDecimal trailingConvertedMean,
    BigDecimal dayMassKg,
    BigDecimal monthMassKg,
    BigDecimal yearMassKg)
    implements Serializable {}
