package org.emission.domain.cems;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.emission.domain.Cst;
import org.emission.domain.DataFlag;
import org.emission.domain.registry.Outlet;
import org.emission.records.CemsSample;

/**
 * Forms minute records from 2011 real-time packets of one device (state, one per MN).
 *
 * <p>A minute's value is the mean of the valid (N, T) real-time values in it. Its flag is normal if
 * at least {@link #NORMAL_SHARE} of its values are valid (HJ 212-2017 App. C, notes to Tables
 * C.16–C.18: "otherwise D"); when it is not, the flag is the most frequent non-valid flag of the
 * minute instead of D, so that an hour made of calibration minutes is reported as calibration and
 * not as a fault. HJ 212-2017 App. D eq. 23's n >= 12 counts the analyser's 5-second samples, not
 * 2011 packets (RtdInterval is 30 s or more), so it is not applied here.
 *
 * <p>Event time is the device's: a minute is complete once a real-time value of a later minute
 * arrives (or {@link #flush} is called on a timer). Real-time values are deduplicated by sampling
 * instant, so a re-sent packet changes nothing; a late value for a minute already emitted re-emits
 * that minute (the hour then replaces it). Minutes older than {@code retentionMinutes} behind the
 * newest value are forgotten; later values for them are dropped and counted in {@link
 * #droppedLate()}.
 */
public final class RealtimeMinuteBuilder implements Serializable {

  private static final long serialVersionUID = 1L;

  /** HJ 212-2017 App. C notes: a period is normal when >= 75 % of its values are normal. */
  public static final double NORMAL_SHARE = 0.75;

  /** Default time a formed minute stays re-openable by late real-time values. */
  public static final int DEFAULT_RETENTION_MINUTES = 120;

  private final int retentionMinutes;
  // minute start (epoch ms) -> sampling instant (epoch ms) -> code -> reading
  private final TreeMap<Long, TreeMap<Long, Map<String, MinuteReading>>> minutes = new TreeMap<>();
  private final TreeSet<Long> emitted = new TreeSet<>();
  private long frontier = Long.MIN_VALUE;
  private long droppedLate;

  public RealtimeMinuteBuilder() {
    this(DEFAULT_RETENTION_MINUTES);
  }

  public RealtimeMinuteBuilder(int retentionMinutes) {
    if (retentionMinutes < 1) {
      throw new IllegalArgumentException("retentionMinutes must be >= 1");
    }
    this.retentionMinutes = retentionMinutes;
  }

  /** Real-time values that arrived too late to be used. */
  public long droppedLate() {
    return droppedLate;
  }

  /**
   * Adds a 2011 packet. Returns the minutes completed or changed by it, in time order: the minutes
   * before the packet's minute that were still open, and the packet's own minute again when it had
   * already been emitted and this packet changed it.
   */
  public List<OutletMinute> add(CemsSample sample, Outlet outlet) {
    long t = sample.dataTime().toInstant().toEpochMilli();
    long minute = Math.floorDiv(t, Cst.MINUTE_MS) * Cst.MINUTE_MS;
    if (frontier != Long.MIN_VALUE && minute < frontier - retentionMinutes * Cst.MINUTE_MS) {
      droppedLate++;
      return List.of();
    }
    Map<String, MinuteReading> readings = new TreeMap<>();
    for (String code : sample.pollutants().keySet()) {
      Double rtd = MinuteReading.number(sample, code, "Rtd");
      if (rtd == null) {
        rtd = MinuteReading.number(sample, code, "Avg");
      }
      readings.put(
          code,
          new MinuteReading(
              rtd,
              DataFlag.parse(sample.field(code, "Flag")),
              null,
              null,
              MinuteReading.number(sample, code, "Cou"),
              MinuteReading.number(sample, code, "ZsRtd")));
    }
    TreeMap<Long, Map<String, MinuteReading>> samples =
        minutes.computeIfAbsent(minute, k -> new TreeMap<>());
    Map<String, MinuteReading> previous = samples.put(t, readings);
    boolean changed = !readings.equals(previous);
    List<OutletMinute> out = new ArrayList<>();
    if (changed && emitted.contains(minute)) {
      out.add(form(minute, samples, outlet, sample.backfill()));
    }
    frontier = Math.max(frontier, t);
    out.addAll(emitUpTo(Math.floorDiv(frontier, Cst.MINUTE_MS) * Cst.MINUTE_MS, outlet));
    evict();
    return out;
  }

