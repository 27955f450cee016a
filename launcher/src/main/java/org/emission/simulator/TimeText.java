package org.emission.simulator;

import java.time.LocalDate;

/**
 * Fast HJ 212 time texts from epoch milliseconds: {@code yyyyMMddHHmmss} (N14, DataTime) and the
 * 17-digit QN {@code yyyyMMddHHmmssSSS} (HJ 212-2017 Table 3), China Standard Time. Caches the date
 * part of the last day used; not thread-safe, so each logger has its own.
 */
final class TimeText {

  private long cachedDay = Long.MIN_VALUE;
  private final char[] buf = new char[17];

  /** DataTime text. */
  String n14(long millis) {
    fill(millis);
    return new String(buf, 0, 14);
  }

  /** QN text. */
  String qn(long millis) {
    fill(millis);
    return new String(buf, 0, 17);
  }

  private void fill(long millis) {
    long local = millis + 8 * CstTime.HOUR;
    long day = Math.floorDiv(local, CstTime.DAY);
    if (day != cachedDay) {
      LocalDate d = LocalDate.ofEpochDay(day);
      put(0, d.getYear(), 4);
      put(4, d.getMonthValue(), 2);
      put(6, d.getDayOfMonth(), 2);
      cachedDay = day;
    }
    long ms = local - day * CstTime.DAY;
    put(8, (int) (ms / CstTime.HOUR), 2);
    put(10, (int) (ms / CstTime.MINUTE % 60), 2);
    put(12, (int) (ms / CstTime.SECOND % 60), 2);
    put(14, (int) (ms % 1000), 3);
  }

  private void put(int at, int value, int digits) {
    for (int i = at + digits - 1; i >= at; i--) {
      buf[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}
