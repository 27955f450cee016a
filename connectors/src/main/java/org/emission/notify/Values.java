package org.emission.notify;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Numbers and times as messages show them: plain decimals, China Standard Time to the minute. */
final class Values {
  /** China Standard Time, UTC+8: the clock of HJ 212 and of the bureaus (design: Time). */
  static final ZoneOffset CST = ZoneOffset.ofHours(8);

  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private Values() {}

  /** 46.800 → 46.8, 30 → 30. */
  static String number(BigDecimal value) {
    if (value == null) {
      return null;
    }
    BigDecimal stripped = value.stripTrailingZeros();
    return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
  }

  /** An exceedance multiple to two decimals: 0.5600 → 0.56. */
  static String multiple(BigDecimal value) {
    return value == null ? null : number(value.setScale(2, RoundingMode.HALF_UP));
  }

  /** 2025-01-15 10:00 in China Standard Time, whatever offset the record carries. */
  static String time(OffsetDateTime t) {
    return t == null ? null : t.withOffsetSameInstant(CST).format(MINUTE);
  }

  /** The time between two instants, or null when either is unknown or they are out of order. */
  static Duration between(OffsetDateTime start, OffsetDateTime end) {
    if (start == null || end == null || end.isBefore(start)) {
      return null;
    }
    return Duration.between(start, end);
  }

  /** Whether a value with a unit is written with a space between (not for %). */
  static String withUnit(String number, String unit) {
    if (unit.isEmpty()) {
      return number;
    }
    return unit.equals("%") ? number + unit : number + " " + unit;
  }
}
