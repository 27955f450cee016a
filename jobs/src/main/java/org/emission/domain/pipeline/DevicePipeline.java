package org.emission.domain.pipeline;

import java.io.Serializable;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.emission.domain.Cst;
import org.emission.domain.PollutantCodes;
import org.emission.domain.aggregate.DayState;
import org.emission.domain.aggregate.HourState;
import org.emission.domain.aggregate.OutletDay;
import org.emission.domain.aggregate.OutletHour;
import org.emission.domain.alert.AlertThresholds;
import org.emission.domain.cems.LoggerAggregate;
import org.emission.domain.cems.MinuteDerivation;
import org.emission.domain.cems.MinuteRecords;
import org.emission.domain.cems.MinuteSnapshot;
import org.emission.domain.cems.OutletMinute;
import org.emission.domain.cems.PacketKind;
import org.emission.domain.cems.PollutantMinute;
import org.emission.domain.registry.Averaging;
import org.emission.domain.registry.LimitInForce;
import org.emission.domain.registry.Outlet;
import org.emission.domain.registry.OutletKind;
import org.emission.domain.registry.Registry;
import org.emission.records.CemsSample;

/**
 * The compliance chain of one logger: packets to minute records, hour and day values, substitution,
 * live values and alerts. Stateless itself (configuration only); all state is in the {@link
 * DeviceState} passed in, so a Flink {@code KeyedProcessFunction} keyed by MN wraps it as:
 *
 * <pre>{@code
 * processElement(sample):  out = pipeline.onSample(state, sample); state.update(...);
 *                          register a processing-time timer (e.g. every minute)
 * onTimer(now):            out = pipeline.onTick(state, mn, now)
 * }</pre>
 *
 * and routes {@code out.minutes()/hours()/days()/live()} to ClickHouse and {@code out.alerts()} to
 * the alerts topic. Event time is per device: an hour closes (version 1) when the device sends a
 * record of a later hour, or on a tick after {@link PipelineSettings#closeAfterSilenceMinutes()} of
 * silence; a day closes when its last hour closes. Late minutes within {@link
 * PipelineSettings#lateRetentionHours()} re-emit the affected hour and day with the next version;
 * duplicates emit nothing. On a registry reload, build a new pipeline with the new registry; the
 * states stay valid.
 */
public final class DevicePipeline implements Serializable {

  private static final long serialVersionUID = 1L;

  private final Registry registry;
  private final AlertThresholds thresholds;
  private final PipelineSettings settings;

  public DevicePipeline(Registry registry, AlertThresholds thresholds, PipelineSettings settings) {
    this.registry = registry;
    this.thresholds = thresholds;
    this.settings = settings;
  }

  /** A fresh state for a device seen for the first time. */
  public DeviceState newState() {
    return new DeviceState(settings);
  }

  /** Processes one {@code cems.samples} record of the state's device. */
  public DeviceOutputs onSample(DeviceState state, CemsSample sample) {
    Optional<Outlet> found = registry.outletByMn(sample.mn());
    if (found.isEmpty()) {
      return DeviceOutputs.rejected("unknown MN " + sample.mn() + " (not in the registry)");
    }
    Outlet outlet = found.get();
    DeviceOutputs.Builder out = new DeviceOutputs.Builder();
    if (sample.receivedAt() != null) {
      state.lastReceived = Math.max(state.lastReceived, sample.receivedAt().toEpochMilli());
      out.alerts(state.offline.onPacket(sample.receivedAt()));
    }
    switch (PacketKind.of(sample.cn())) {
      case MINUTE -> {
        state.sendsMinutePackets = true;
        minute(state, outlet, MinuteRecords.fromMinutePacket(sample, outlet), out);
      }
      case REALTIME -> {
        if (!state.sendsMinutePackets) {
          for (OutletMinute m : state.realtime.add(sample, outlet)) {
            minute(state, outlet, m, out);
          }
        }
      }
      case HOUR, DAY -> {
        for (LoggerAggregate a : LoggerAggregate.from(sample, outlet)) {
          out.loggerValues.add(a);
          logger(state, outlet, a, out);
        }
      }
      default -> out.rejected = "CN " + sample.cn() + " is not used by the compliance job";
    }
    closeHours(state, outlet, state.frontier, out);
    return out.build();
  }

