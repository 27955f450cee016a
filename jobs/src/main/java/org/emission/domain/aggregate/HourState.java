package org.emission.domain.aggregate;

import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.emission.domain.Cst;
import org.emission.domain.DataFlag;
import org.emission.domain.Determination;
import org.emission.domain.InvalidReason;
import org.emission.domain.PollutantCodes;
import org.emission.domain.Round;
import org.emission.domain.cems.Conversions;
import org.emission.domain.cems.LoggerAggregate;
import org.emission.domain.cems.PollutantMinute;
import org.emission.domain.registry.OutletKind;

/**
 * The state of one hour of one pollutant of one outlet (key: outlet, pollutant, hour start): its
 * minute records and the logger's own 2061 value.
 *
 * <p>Records are kept by their start minute within the hour, so the same record again changes
 * nothing (idempotent) and a corrected record replaces the old one. Until {@link #close()} the hour
 * is in progress; {@code close()} emits version 1; after that every change that alters the result
 * (a late minute, a logger value) emits the hour again with the next version.
 *
 * <p>Minute coverage: a record covers {@code coveredMinutes} from its start (a 10-minute 2051
 * record counts 10 minutes towards the 45 of HJ 212-2017 App. D eq. 24), but never past the next
 * record's start or the hour end, so overlapping records are not counted twice. The hour mean is
 * the mean of the minute means weighted by the minutes they cover, i.e. the arithmetic mean of eq.
 * 24 over the underlying minutes.
 *
 * <p>The totals behind {@link #running()} and {@link #evaluate(int)} are kept up to date as minutes
 * arrive: a record after the latest one is added to them in O(1), in the same order a recount would
 * add it; any other change (a late or corrected record, or a record that cuts the coverage of the
 * one before it) recounts the hour's records in time order. Either way the totals are bit for bit
 * those of a recount.
 */
public final class HourState implements Serializable {

  private static final long serialVersionUID = 3L;

  private final String outletId;
  private final String pollutant;
  private final OutletKind kind;
  private final long hourStart;
  // records by their start minute within the hour
  private final MinuteColumns minutes = new MinuteColumns();
  private int recordCount;
  // start minute of the latest record, or -1
  private int latest = -1;
  private final Tally tally;
  private LoggerAggregate logger;
  private boolean closed;
  private int version;
  private OutletHour lastEmitted;
  private transient RunningHour running;

  public HourState(String outletId, String pollutant, OutletKind kind, Instant hourStart) {
    this.outletId = Objects.requireNonNull(outletId);
    this.pollutant = Objects.requireNonNull(pollutant);
    this.kind = Objects.requireNonNull(kind);
    this.hourStart = Cst.hourStart(hourStart).toEpochMilli();
    this.tally = new Tally(kind, pollutant);
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
    return recordCount;
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
    int offset = (int) (offsetMs / Cst.MINUTE_MS);
    boolean added = !minutes.has(offset);
    if (!minutes.put(offset, m)) {
      return Optional.empty();
    }
    running = null;
    if (added) {
      recordCount++;
    }
    if (added && offset > latest && !cutsLatest(offset)) {
      tally.add(minutes, offset, coverage(offset, ValidityRules.MINUTES_PER_HOUR));
      latest = offset;
    } else {
      latest = Math.max(latest, offset);
      recount();
    }
    return reemit();
  }

  /** Whether a record at {@code offset} cuts the coverage the latest record was counted with. */
  private boolean cutsLatest(int offset) {
    return latest >= 0
        && coverage(latest, offset) != coverage(latest, ValidityRules.MINUTES_PER_HOUR);
  }

  /**
   * The minutes the record at {@code offset} counts when the next record starts at {@code next}.
   */
  private int coverage(int offset, int next) {
    return Math.min(minutes.coveredMinutes(offset), next - offset);
  }

  /** Totals over every record, in time order, each cut to its effective coverage. */
  private void recount() {
    tally.reset();
    int offset = nextRecord(0);
    while (offset >= 0) {
      int next = nextRecord(offset + 1);
      int limit = next < 0 ? ValidityRules.MINUTES_PER_HOUR : next;
      tally.add(minutes, offset, coverage(offset, limit));
      offset = next;
    }
  }

