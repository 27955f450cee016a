package org.emission.domain.aggregate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.emission.domain.Cst;
import org.emission.domain.DataFlag;
import org.emission.domain.Determination;
import org.emission.domain.InvalidReason;
import org.emission.domain.PollutantCodes;
import org.emission.domain.cems.Conversions;
import org.emission.domain.cems.LoggerAggregate;
import org.emission.domain.cems.PollutantMinute;
import org.emission.domain.registry.OutletKind;

/**
 * Test oracle: {@link HourState} as it was before its totals were kept up to date — every {@link
 * #running()} and {@link #evaluate} recounts the hour's records, kept in a map — with rounding done
 * by {@code BigDecimal} itself. {@code HourStateOracleTest} checks that both give equal results.
 */
final class RecountHourState {

  private final String outletId;
  private final String pollutant;
  private final OutletKind kind;
  private final long hourStart;
  private final TreeMap<Integer, PollutantMinute> minutes = new TreeMap<>();
  private LoggerAggregate logger;
  private boolean closed;
  private int version;
  private OutletHour lastEmitted;

  RecountHourState(String outletId, String pollutant, OutletKind kind, Instant hourStart) {
    this.outletId = Objects.requireNonNull(outletId);
    this.pollutant = Objects.requireNonNull(pollutant);
    this.kind = Objects.requireNonNull(kind);
    this.hourStart = Cst.hourStart(hourStart).toEpochMilli();
  }

  public Instant hourStart() {
    return Instant.ofEpochMilli(hourStart);
  }

  public boolean isClosed() {
    return closed;
  }

  /** Versions emitted so far (0 before {@link #close()}). */
  public int version() {
    return version;
  }

  /** Number of minute records held. */
  public int recordCount() {
    return minutes.size();
  }

  /**
   * Adds or replaces a minute record. Returns the hour again, with the next version, when the hour
   * is already closed and its result changed; empty otherwise (in progress, or a duplicate).
   */
  public Optional<OutletHour> onMinute(PollutantMinute m) {
    long offsetMs = m.start().toEpochMilli() - hourStart;
    if (offsetMs < 0 || offsetMs >= Cst.HOUR_MS) {
      throw new IllegalArgumentException(m.start() + " is not in the hour " + hourStart());
    }
    if (!m.pollutant().equals(pollutant) || !m.outletId().equals(outletId)) {
      throw new IllegalArgumentException("minute of " + m.outletId() + "/" + m.pollutant());
    }
    PollutantMinute previous = minutes.put((int) (offsetMs / Cst.MINUTE_MS), m);
    return m.equals(previous) ? Optional.empty() : reemit();
  }

  /** Keeps the logger's own 2061 value beside the computed one; re-emits like {@link #onMinute}. */
  public Optional<OutletHour> onLogger(LoggerAggregate value) {
    if (value.start().toEpochMilli() != hourStart || !value.pollutant().equals(pollutant)) {
      throw new IllegalArgumentException("logger value for another hour or pollutant");
    }
    LoggerAggregate previous = logger;
    logger = value;
    return value.equals(previous) ? Optional.empty() : reemit();
  }

  /** Ends the hour in progress: emits version 1. Empty when already closed. */
  public Optional<OutletHour> close() {
    if (closed) {
      return Optional.empty();
    }
    closed = true;
    version = 1;
    lastEmitted = evaluate(version);
    return Optional.of(lastEmitted);
  }

  /** The latest emitted hour, or null before {@link #close()}. */
  public OutletHour lastEmitted() {
    return lastEmitted;
  }

  private Optional<OutletHour> reemit() {
    if (!closed) {
      return Optional.empty();
    }
    OutletHour next = evaluate(version + 1);
    if (next.withVersion(0).equals(lastEmitted.withVersion(0))) {
      return Optional.empty();
    }
    version++;
    lastEmitted = next;
    return Optional.of(next);
  }

