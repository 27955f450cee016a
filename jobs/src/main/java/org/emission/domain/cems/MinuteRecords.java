package org.emission.domain.cems;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.emission.domain.Cst;
import org.emission.domain.registry.Outlet;
import org.emission.records.CemsSample;

/** Minute records from 2051 packets. */
public final class MinuteRecords {

  private MinuteRecords() {}

  /**
   * The minute record of a 2051 packet. It covers the outlet's MinInterval from its DataTime (HJ
   * 212-2017 Table 4: DataTime is the interval start; a 10-minute record at 08:40 covers
   * 08:40–08:50, Table C.16), cut at the end of the clock hour so that no record counts in two
   * hours.
   */
  public static OutletMinute fromMinutePacket(CemsSample sample, Outlet outlet) {
    Instant start = Cst.minuteStart(sample.dataTime().toInstant());
    Map<String, MinuteReading> readings = new TreeMap<>();
    for (Map.Entry<String, Map<String, String>> e : sample.pollutants().entrySet()) {
      readings.put(e.getKey(), MinuteReading.ofPeriodPacket(e.getValue()));
    }
    return new OutletMinute(
        outlet.id(),
        sample.mn(),
        start,
        covered(start, outlet.minIntervalMinutes()),
        PacketKind.MINUTE,
        sample.backfill(),
        readings);
  }

  /** {@code interval} minutes from {@code start}, cut at the end of the clock hour. */
  static int covered(Instant start, int interval) {
    long toHourEnd =
        (Cst.hourStart(start).toEpochMilli() + Cst.HOUR_MS - start.toEpochMilli()) / Cst.MINUTE_MS;
    return (int) Math.max(1, Math.min(interval, toHourEnd));
  }
}
