package org.emission.domain.cems;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.emission.domain.Cst;
import org.emission.domain.DataFlag;
import org.emission.domain.registry.Outlet;
import org.emission.records.CemsSample;

/**
 * The logger's own hourly (2061) or daily (2031) value of one pollutant, kept beside the value the
 * job computes from the minutes so that a mismatch can be detected.
 *
 * @param period {@link PacketKind#HOUR} or {@link PacketKind#DAY}
 * @param start the clock hour or CST day the value is for (DataTime is the interval start)
 */
public record LoggerAggregate(
    String outletId,
    String pollutant,
    PacketKind period,
    Instant start,
    Double avg,
    Double zsAvg,
    Double min,
    Double max,
    Double cou,
    DataFlag flag)
    implements Serializable {

  /** The aggregates of a 2061 or 2031 packet, one per pollutant; empty for other packets. */
  public static List<LoggerAggregate> from(CemsSample sample, Outlet outlet) {
    PacketKind kind = PacketKind.of(sample.cn());
    if (kind != PacketKind.HOUR && kind != PacketKind.DAY) {
      return List.of();
    }
    Instant t = sample.dataTime().toInstant();
    Instant start = kind == PacketKind.HOUR ? Cst.hourStart(t) : Cst.dayStart(t);
    List<LoggerAggregate> result = new ArrayList<>();
    for (String code : new java.util.TreeSet<>(sample.pollutants().keySet())) {
      MinuteReading r = MinuteReading.ofPeriodPacket(sample, code);
      result.add(
          new LoggerAggregate(
              outlet.id(),
              code,
              kind,
              start,
              r.value(),
              r.zs(),
              r.min(),
              r.max(),
              r.cou(),
              r.flag()));
    }
    return result;
  }
}