  /**
   * Processing-time tick at {@code now}: offline and silence alerts; when the device has been
   * silent for {@link PipelineSettings#closeAfterSilenceMinutes()}, forms pending real-time minutes
   * and closes the hours that ended that long ago.
   */
  public DeviceOutputs onTick(DeviceState state, String mn, Instant now) {
    Optional<Outlet> found = registry.outletByMn(mn);
    if (found.isEmpty()) {
      return DeviceOutputs.rejected("unknown MN " + mn + " (not in the registry)");
    }
    Outlet outlet = found.get();
    DeviceOutputs.Builder out = new DeviceOutputs.Builder();
    out.alerts(state.offline.onTick(outlet, now, thresholds));
    out.alerts(state.operatingButSilent.onTick(outlet, now, state.lastReceived, thresholds));
    long silence = settings.closeAfterSilenceMinutes() * Cst.MINUTE_MS;
    if (state.lastReceived != Long.MIN_VALUE
        && now.toEpochMilli() - state.lastReceived >= silence) {
      Instant upTo = now.minusMillis(silence);
      for (OutletMinute m : state.realtime.flush(upTo, outlet)) {
        minute(state, outlet, m, out);
      }
      closeHours(state, outlet, Cst.hourStart(upTo).toEpochMilli(), out);
    }
    return out.build();
  }

  /**
   * The end of a bounded input (replay): forms pending real-time minutes and closes every open hour
   * and day of the device, without the offline and silence rules — the end of a file is not the
   * logger going silent.
   */
  public DeviceOutputs onEndOfInput(DeviceState state, String mn) {
    Optional<Outlet> found = registry.outletByMn(mn);
    if (found.isEmpty() || state.lastReceived == Long.MIN_VALUE) {
      return DeviceOutputs.rejected("no data of MN " + mn);
    }
    Outlet outlet = found.get();
    DeviceOutputs.Builder out = new DeviceOutputs.Builder();
    Instant far =
        Instant.ofEpochMilli(Math.max(state.frontier, state.lastReceived)).plusSeconds(2 * 3600);
    for (OutletMinute m : state.realtime.flush(far, outlet)) {
      minute(state, outlet, m, out);
    }
    if (state.frontier != Long.MIN_VALUE) {
      closeHours(
          state,
          outlet,
          Cst.hourStart(Instant.ofEpochMilli(state.frontier)).toEpochMilli() + Cst.HOUR_MS,
          out);
    }
    return out.build();
  }

  private void minute(
      DeviceState state, Outlet outlet, OutletMinute record, DeviceOutputs.Builder out) {
    long start = record.start().toEpochMilli();
    if (state.frontier != Long.MIN_VALUE && start < retentionStart(state)) {
      state.droppedLate++;
      return;
    }
    // a record of a later hour first closes the hours before it, so that its live values and
    // warnings already see them
    closeHours(state, outlet, start, out);
    MinuteSnapshot snapshot = MinuteDerivation.derive(record, outlet);
    out.minutes.add(snapshot);
    out.alerts(state.dataGap.onRecord(outlet, snapshot.start(), snapshot.end(), thresholds));
    if (outlet.kind() == OutletKind.FLUE_GAS) {
      out.alerts(state.dilution.onMinute(outlet, snapshot, thresholds));
    }
    out.alerts(state.stoppedButEmitting.onMinute(outlet, snapshot, thresholds));
    out.alerts(state.operatingButSilent.onMinute(outlet, snapshot, thresholds));

    long hourStart = Cst.hourStart(start);
    Instant hourStartInstant = Instant.ofEpochMilli(hourStart);
    Map<String, HourState> hourStates = null;
    for (PollutantMinute m : snapshot.pollutants().values()) {
      if (hourStates == null) {
        hourStates = hourStates(state, hourStart);
      }
      HourState hour = hourState(state, outlet, hourStates, hourStart, m.pollutant());
      Optional<OutletHour> revised = hour.onMinute(m);
      if (revised.isPresent()) {
        hour(state, outlet, revised.get(), out);
      }
      PollutantRules rules = state.rules(m.pollutant());
      if (settings.liveValues()) {
        rules.live.onMinute(m, hour.running()).ifPresent(out.live::add);
      }
      if (!PollutantCodes.isParameter(m.pollutant())) {
        LimitInForce limit =
            registry.limitFor(outlet.id(), m.pollutant(), Averaging.HOUR, hourStartInstant);
        out.alerts(rules.earlyWarning.onMinute(outlet, m, hour.running(), limit, thresholds));
        out.alerts(rules.zeroFlow.onMinute(outlet, m, thresholds));
      }
      out.alerts(rules.flatLine.onMinute(outlet, m, thresholds));
      out.alerts(rules.calibration.onMinute(outlet, m, thresholds));
      out.alerts(rules.outOfRange.onMinute(outlet, m, thresholds));
    }
    state.frontier = Math.max(state.frontier, start);
  }

