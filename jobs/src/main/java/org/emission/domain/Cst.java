package org.emission.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * China Standard Time (UTC+8, 北京时间): HJ 212 data times carry no offset and are CST (HJ 212-2017
 * §6.3.3 DataTime; design "Time"); hours, days, months and years are clock periods in CST.
 */
public final class Cst {

  /** UTC+8, without daylight saving. */
  public static final ZoneOffset OFFSET = ZoneOffset.ofHours(8);

  public static final long MINUTE_MS = 60_000L;
  public static final long HOUR_MS = 3_600_000L;
  public static final long DAY_MS = 86_400_000L;

  /** The UTC+8 offset in milliseconds. */
  private static final long OFFSET_MS = 8 * HOUR_MS;

  private Cst() {}

  /** Start of the CST clock minute containing {@code t}. */
  public static Instant minuteStart(Instant t) {
    return t.truncatedTo(ChronoUnit.MINUTES);
  }

  /** Start of the CST clock hour containing {@code t} (UTC+8 has a whole-hour offset). */
  public static Instant hourStart(Instant t) {
    return t.truncatedTo(ChronoUnit.HOURS);
  }

  /**
   * {@link #hourStart(Instant)} on epoch milliseconds, without allocating (for per-minute paths).
   */
  public static long hourStart(long epochMilli) {
    return Math.floorDiv(epochMilli, HOUR_MS) * HOUR_MS;
  }

  /**
   * {@link #dayStart(Instant)} on epoch milliseconds, without allocating (for per-minute paths):
   * UTC+8 has no daylight saving, so a CST day is a fixed 24 h span starting at 16:00 UTC.
   */
  public static long dayStart(long epochMilli) {
    long days = Math.floorDiv(epochMilli, DAY_MS);
    if (Math.floorMod(epochMilli, DAY_MS) + OFFSET_MS >= DAY_MS) {
      days++;
    }
    return days * DAY_MS - OFFSET_MS;
  }

  /** Start (00:00 +08:00) of the CST day containing {@code t}. */
  public static Instant dayStart(Instant t) {
    return day(t).atStartOfDay(OFFSET).toInstant();
  }

  /** The CST calendar day containing {@code t}. */
  public static LocalDate day(Instant t) {
    return t.atOffset(OFFSET).toLocalDate();
  }

  /** 00:00 +08:00 of a CST calendar day. */
  public static Instant startOf(LocalDate day) {
    return day.atStartOfDay(OFFSET).toInstant();
  }

  /** Start of the CST month containing {@code t}. */
  public static Instant monthStart(Instant t) {
    return startOf(day(t).withDayOfMonth(1));
  }

  /** Start of the CST year containing {@code t}. */
  public static Instant yearStart(Instant t) {
    return startOf(day(t).withDayOfYear(1));
  }

  /** Start of the CST quarter containing {@code t}. */
  public static Instant quarterStart(Instant t) {
    LocalDate d = day(t);
    int firstMonth = ((d.getMonthValue() - 1) / 3) * 3 + 1;
    return startOf(LocalDate.of(d.getYear(), firstMonth, 1));
  }

  /** The instant as an ISO-8601 time with the +08:00 offset, for messages. */
  public static String format(Instant t) {
    return ZonedDateTime.ofInstant(t, OFFSET).toOffsetDateTime().toString();
  }
}
