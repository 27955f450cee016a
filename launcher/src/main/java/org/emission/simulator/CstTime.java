package org.emission.simulator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * China Standard Time (UTC+8) helpers on epoch milliseconds: HJ 212 times are CST without an
 * offset, records carry ISO-8601 with {@code +08:00} (DESIGN.md, Kafka contracts: Time).
 */
final class CstTime {

  static final ZoneOffset OFFSET = ZoneOffset.ofHours(8);
  static final long SECOND = 1_000L;
  static final long MINUTE = 60_000L;
  static final long HOUR = 3_600_000L;
  static final long DAY = 86_400_000L;
  private static final long OFFSET_MS = 8 * HOUR;
  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  private CstTime() {}

  /**
   * Parses a command-line time: an ISO date ({@code 2025-01-15}, midnight CST), a local date-time
   * (CST) or a date-time with an offset.
   *
   * @throws IllegalArgumentException naming the accepted forms
   */
  static long parse(String text) {
    String t = text.trim();
    try {
      if (t.length() == 10) {
        return millis(LocalDate.parse(t).atStartOfDay());
      }
      if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:?\\d\\d$")) {
        return OffsetDateTime.parse(t).toInstant().toEpochMilli();
      }
      return millis(LocalDateTime.parse(t));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "not a time: '"
              + text
              + "' (use 2025-01-15, 2025-01-15T08:00 (CST) or 2025-01-15T08:00+08:00)",
          e);
    }
  }

  static long millis(LocalDateTime cst) {
    return cst.toInstant(OFFSET).toEpochMilli();
  }

  /** ISO-8601 with the {@code +08:00} offset, seconds precision. */
  static String iso(long millis) {
    return OffsetDateTime.ofInstant(Instant.ofEpochMilli(millis), OFFSET).withNano(0).format(ISO);
  }

  /** Start of the CST day containing {@code millis}. */
  static long dayStart(long millis) {
    return Math.floorDiv(millis + OFFSET_MS, DAY) * DAY - OFFSET_MS;
  }

  /** Start of the clock hour containing {@code millis}. */
  static long hourStart(long millis) {
    return Math.floorDiv(millis, HOUR) * HOUR;
  }

  /** Start of the minute containing {@code millis}. */
  static long minuteStart(long millis) {
    return Math.floorDiv(millis, MINUTE) * MINUTE;
  }

  /** Hour of the CST day as a fraction, 0 <= h < 24. */
  static double hourOfDay(long millis) {
    return (millis - dayStart(millis)) / (double) HOUR;
  }

  /** The CST calendar day. */
  static LocalDate day(long millis) {
    return LocalDate.ofEpochDay(Math.floorDiv(millis + OFFSET_MS, DAY));
  }
}