  private void logger(
      DeviceState state, Outlet outlet, LoggerAggregate a, DeviceOutputs.Builder out) {
    long start = a.start().toEpochMilli();
    if (state.frontier != Long.MIN_VALUE && start < retentionStart(state)) {
      state.droppedLate++;
      return;
    }
    if (a.period() == PacketKind.HOUR) {
      HourState hour = hourState(state, outlet, hourStates(state, start), start, a.pollutant());
      hour.onLogger(a).ifPresent(revised -> hour(state, outlet, revised, out));
    } else {
      state.addPollutant(a.pollutant());
      DayState day = dayState(state, outlet, start, a.pollutant());
      day.onLogger(a).ifPresent(revised -> day(state, outlet, revised, out));
    }
  }

  /** Routes an emitted hour: substitution, live totals, hour rules, its day. */
  private void hour(
      DeviceState state, Outlet outlet, OutletHour emitted, DeviceOutputs.Builder out) {
    PollutantRules rules = state.rules(emitted.pollutant());
    OutletHour h = rules.ledger.apply(emitted);
    out.hours.add(h);
    if (settings.liveValues()) {
      rules.live.onHour(h);
    }
    if (!PollutantCodes.isParameter(h.pollutant())) {
      LimitInForce limit =
          registry.limitFor(outlet.id(), h.pollutant(), Averaging.HOUR, h.hourStart());
      out.alerts(rules.hourlyExceedance.onHour(outlet, h, limit));
      out.alerts(rules.loggerMismatch.onHour(outlet, h, thresholds));
      out.alerts(rules.earlyWarning.onHourEnd(h.hourEnd()));
    }
    DayState day =
        dayState(state, outlet, Cst.dayStart(h.hourStart().toEpochMilli()), h.pollutant());
    day.onHour(h).ifPresent(revised -> day(state, outlet, revised, out));
  }

  private void day(DeviceState state, Outlet outlet, OutletDay d, DeviceOutputs.Builder out) {
    PollutantRules rules = state.rules(d.pollutant());
    out.days.add(d);
    if (settings.liveValues()) {
      rules.live.onDay(d);
    }
    if (!PollutantCodes.isParameter(d.pollutant())) {
      LimitInForce limit =
          registry.limitFor(outlet.id(), d.pollutant(), Averaging.DAY, d.dayStart());
      out.alerts(rules.dailyExceedance.onDay(outlet, d, limit));
    }
    out.alerts(rules.transmission.onDay(outlet, d, thresholds));
  }

  /**
   * Closes every hour that starts before the hour of {@code before}: held hours, and — for the
   * device's known pollutants — hours without any record since the last closed hour (invalid,
   * no_data), within the retention window. Then closes the days whose last hour is closed, and
   * forgets states older than the retention window.
   *
   * <p>Called after every record, but there is something to close only when the hour of {@code
   * before} passes the one of the last pass, or when something the last pass would have closed was
   * added since ({@link DeviceState#reopened}): after a pass every state before its hour is closed,
   * so another pass up to an hour not after it would find nothing to do — it is skipped. A pass
   * also skips the hours before the last one, which are closed already unless something was added.
   */
  private void closeHours(
      DeviceState state, Outlet outlet, long before, DeviceOutputs.Builder out) {
    if (before == Long.MIN_VALUE) {
      return;
    }
    long limit = Cst.hourStart(before);
    if (state.reopened || limit > state.closedBefore) {
      long closedFrom = state.reopened ? Long.MIN_VALUE : state.closedBefore;
      closeHoursBefore(state, outlet, closedFrom, limit, out);
      // the states this pass added (no-data hours, days of closed hours) are closed by it or,
      // like every state of a later hour or day, have nothing to close yet
      state.reopened = false;
      state.closedBefore = limit;
    }
    evict(state);
  }

