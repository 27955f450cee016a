package org.emission.simulator;

/**
 * The routine quality-control periods of a logger's analysers, flagged as HJ 212-2017 Table 8 says:
 * a daily automatic zero/span calibration of 10–14 minutes (flag C; HJ 75-2017 expects a check at
 * least every 24 h [U]) — one 10-minute check record for wastewater analysers — and a weekly
 * maintenance of 20–35 minutes (flag M, probe blow-back and cleaning). Kept short so that a clean
 * logger never drops below 45 valid minutes per hour because of them alone, nor below 95 % daily
 * transmission. No routine period on a day that the device's incident touches, so that the incident
 * keeps its designed shape.
 */
final class AnalyserRoutine {

  private final long salt;
  private final int calibrationMinute;
  private final int maintenanceWeekday;
  private final int maintenanceMinute;
  private final Incident incident;
  private final boolean tenMinuteRecords;

  private long cachedDay = Long.MIN_VALUE;
  private long calStart;
  private long calEnd;
  private long maintStart;
  private long maintEnd;

  AnalyserRoutine(long seed, String mn, Incident incident, boolean tenMinuteRecords) {
    java.util.SplittableRandom r = Noise.source(seed, "routine/" + mn);
    this.salt = r.nextLong();
    this.calibrationMinute = 20 + r.nextInt(1380);
    this.maintenanceWeekday = r.nextInt(7);
    int m = 540 + r.nextInt(420);
    if (Math.abs(m - calibrationMinute) < 150) {
      m = (m + 240) % 1380 + 30;
    }
    this.maintenanceMinute = m;
    this.incident = incident;
    this.tenMinuteRecords = tenMinuteRecords;
  }

  /** 'C' (calibration), 'M' (maintenance) or 0 for a record starting at {@code t}. */
  char flagAt(long t) {
    refresh(t);
    if (t >= calStart && t < calEnd) {
      return 'C';
    }
    if (t >= maintStart && t < maintEnd) {
      return 'M';
    }
    return 0;
  }

  /** Whether a calibration minute is in its span phase (the second half) rather than zero. */
  boolean spanPhase(long t) {
    return t >= (calStart + calEnd) / 2;
  }

  private void refresh(long t) {
    long day = CstTime.dayStart(t);
    if (day == cachedDay) {
      return;
    }
    cachedDay = day;
    calStart = calEnd = maintStart = maintEnd = Long.MIN_VALUE;
    if (incident != null && incident.touchesDay(day)) {
      return;
    }
    long h = Noise.mix(salt ^ day);
    long jitter = Math.floorMod(h, 21) - 10;
    if (tenMinuteRecords) {
      long start = day + Math.floorDiv(calibrationMinute + jitter, 10) * 10 * CstTime.MINUTE;
      calStart = Math.max(day, start);
      calEnd = calStart + 10 * CstTime.MINUTE;
    } else {
      calStart = day + Math.max(0, calibrationMinute + jitter) * CstTime.MINUTE;
      calEnd = calStart + (10 + Math.floorMod(h >>> 8, 5)) * CstTime.MINUTE;
    }
    int weekday = CstTime.day(t).getDayOfWeek().getValue() % 7;
    if (weekday == maintenanceWeekday) {
      long length = tenMinuteRecords ? 30 : 20 + Math.floorMod(h >>> 16, 16);
      maintStart =
          day
              + (long) maintenanceMinute
                  / (tenMinuteRecords ? 10 : 1)
                  * (tenMinuteRecords ? 10 : 1)
                  * CstTime.MINUTE;
      maintEnd = maintStart + length * CstTime.MINUTE;
    }
  }
}
