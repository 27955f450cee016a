package org.emission.domain.cems;

import java.io.Serializable;
import java.math.BigDecimal;
import org.emission.domain.DataFlag;
import org.emission.records.CemsSample;

/**
 * One pollutant's values in one minute record, as numbers.
 *
 * @param value the minute mean ({@code -Avg} of a 2051 packet, or the mean of valid {@code -Rtd}
 *     values of a formed minute), dry standard state for flue gas
 * @param zs the logger's converted mean ({@code -ZsAvg}), kept for comparison only
 * @param cou the logger's amount in the period ({@code -Cou}: m3 for flow, kg for pollutants)
 */
public record MinuteReading(
    Double value, DataFlag flag, Double min, Double max, Double cou, Double zs)
    implements Serializable {

  public boolean isValid() {
    return flag.isValid() && value != null;
  }

  /** The reading of one pollutant of a 2051/2061/2031 packet ({@code Avg}, else {@code Rtd}). */
  static MinuteReading ofPeriodPacket(CemsSample s, String code) {
    Double avg = number(s, code, "Avg");
    if (avg == null) {
      avg = number(s, code, "Rtd");
    }
    return new MinuteReading(
        avg,
        DataFlag.parse(s.field(code, "Flag")),
        number(s, code, "Min"),
        number(s, code, "Max"),
        number(s, code, "Cou"),
        number(s, code, "ZsAvg"));
  }

  static Double number(CemsSample s, String code, String field) {
    BigDecimal d = s.decimal(code, field);
    return d == null ? null : d.doubleValue();
  }
}
