package org.emission.domain.cems;

import java.io.Serializable;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * One minute record of an outlet as the logger reported it: a 2051 packet, or a minute formed from
 * 2011 real-time packets.
 *
 * @param start start of the record (HJ 212 DataTime is the interval start)
 * @param coveredMinutes how many minutes the record stands for: the outlet's MinInterval for a 2051
 *     record (a 10-minute record covers 10 minutes), cut at the end of the clock hour; 1 for a
 *     formed minute
 * @param source {@link PacketKind#MINUTE} or {@link PacketKind#REALTIME}
 * @param backfill the logger marked the data as re-sent
 * @param readings per HJ 212 code
 */
public record OutletMinute(
    String outletId,
    String mn,
    Instant start,
    int coveredMinutes,
    PacketKind source,
    boolean backfill,
    Map<String, MinuteReading> readings)
    implements Serializable {

  public OutletMinute {
    readings = java.util.Collections.unmodifiableMap(new TreeMap<>(readings));
  }

  /** End of the covered interval. */
  public Instant end() {
    return start.plusSeconds(60L * coveredMinutes);
  }
}
