package org.emission.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.emission.domain.registry.Registry;

/**
 * One data logger (数采仪) independent of how its packets travel: it forms a record every MinInterval,
 * real-time values every RtdInterval, and its hourly values at each hour end, and hands out the
 * uploads in the order of their send times — minute data a few seconds after the minute (a
 * device-specific delay), the hour 1–2 s after the hour's last minute, real-time data right after
 * sampling; real-time data start only after the first minute record, as a logger's first upload
 * after power-on.
 *
 * <p>It keeps its minute and hour uploads for a while (the logger's storage) so that they can be
 * sent again on request (HJ 212-2017 Table C.47) or after a connection loss.
 */
final class DataLogger {

  private static final long HISTORY_KEPT = 72 * CstTime.HOUR;

  private final DeviceSpec spec;
  private final DeviceModel model;
  private final UploadFactory factory;
  private final HourAccumulator hours;
  private final MinuteRecord record;
  private final SplittableRandom rnd;
  private final Incident incident;
  private final long to;
  private final long step;
  private final long delay;
  private final boolean keepHistory;
  private final PriorityQueue<Upload> pending =
      new PriorityQueue<>((a, b) -> Long.compare(a.time(), b.time()));
  private final NavigableMap<Long, Upload> minuteHistory = new TreeMap<>();
  private final NavigableMap<Long, Upload> hourHistory = new TreeMap<>();

  private long next;
  private long nextRealtime;
  private volatile long rtdInterval;
  private volatile boolean realtime = true;

  /**
   * @param from first record start (rounded up to the MinInterval)
   * @param to end of the last record (exclusive); {@code Long.MAX_VALUE} for a live logger
   * @param rtdSeconds real-time interval (HJ 212-2017 §6.2: 30..3600 s)
   * @param keepHistory keep uploads for history requests (live mode)
   */
  DataLogger(
      DeviceSpec spec,
      Registry registry,
      long seed,
      IncidentPlan plan,
      long from,
      long to,
      int rtdSeconds,
      boolean keepHistory) {
    this.spec = spec;
    this.incident = plan == null ? null : plan.forDevice(spec.mn());
    PlannedStop stop = plan == null ? null : plan.stopOf(spec.mn());
    this.model = new DeviceModel(spec, registry, seed, incident, stop);
    this.factory = new UploadFactory(spec);
    this.hours = new HourAccumulator(spec.channels(), spec.outlet().o2Ref(), spec.wastewater());
    this.record = new MinuteRecord(spec.channels().size());
    this.rnd = Noise.source(seed, "timing/" + spec.mn());
    this.step = spec.recordMinutes() * CstTime.MINUTE;
    this.next = Math.floorDiv(from + step - 1, step) * step;
    this.to = to;
    this.delay = (2 + rnd.nextInt(24)) * CstTime.SECOND + rnd.nextInt(1000);
    this.rtdInterval = rtdSeconds * CstTime.SECOND;
    long firstRealtime = next + step + delay + CstTime.SECOND;
    long phase = rnd.nextLong(rtdInterval);
    this.nextRealtime = firstRealtime + Math.floorMod(phase - (firstRealtime - next), rtdInterval);
    this.keepHistory = keepHistory;
  }

  DeviceSpec spec() {
    return spec;
  }

  UploadFactory factory() {
    return factory;
  }

  /** The next upload in send-time order, or null when the range is done. */
  Upload next() {
    while (next + step <= to && (pending.isEmpty() || pending.peek().time() >= next)) {
      step();
    }
    return pending.poll();
  }

  /** The send time of the next upload without taking it; Long.MAX_VALUE when done. */
  long peekTime() {
    while (next + step <= to && (pending.isEmpty() || pending.peek().time() >= next)) {
      step();
    }
    Upload u = pending.peek();
    return u == null ? Long.MAX_VALUE : u.time();
  }

  /** Switches real-time uploads on or off (host commands 2011 / 2012). */
  void realtime(boolean on) {
    realtime = on;
  }

  /** Sets the real-time interval (host command 1062). */
  void rtdInterval(int seconds) {
    rtdInterval = Math.max(30, Math.min(3600, seconds)) * CstTime.SECOND;
  }

  int rtdIntervalSeconds() {
    return (int) (rtdInterval / CstTime.SECOND);
  }

  /** Stored uploads of CN 2051 or 2061 whose DataTime lies in {@code [begin, end]}. */
  synchronized List<Upload> history(String cn, long begin, long end) {
    NavigableMap<Long, Upload> m = cn.equals("2061") ? hourHistory : minuteHistory;
    return new ArrayList<>(m.subMap(begin, true, end, true).values());
  }

  private void step() {
    long t = next;
    model.record(t, spec.recordMinutes(), record);
    long hourStart = CstTime.hourStart(t);
    if (!hours.started() || hours.hourStart() != hourStart) {
      hours.begin(hourStart);
    }
    hours.add(record);
    long end = t + step;
    while (realtime && nextRealtime < end) {
      if (nextRealtime >= t) {
        long send = nextRealtime + 300 + rnd.nextInt(600);
        pending.add(factory.realtime(nextRealtime, send, record, rnd));
      }
      nextRealtime += rtdInterval;
    }
    while (!realtime && nextRealtime < end) {
      nextRealtime += rtdInterval;
    }
    long send = end + delay + rnd.nextInt(800);
    Upload minute = factory.minute(send, record);
    pending.add(minute);
    remember(minuteHistory, t, minute);
    if (incident != null
        && incident.kind() == IncidentKind.WRONG_PASSWORD
        && incident.covers(send)) {
      pending.add(spoofFactory().spoofedMinute(send + 6_500 + rnd.nextInt(500), record, 0.6));
    }
    if (end % CstTime.HOUR == 0) {
      boolean mismatch =
          incident != null
              && incident.kind() == IncidentKind.HOUR_MISMATCH
              && incident.covers(hourStart);
      HourAccumulator.HourRecord h =
          hours.finish(mismatch ? incident.pollutant() : null, mismatch ? incident.level() : 1);
      Upload hour = factory.hour(send + 1_200 + rnd.nextInt(600), h);
      pending.add(hour);
      remember(hourHistory, hourStart, hour);
    }
    next = end;
  }

  private UploadFactory spoof;

  private UploadFactory spoofFactory() {
    if (spoof == null) {
      String wrong = spec.pw().equals("000000") ? "111111" : "000000";
      spoof = new UploadFactory(spec, wrong);
    }
    return spoof;
  }

  private void remember(NavigableMap<Long, Upload> m, long dataTime, Upload u) {
    if (!keepHistory) {
      return;
    }
    synchronized (this) {
      m.put(dataTime, u);
      while (!m.isEmpty() && m.firstKey() < dataTime - HISTORY_KEPT) {
        m.pollFirstEntry();
      }
    }
  }
}