  /** The closing pass up to {@code limit}; hours before {@code closedFrom} are closed already. */
  private void closeHoursBefore(
      DeviceState state, Outlet outlet, long closedFrom, long limit, DeviceOutputs.Builder out) {
    long firstOpen;
    if (state.lastClosedHour != Long.MIN_VALUE) {
      firstOpen = state.lastClosedHour + Cst.HOUR_MS;
    } else {
      firstOpen = state.hours.isEmpty() ? limit : state.hours.firstKey();
    }
    long fillFrom = Math.max(firstOpen, limit - settings.lateRetentionHours() * Cst.HOUR_MS);
    if (!state.pollutants.isEmpty()) {
      for (long h = fillFrom; h < limit; h += Cst.HOUR_MS) {
        Map<String, HourState> hourStates = hourStates(state, h);
        for (String p : state.pollutants) {
          hourState(state, outlet, hourStates, h, p);
        }
      }
    }
    for (Map.Entry<Long, Map<String, HourState>> e :
        state.hours.subMap(closedFrom, true, limit, false).entrySet()) {
      for (HourState hour : e.getValue().values()) {
        Optional<OutletHour> closed = hour.close();
        if (closed.isPresent()) {
          hour(state, outlet, closed.get(), out);
        }
      }
      state.lastClosedHour = Math.max(state.lastClosedHour, e.getKey());
    }
    if (state.lastClosedHour != Long.MIN_VALUE) {
      long closedUpTo = state.lastClosedHour + Cst.HOUR_MS;
      for (Map.Entry<Long, Map<String, DayState>> e : state.days.entrySet()) {
        if (e.getKey() + Cst.DAY_MS > closedUpTo) {
          break;
        }
        for (DayState day : e.getValue().values()) {
          Optional<OutletDay> closed = day.close();
          if (closed.isPresent()) {
            day(state, outlet, closed.get(), out);
          }
        }
      }
    }
  }

  /**
   * Forgets hour and day states older than the retention window. Nothing can be older when the
   * window has not moved since the last call and no state was added before it since.
   */
  private void evict(DeviceState state) {
    long keepFrom = retentionStart(state);
    long hourKeep = Cst.hourStart(keepFrom);
    long dayKeep = Cst.dayStart(keepFrom);
    if (!state.addedBeforeKept
        && hourKeep == state.hoursKeptFrom
        && dayKeep == state.daysKeptFrom) {
      return;
    }
    state.hours.headMap(hourKeep, false).clear();
    state.cachedHour = null;
    state.days.headMap(dayKeep, false).clear();
    state.hoursKeptFrom = hourKeep;
    state.daysKeptFrom = dayKeep;
    state.addedBeforeKept = false;
  }

  private long retentionStart(DeviceState state) {
    return state.frontier - settings.lateRetentionHours() * Cst.HOUR_MS;
  }

  /** The hour states of an hour, by pollutant (created empty when the hour has none). */
  private static Map<String, HourState> hourStates(DeviceState state, long hourStart) {
    if (state.cachedHour != null && state.cachedHourStart == hourStart) {
      return state.cachedHour;
    }
    Map<String, HourState> hourStates = state.hours.get(hourStart);
    if (hourStates == null) {
      hourStates = new TreeMap<>();
      state.hours.put(hourStart, hourStates);
    }
    state.cachedHourStart = hourStart;
    state.cachedHour = hourStates;
    return hourStates;
  }

  /**
   * The state of one pollutant in {@code hourStates} (those of {@code hourStart}), created if new.
   */
  private static HourState hourState(
      DeviceState state,
      Outlet outlet,
      Map<String, HourState> hourStates,
      long hourStart,
      String pollutant) {
    HourState hour = hourStates.get(pollutant);
    if (hour == null) {
      state.addPollutant(pollutant);
      hour = new HourState(outlet.id(), pollutant, outlet.kind(), Instant.ofEpochMilli(hourStart));
      hourStates.put(pollutant, hour);
      state.reopened |= hourStart < state.closedBefore;
      state.addedBeforeKept |= hourStart < state.hoursKeptFrom;
    }
    return hour;
  }

  private static DayState dayState(
      DeviceState state, Outlet outlet, long dayStart, String pollutant) {
    Map<String, DayState> dayStates = state.days.get(dayStart);
    if (dayStates == null) {
      dayStates = new TreeMap<>();
      state.days.put(dayStart, dayStates);
    }
    DayState day = dayStates.get(pollutant);
    if (day == null) {
      day =
          new DayState(
              outlet.id(), pollutant, outlet.kind(), Cst.day(Instant.ofEpochMilli(dayStart)));
      dayStates.put(pollutant, day);
      state.reopened |=
          state.lastClosedHour != Long.MIN_VALUE
              && dayStart + Cst.DAY_MS <= state.lastClosedHour + Cst.HOUR_MS;
      state.addedBeforeKept |= dayStart < state.daysKeptFrom;
    }
    return day;
  }

  /** The alert thresholds in use. */
  public AlertThresholds thresholds() {
    return thresholds;
  }
}