  /**
   * Emits the open minutes that end at or before {@code upTo} (e.g. on a timer when the device went
   * quiet).
   */
  public List<OutletMinute> flush(Instant upTo, Outlet outlet) {
    List<OutletMinute> out = emitUpTo(upTo.toEpochMilli() - Cst.MINUTE_MS + 1, outlet);
    evict();
    return out;
  }

  /** Emits not yet emitted minutes whose start is before {@code before}. */
  private List<OutletMinute> emitUpTo(long before, Outlet outlet) {
    List<OutletMinute> out = new ArrayList<>();
    for (Map.Entry<Long, TreeMap<Long, Map<String, MinuteReading>>> e :
        minutes.headMap(before, false).entrySet()) {
      if (emitted.add(e.getKey())) {
        out.add(form(e.getKey(), e.getValue(), outlet, false));
      }
    }
    return out;
  }

  private void evict() {
    long keepFrom = frontier - retentionMinutes * Cst.MINUTE_MS;
    minutes.headMap(keepFrom, false).keySet().removeIf(emitted::contains);
    emitted.headSet(keepFrom, false).clear();
  }

  private static OutletMinute form(
      long minute,
      TreeMap<Long, Map<String, MinuteReading>> samples,
      Outlet outlet,
      boolean backfill) {
    Map<String, List<MinuteReading>> byCode = new TreeMap<>();
    for (Map<String, MinuteReading> s : samples.values()) {
      s.forEach((code, r) -> byCode.computeIfAbsent(code, k -> new ArrayList<>()).add(r));
    }
    Map<String, MinuteReading> readings = new HashMap<>();
    byCode.forEach((code, values) -> readings.put(code, formReading(values)));
    return new OutletMinute(
        outlet.id(),
        outlet.mn(),
        Instant.ofEpochMilli(minute),
        1,
        PacketKind.REALTIME,
        backfill,
        readings);
  }

  /** Mean of the valid values; flag by the 75 % rule (class comment). */
  static MinuteReading formReading(List<MinuteReading> values) {
    double sum = 0;
    double zsSum = 0;
    int valid = 0;
    int zsCount = 0;
    boolean overRange = false;
    Double min = null;
    Double max = null;
    Map<DataFlag, Integer> invalidCounts = new EnumMap<>(DataFlag.class);
    for (MinuteReading r : values) {
      if (r.isValid()) {
        valid++;
        sum += r.value();
        min = min == null ? r.value() : Math.min(min, r.value());
        max = max == null ? r.value() : Math.max(max, r.value());
        overRange |= r.flag() == DataFlag.T;
        if (r.zs() != null) {
          zsSum += r.zs();
          zsCount++;
        }
      } else {
        // a valid flag without a value counts as a fault
        DataFlag f = r.flag().isValid() ? DataFlag.D : r.flag();
        invalidCounts.merge(f, 1, Integer::sum);
      }
    }
    DataFlag flag;
    if (valid >= NORMAL_SHARE * values.size()) {
      flag = overRange ? DataFlag.T : DataFlag.N;
    } else {
      flag = DataFlag.D;
      int best = 0;
      for (Map.Entry<DataFlag, Integer> e : invalidCounts.entrySet()) {
        if (e.getValue() > best) {
          best = e.getValue();
          flag = e.getKey();
        }
      }
    }
    return new MinuteReading(
        valid == 0 ? null : sum / valid,
        flag,
        min,
        max,
        null,
        zsCount == 0 ? null : zsSum / zsCount);
  }
}
