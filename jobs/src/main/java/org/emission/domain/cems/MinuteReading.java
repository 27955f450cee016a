package org.emission.domain.cems;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Map;
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
    Map<String, String> fields = s.pollutants().get(code);
    return ofPeriodPacket(fields == null ? Map.of() : fields);
  }

  /** {@link #ofPeriodPacket(CemsSample, String)} from the pollutant's fields. */
  static MinuteReading ofPeriodPacket(Map<String, String> fields) {
    // one pass over the (few) fields sent, rather than a lookup per field that may be sent
    String avg = null;
    String rtd = null;
    String flag = null;
    String min = null;
    String max = null;
    String cou = null;
    String zsAvg = null;
    for (Map.Entry<String, String> f : fields.entrySet()) {
      switch (f.getKey()) {
        case "Avg" -> avg = f.getValue();
        case "Rtd" -> rtd = f.getValue();
        case "Flag" -> flag = f.getValue();
        case "Min" -> min = f.getValue();
        case "Max" -> max = f.getValue();
        case "Cou" -> cou = f.getValue();
        case "ZsAvg" -> zsAvg = f.getValue();
        default -> {}
      }
    }
    Double value = number(avg);
    if (value == null) {
      value = number(rtd);
    }
    return new MinuteReading(
        value, DataFlag.parse(flag), number(min), number(max), number(cou), number(zsAvg));
  }

  /** One field of one pollutant as a number ({@link CemsSample#decimal} as a double), or null. */
  static Double number(CemsSample s, String code, String field) {
    return number(s.field(code, field));
  }

  /** Exact powers of ten, as {@code BigDecimal.doubleValue()} divides by them. */
  private static final double[] POWERS_OF_TEN = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22
  };

  /**
   * A field's text as a number: {@code new BigDecimal(text).doubleValue()} (the decimal rounded to
   * the nearest double), or null when the text is null, empty or not a decimal number, as {@link
   * CemsSample#decimal} reads it. Plain texts such as {@code -12.345} of at most 18 digits take a
   * shortcut: their digits as a long divided once by an exact power of ten, which rounds correctly
   * while the digits are below 2^52 — the computation {@code BigDecimal} itself does for them.
   */
  static Double number(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    int n = text.length();
    int i = 0;
    boolean negative = false;
    char c = text.charAt(0);
    if (c == '-' || c == '+') {
      negative = c == '-';
      i = 1;
    }
    long digits = 0;
    int count = 0;
    int integerDigits = -1;
    for (; i < n; i++) {
      c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits = digits * 10 + (c - '0');
        count++;
      } else if (c == '.' && integerDigits < 0) {
        integerDigits = count;
      } else {
        return parsed(text);
      }
    }
    int scale = integerDigits < 0 ? 0 : count - integerDigits;
    if (count == 0 || count > 18 || integerDigits == 0 || (integerDigits > 0 && scale == 0)) {
      return parsed(text);
    }
    long unscaled = negative ? -digits : digits;
    if (scale == 0) {
      return (double) unscaled;
    }
    if (digits < (1L << 52) && scale < POWERS_OF_TEN.length) {
      return unscaled / POWERS_OF_TEN[scale];
    }
    return parsed(text);
  }

  private static Double parsed(String text) {
    try {
      return new BigDecimal(text).doubleValue();
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