  /** The first record start at or after {@code from}, or -1. */
  private int nextRecord(int from) {
    for (int i = from; i < ValidityRules.MINUTES_PER_HOUR; i++) {
      if (minutes.has(i)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The minute records of the hour, by start minute, as columns of what the totals read: held for
   * the late data retention, so plain arrays rather than a record object (and its boxed numbers)
   * per minute, which cost more to keep than to compute.
   */
  private static final class MinuteColumns implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final DataFlag[] FLAGS = DataFlag.values();
    private static final int N = ValidityRules.MINUTES_PER_HOUR;

    private final int[] covered = new int[N];
    private final byte[] flag = new byte[N];
    // flow flag ordinal + 1, 0 when the record has no flow
    private final byte[] flowFlag = new byte[N];
    private final double[] value = new double[N];
    // made with the first record that has such a number: parameters have no converted value,
    // flue gas no volume or mass
    private double[] converted;
    private double[] flow;
    private double[] volume;
    private double[] mass;
    // which minutes have a record, and which of its nullable numbers are present: a bit per minute
    private long present;
    private long hasValue;
    private long hasConverted;
    private long hasFlow;
    private long hasVolume;
    private long hasMass;

    boolean has(int i) {
      return (present & (1L << i)) != 0;
    }

    /**
     * Stores the record at minute {@code i}; false when the same values are there already. Only
     * what the totals read is kept, so a record that differs in nothing else changes nothing.
     */
    boolean put(int i, PollutantMinute m) {
      int flowOrdinal = m.flowFlag() == null ? 0 : m.flowFlag().ordinal() + 1;
      if (has(i)
          && covered[i] == m.coveredMinutes()
          && flag[i] == m.flag().ordinal()
          && flowFlag[i] == flowOrdinal
          && same(hasValue, value, i, m.value())
          && same(hasConverted, converted, i, m.converted())
          && same(hasFlow, flow, i, m.flowM3h())
          && same(hasVolume, volume, i, m.volumeM3())
          && same(hasMass, mass, i, m.massKg())) {
        return false;
      }
      present |= 1L << i;
      covered[i] = m.coveredMinutes();
      flag[i] = (byte) m.flag().ordinal();
      flowFlag[i] = (byte) flowOrdinal;
      hasValue = set(hasValue, value, i, m.value());
      converted = column(converted, m.converted());
      hasConverted = set(hasConverted, converted, i, m.converted());
      flow = column(flow, m.flowM3h());
      hasFlow = set(hasFlow, flow, i, m.flowM3h());
      volume = column(volume, m.volumeM3());
      hasVolume = set(hasVolume, volume, i, m.volumeM3());
      mass = column(mass, m.massKg());
      hasMass = set(hasMass, mass, i, m.massKg());
      return true;
    }

    private static boolean same(long present, double[] column, int i, Double v) {
      boolean has = (present & (1L << i)) != 0;
      // compared as the record compares its Doubles (equals: bit for bit)
      return v == null
          ? !has
          : has && Double.doubleToLongBits(column[i]) == Double.doubleToLongBits(v);
    }

    /** The column, made when it is missing and a number is to go in. */
    private static double[] column(double[] column, Double v) {
      return column == null && v != null ? new double[N] : column;
    }

    private static long set(long present, double[] column, int i, Double v) {
      if (v == null) {
        return present & ~(1L << i);
      }
      column[i] = v;
      return present | (1L << i);
    }

    int coveredMinutes(int i) {
      return covered[i];
    }

    DataFlag flag(int i) {
      return FLAGS[flag[i]];
    }

    boolean isStop(int i) {
      return flag(i).isStop();
    }

    boolean isValid(int i) {
      return flag(i).isValid() && (hasValue & (1L << i)) != 0;
    }

    boolean hasValidFlow(int i) {
      return flowFlag[i] != 0 && FLAGS[flowFlag[i] - 1].isValid() && (hasFlow & (1L << i)) != 0;
    }

    double value(int i) {
      return value[i];
    }

    boolean hasConverted(int i) {
      return (hasConverted & (1L << i)) != 0;
    }

    double converted(int i) {
      return converted[i];
    }

    double flow(int i) {
      return flow[i];
    }

    boolean hasVolume(int i) {
      return (hasVolume & (1L << i)) != 0;
    }

    double volume(int i) {
      return volume[i];
    }

    boolean hasMass(int i) {
      return (hasMass & (1L << i)) != 0;
    }

    double mass(int i) {
      return mass[i];
    }
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
  private static final class Tally implements Serializable {
    private static final long serialVersionUID = 1L;

    private static final DataFlag[] FLAGS = DataFlag.values();

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
    boolean anyValue;
    double min;
    double max;
    // invalid minutes per flag (by ordinal), and which flags have any
    final int[] invalidByFlag = new int[FLAGS.length];
    int invalidFlags;
    // the outlet kind and pollutant decide the mass
    private final OutletKind kind;
    private final boolean parameter;

    Tally(OutletKind kind, String pollutant) {
      this.kind = kind;
      this.parameter = PollutantCodes.isParameter(pollutant);
    }

    void reset() {
      covered = 0;
      valid = 0;
      convertible = 0;
      stop = 0;
      overRange = 0;
      flowMinutes = 0;
      elapsed = 0;
      sum = 0;
      convertedSum = 0;
      flowSum = 0;
      runningMass = 0;
      volume = 0;
      anyVolume = false;
      massSum = 0;
      massVolume = 0;
      massRecords = 0;
      anyValue = false;
      min = 0;
      max = 0;
      Arrays.fill(invalidByFlag, 0);
      invalidFlags = 0;
    }

    /** Adds the record at minute {@code offset}, counting {@code eff} of its minutes. */
    void add(MinuteColumns m, int offset, int eff) {
      covered += eff;
      elapsed = Math.max(elapsed, offset + eff);
      if (m.hasVolume(offset) && m.hasValidFlow(offset)) {
        volume += m.volume(offset);
        anyVolume = true;
      }
      if (m.isStop(offset)) {
        stop += eff;
        return;
      }
      // the hour's flow is the mean over operating minutes: the mass is scaled to them
      if (m.hasValidFlow(offset)) {
        flowSum += m.flow(offset) * eff;
        flowMinutes += eff;
      }
      if (!m.isValid(offset)) {
        DataFlag f = m.flag(offset).isValid() ? DataFlag.D : m.flag(offset);
        invalidByFlag[f.ordinal()] += eff;
        invalidFlags |= 1 << f.ordinal();
        return;
      }
      double value = m.value(offset);
      valid += eff;
      sum += value * eff;
      min = anyValue ? Math.min(min, value) : value;
      max = anyValue ? Math.max(max, value) : value;
      anyValue = true;
      if (m.flag(offset) == DataFlag.T) {
        overRange += eff;
      }
      if (m.hasConverted(offset)) {
        convertible += eff;
        convertedSum += m.converted(offset) * eff;
      }
      if (kind == OutletKind.WASTEWATER) {
        if (m.hasMass(offset)) {
          massSum += m.mass(offset);
          massRecords++;
          runningMass += m.mass(offset);
          if (m.hasVolume(offset)) {
            massVolume += m.volume(offset);
          }
        }
      } else if (m.hasValidFlow(offset) && !parameter) {
        runningMass +=
            Conversions.massRateKgPerHour(value, m.flow(offset))
                * eff
                / ValidityRules.MINUTES_PER_HOUR;
      }
    }

    int invalid() {
      int n = 0;
      for (int v : invalidByFlag) {
        n += v;
      }
      return n;
    }

    /**
     * The reason of an hour without enough valid minutes: the flag that covers most of its invalid
     * minutes, or "insufficient_valid_minutes" when missing minutes weigh at least as much.
     */
    InvalidReason dominantReason(int missing) {
      InvalidReason reason = InvalidReason.INSUFFICIENT_VALID_MINUTES;
      int best = missing;
      for (DataFlag f : FLAGS) {
        if ((invalidFlags & (1 << f.ordinal())) != 0 && invalidByFlag[f.ordinal()] > best) {
          best = invalidByFlag[f.ordinal()];
          reason = f.reason();
        }
      }
      return reason;
    }
  }

  /** The hour in progress so far. */
  public RunningHour running() {
    if (running == null) {
      Tally t = tally;
      running =
          new RunningHour(
              hourStart(),
              t.elapsed,
              t.valid,
              t.stop,
              t.sum,
              t.convertedSum,
              t.convertible,
              t.runningMass);
    }
    return running;
  }

  /** The hour value as it stands, with the given version (pure: does not change the state). */
  public OutletHour evaluate(int withVersion) {
    Tally t = tally;
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
    if (recordCount == 0) {
      reason = InvalidReason.NO_DATA;
    } else if (operating == 0) {
      reason = InvalidReason.UNIT_STOPPED;
    } else if (!enoughValid) {
      reason = t.dominantReason(missing);
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
        Round.value(availability),
        Round.value(concentration),
        Round.value(converted),
        showValues && t.anyValue ? Round.value(t.min) : null,
        showValues && t.anyValue ? Round.value(t.max) : null,
        Round.value(flow),
        Round.mass(massRate),
        Round.mass(mass),
        massDetermination,
        massReason,
        null,
        wastewater && t.anyVolume ? Round.value(t.volume) : null,
        logger == null ? null : Round.value(logger.avg()),
        logger == null ? null : Round.value(logger.zsAvg()),
        logger == null ? null : Round.of(logger.cou(), Round.MASS_SCALE),
        logger == null ? null : logger.flag().name());
  }
}
