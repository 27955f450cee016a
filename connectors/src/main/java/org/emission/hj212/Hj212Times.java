package org.emission.hj212;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDateTime;

/**
 * HJ 212 times, N14 {@code yyyyMMddHHmmss} local China Standard Time (HJ 212-2017 Table 4), read
 * straight from bytes without a formatter. The 17-digit form with milliseconds that some HJ/T
 * 212-2005 loggers send is accepted too (warning {@link Hj212Warning#NONSTANDARD_TIME}).
 */
final class Hj212Times {

  private Hj212Times() {}

  /**
   * Whether {@code b[off, off + len)} is 14 digits (or 17 with milliseconds) forming a real
   * calendar date and time.
   */
  static boolean isValid(byte[] b, int off, int len) {
    if (len != 14 && len != 17) {
      return false;
    }
    for (int i = 0; i < len; i++) {
      int d = b[off + i] - '0';
      if (d < 0 || d > 9) {
        return false;
      }
    }
    int year = num(b, off, 4);
    int month = num(b, off + 4, 2);
    int day = num(b, off + 6, 2);
    int hour = num(b, off + 8, 2);
    int minute = num(b, off + 10, 2);
    int second = num(b, off + 12, 2);
    return year >= 1
        && month >= 1
        && month <= 12
        && day >= 1
        && day <= daysIn(year, month)
        && hour <= 23
        && minute <= 59
        && second <= 59;
  }

  /** Parses a valid N14 time; throws {@link DateTimeException} when it is not one. */
  static LocalDateTime parse(byte[] b, int off, int len) {
    if (!isValid(b, off, len)) {
      throw new DateTimeException(
          "not a yyyyMMddHHmmss time: " + new String(b, off, len, StandardCharsets.UTF_8));
    }
    return LocalDateTime.of(
        num(b, off, 4),
        num(b, off + 4, 2),
        num(b, off + 6, 2),
        num(b, off + 8, 2),
        num(b, off + 10, 2),
        num(b, off + 12, 2),
        len == 17 ? num(b, off + 14, 3) * 1_000_000 : 0);
  }

  /** Formats a time as N14. */
  static String format(LocalDateTime t) {
    if (t.getYear() < 0 || t.getYear() > 9999) {
      throw new DateTimeException("year out of range for yyyyMMddHHmmss: " + t);
    }
    return String.format(
        "%04d%02d%02d%02d%02d%02d",
        t.getYear(),
        t.getMonthValue(),
        t.getDayOfMonth(),
        t.getHour(),
        t.getMinute(),
        t.getSecond());
  }

  private static int daysIn(int year, int month) {
    return switch (month) {
      case 2 -> (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  private static int num(byte[] b, int off, int digits) {
    int v = 0;
    for (int i = 0; i < digits; i++) {
      v = v * 10 + (b[off + i] - '0');
    }
    return v;
  }
}
