package org.emission.domain.pipeline;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.emission.domain.aggregate.DayState;
import org.emission.domain.aggregate.HourState;
import org.emission.domain.alert.DataGapRule;
import org.emission.domain.alert.DeviceOfflineRule;
import org.emission.domain.alert.DilutionRule;
import org.emission.domain.alert.OperatingButSilentRule;
import org.emission.domain.alert.StoppedButEmittingRule;
import org.emission.domain.cems.RealtimeMinuteBuilder;

/**
 * Everything {@link DevicePipeline} keeps for one logger (one MN): the Flink operator holds one per
 * key in a {@code ValueState} (plain serializable Java; a heap state backend avoids serializing it
 * on every record). Its size is bounded by {@link PipelineSettings#lateRetentionHours()}.
 */
public final class DeviceState implements Serializable {

  private static final long serialVersionUID = 1L;

  final RealtimeMinuteBuilder realtime;

  /** Start of the newest minute record (event time), or MIN_VALUE. */
  long frontier = Long.MIN_VALUE;

  /** Start of the newest closed hour, or MIN_VALUE. */
  long lastClosedHour = Long.MIN_VALUE;

  /** The hour before which the last closing pass closed every state, or MIN_VALUE. */
  long closedBefore = Long.MIN_VALUE;

  /**
   * Since that pass, something was added that it would have closed: a state of an hour before
   * {@link #closedBefore}, a state of a day whose last hour is closed, or a pollutant (whose
   * no-data hours a pass adds).
   */
  boolean reopened;

  /** The oldest hour and day start kept by the last eviction (MIN_VALUE before any). */
  long hoursKeptFrom = Long.MIN_VALUE;

  long daysKeptFrom = Long.MIN_VALUE;

  /** A state older than those was added since that eviction. */
  boolean addedBeforeKept;

  /** Receive time of the newest packet (processing time), or MIN_VALUE. */
  long lastReceived = Long.MIN_VALUE;

  /** Once the logger sends 2051 minute data, its 2011 real-time data no longer forms minutes. */
  boolean sendsMinutePackets;

  long droppedLate;
  final TreeSet<String> pollutants = new TreeSet<>();
  final TreeMap<Long, Map<String, HourState>> hours = new TreeMap<>();

  // the entry of hours last looked up (most minutes fall in the hour of the one before), kept out
  // of snapshots: it is found again on first use
  transient long cachedHourStart = Long.MIN_VALUE;
  transient Map<String, HourState> cachedHour;

  final TreeMap<Long, Map<String, DayState>> days = new TreeMap<>();
  final Map<String, PollutantRules> rules = new HashMap<>();
  final DeviceOfflineRule offline = new DeviceOfflineRule();
  final DataGapRule dataGap = new DataGapRule();
  final DilutionRule dilution = new DilutionRule();
  final StoppedButEmittingRule stoppedButEmitting = new StoppedButEmittingRule();
  final OperatingButSilentRule operatingButSilent = new OperatingButSilentRule();

  public DeviceState(PipelineSettings settings) {
    this.realtime = new RealtimeMinuteBuilder(settings.realtimeRetentionMinutes());
  }

  /** Minute records dropped because they were older than the retention window. */
  public long droppedLate() {
    return droppedLate + realtime.droppedLate();
  }

  /** Hour states held (for monitoring state size). */
  public int hourStates() {
    int n = 0;
    for (Map<String, HourState> hour : hours.values()) {
      n += hour.size();
    }
    return n;
  }

  void addPollutant(String pollutant) {
    if (pollutants.add(pollutant)) {
      reopened = true;
    }
  }

  PollutantRules rules(String pollutant) {
    return rules.computeIfAbsent(pollutant, p -> new PollutantRules());
  }
}