  /** Totals over the records, each cut to its effective coverage. */
  private final class Tally {
    int covered;
    int valid;
    int convertible;
    int stop;
    int overRange;
    int flowMinutes;
    int elapsed;
    double sum;
    double convertedSum;
    double flowSum;
    double runningMass;
    double volume;
    boolean anyVolume;
    double massSum;
    double massVolume;
    int massRecords;
    Double min;
    Double max;
    final Map<DataFlag, Integer> invalidByFlag = new EnumMap<>(DataFlag.class);

    Tally() {
      Map.Entry<Integer, PollutantMinute> e = minutes.firstEntry();
      while (e != null) {
        Map.Entry<Integer, PollutantMinute> next = minutes.higherEntry(e.getKey());
        int limit = (next == null ? ValidityRules.MINUTES_PER_HOUR : next.getKey()) - e.getKey();
        int eff = Math.min(e.getValue().coveredMinutes(), limit);
        add(e.getValue(), eff, e.getKey());
        e = next;
      }
    }

    private void add(PollutantMinute m, int eff, int offset) {
      covered += eff;
      elapsed = Math.max(elapsed, offset + eff);
      if (m.volumeM3() != null && m.hasValidFlow()) {
        volume += m.volumeM3();
        anyVolume = true;
      }
      if (m.isStop()) {
        stop += eff;
        return;
      }
      // the hour's flow is the mean over operating minutes: the mass is scaled to them
      if (m.hasValidFlow()) {
        flowSum += m.flowM3h() * eff;
        flowMinutes += eff;
      }
      if (!m.isValid()) {
        DataFlag f = m.flag().isValid() ? DataFlag.D : m.flag();
        invalidByFlag.merge(f, eff, Integer::sum);
        return;
      }
      valid += eff;
      sum += m.value() * eff;
      min = min == null ? m.value() : Math.min(min, m.value());
      max = max == null ? m.value() : Math.max(max, m.value());
      if (m.flag() == DataFlag.T) {
        overRange += eff;
      }
      if (m.converted() != null) {
        convertible += eff;
        convertedSum += m.converted() * eff;
      }
      if (kind == OutletKind.WASTEWATER) {
        if (m.massKg() != null) {
          massSum += m.massKg();
          massRecords++;
          runningMass += m.massKg();
          if (m.volumeM3() != null) {
            massVolume += m.volumeM3();
          }
        }
      } else if (m.hasValidFlow() && !PollutantCodes.isParameter(pollutant)) {
        runningMass +=
            Conversions.massRateKgPerHour(m.value(), m.flowM3h())
                * eff
                / ValidityRules.MINUTES_PER_HOUR;
      }
    }

    int invalid() {
      return invalidByFlag.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  /** The hour in progress so far. */
  public RunningHour running() {
    Tally t = new Tally();
    return new RunningHour(
        hourStart(),
        t.elapsed,
        t.valid,
        t.stop,
        t.sum,
        t.convertedSum,
        t.convertible,
        t.runningMass);
  }

  /** The hour value as it stands, with the given version (pure: does not change the state). */
  public OutletHour evaluate(int withVersion) {
    Tally t = new Tally();
    boolean wastewater = kind == OutletKind.WASTEWATER;
    boolean parameter = PollutantCodes.isParameter(pollutant);
    int operating = ValidityRules.MINUTES_PER_HOUR - t.stop;
    int required =
        wastewater
            ? Math.min(ValidityRules.WASTEWATER_MIN_VALID_RECORDS, operating)
            : ValidityRules.requiredValidMinutes(operating);
    int missing = ValidityRules.MINUTES_PER_HOUR - t.covered;

    InvalidReason reason = null;
    boolean enoughValid = operating > 0 && t.valid > 0 && t.valid >= required;
    if (minutes.isEmpty()) {
      reason = InvalidReason.NO_DATA;
    } else if (operating == 0) {
      reason = InvalidReason.UNIT_STOPPED;
    } else if (!enoughValid) {
      reason = dominantReason(t, missing);
    } else if (!parameter && !wastewater && t.convertible < required) {
      reason = InvalidReason.O2_UNCONVERTIBLE;
    }
    Determination determination = reason == null ? Determination.MEASURED : Determination.INVALID;

    Double concentration = null;
    if (enoughValid) {
      concentration = t.sum / t.valid;
      if (wastewater && !parameter && t.massRecords > 0 && t.massVolume > 0) {
        // flow-weighted C = G / D × 10^3 over the valid records (App. D.1); arithmetic mean when no
        // water flowed
        concentration = Conversions.flowWeightedMgL(t.massSum, t.massVolume);
      }
    }
    Double converted = null;
    if (determination == Determination.MEASURED && !parameter) {
      converted = wastewater ? concentration : t.convertedSum / t.convertible;
    }
    Double flow = null;
    if (t.flowMinutes > 0 && t.flowMinutes >= (wastewater ? 1 : required)) {
      flow = t.flowSum / t.flowMinutes;
    }

    Double massRate = null;
    Double mass = null;
    Determination massDetermination = null;
    InvalidReason massReason = null;
    if (!parameter) {
      if (reason == InvalidReason.NO_DATA || reason == InvalidReason.UNIT_STOPPED) {
        massReason = reason;
      } else if (!enoughValid) {
        massReason = reason;
      } else if (wastewater) {
        if (t.massRecords > 0) {
          mass = t.massSum;
        } else {
          massReason = InvalidReason.FLOW_INVALID;
        }
      } else if (flow == null) {
        massReason = InvalidReason.FLOW_INVALID;
      } else {
        // G = C × Q × 10^-6 (App. D.2) from the dry mean; a stop period emits nothing
        massRate = Conversions.massRateKgPerHour(concentration, flow);
        mass = massRate * operating / ValidityRules.MINUTES_PER_HOUR;
      }
      massDetermination = mass == null ? Determination.INVALID : Determination.MEASURED;
    }

    Double availability = operating == 0 ? null : 100.0 * t.valid / operating;
    boolean showValues = enoughValid;
    return new OutletHour(
        outletId,
        pollutant,
        kind,
        hourStart(),
        withVersion,
        determination,
        reason,
        t.valid,
        t.convertible,
        t.stop,
        t.invalid(),
        missing,
        t.overRange,
        required,
        round3(availability),
        round3(concentration),
        round3(converted),
        showValues ? round3(t.min) : null,
        showValues ? round3(t.max) : null,
        round3(flow),
        round6(massRate),
        round6(mass),
        massDetermination,
        massReason,
        null,
        wastewater && t.anyVolume ? round3(t.volume) : null,
        logger == null ? null : round3(logger.avg()),
        logger == null ? null : round3(logger.zsAvg()),
        logger == null ? null : round6(logger.cou()),
        logger == null ? null : logger.flag().name());
  }

  /**
   * The reason of an hour without enough valid minutes: the flag that covers most of its invalid
   * minutes, or "insufficient_valid_minutes" when missing minutes weigh at least as much.
   */
  private static InvalidReason dominantReason(Tally t, int missing) {
    InvalidReason reason = InvalidReason.INSUFFICIENT_VALID_MINUTES;
    int best = missing;
    for (Map.Entry<DataFlag, Integer> e : t.invalidByFlag.entrySet()) {
      if (e.getValue() > best) {
        best = e.getValue();
        reason = e.getKey().reason();
      }
    }
    return reason;
  }

  private static BigDecimal round3(Double v) {
    return round(v, 3);
  }

  private static BigDecimal round6(Double v) {
    return round(v, 6);
  }

  /** The rounding of {@code Round}, by the book. */
  static BigDecimal round(Double v, int scale) {
    if (v == null || v.isNaN() || v.isInfinite()) {
      return null;
    }
    return BigDecimal.valueOf(v).setScale(scale, RoundingMode.HALF_UP);
  }
}
