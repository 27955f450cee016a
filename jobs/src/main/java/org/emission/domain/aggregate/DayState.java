package org.emission.domain.aggregate;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.emission.domain.Cst;
import org.emission.domain.Determination;
import org.emission.domain.InvalidReason;
import org.emission.domain.PollutantCodes;
import org.emission.domain.Round;
import org.emission.domain.cems.Conversions;
import org.emission.domain.cems.LoggerAggregate;
import org.emission.domain.registry.OutletKind;

/**
 * The state of one CST day of one pollutant of one outlet (key: outlet, pollutant, day): the latest
 * version of each of its hours and the logger's own 2031 value. Same lifecycle as {@link
 * HourState}: {@link #close()} emits version 1, later changes emit the next version, a repeated
 * hour changes nothing.
 */
public final class DayState implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String outletId;
  private final String pollutant;
  private final OutletKind kind;
  private final LocalDate day;
  private final TreeMap<Integer, OutletHour> hours = new TreeMap<>();
  private LoggerAggregate logger;
  private boolean closed;
  private int version;
  private OutletDay lastEmitted;

  public DayState(String outletId, String pollutant, OutletKind kind, LocalDate day) {
    this.outletId = Objects.requireNonNull(outletId);
    this.pollutant = Objects.requireNonNull(pollutant);
    this.kind = Objects.requireNonNull(kind);
    this.day = Objects.requireNonNull(day);
  }

  public LocalDate day() {
    return day;
  }

  public boolean isClosed() {
    return closed;
  }

  public int version() {
    return version;
  }

  public OutletDay lastEmitted() {
    return lastEmitted;
  }

  /** Adds or replaces an hour (an older version of an hour is ignored). */
  public Optional<OutletDay> onHour(OutletHour h) {
    Instant start = Cst.startOf(day);
    long index = (h.hourStart().toEpochMilli() - start.toEpochMilli()) / Cst.HOUR_MS;
    if (!Cst.day(h.hourStart()).equals(day) || !h.pollutant().equals(pollutant)) {
      throw new IllegalArgumentException("hour " + h.hourStart() + " is not of day " + day);
    }
    OutletHour previous = hours.get((int) index);
    if (previous != null && previous.version() > h.version()) {
      return Optional.empty();
    }
    hours.put((int) index, h);
    return h.equals(previous) ? Optional.empty() : reemit();
  }

  /** Keeps the logger's own 2031 value beside the computed one. */
  public Optional<OutletDay> onLogger(LoggerAggregate value) {
    if (!Cst.day(value.start()).equals(day) || !value.pollutant().equals(pollutant)) {
      throw new IllegalArgumentException("logger value for another day or pollutant");
    }
    LoggerAggregate previous = logger;
    logger = value;
    return value.equals(previous) ? Optional.empty() : reemit();
  }

  public Optional<OutletDay> close() {
    if (closed) {
      return Optional.empty();
    }
    closed = true;
    version = 1;
    lastEmitted = evaluate(version);
    return Optional.of(lastEmitted);
  }

  private Optional<OutletDay> reemit() {
    if (!closed) {
      return Optional.empty();
    }
    OutletDay next = evaluate(version + 1);
    if (next.withVersion(0).equals(lastEmitted.withVersion(0))) {
      return Optional.empty();
    }
    version++;
    lastEmitted = next;
    return Optional.of(next);
  }

  /** The day value as it stands (pure); hours never received count as invalid (no data). */
  public OutletDay evaluate(int withVersion) {
    boolean wastewater = kind == OutletKind.WASTEWATER;
    boolean parameter = PollutantCodes.isParameter(pollutant);
    int valid = 0;
    int stop = 0;
    int withData = 0;
    int validMinutes = 0;
    int stopMinutes = 0;
    double sum = 0;
    double convertedSum = 0;
    int convertedCount = 0;
    double flowSum = 0;
    int flowHours = 0;
    double massSum = 0;
    double validMass = 0;
    double validVolume = 0;
    int measuredMass = 0;
    int substitutedMass = 0;
    double volume = 0;
    boolean anyVolume = false;
    Double min = null;
    Double max = null;
    for (OutletHour h : hours.values()) {
      validMinutes += h.validMinutes();
      stopMinutes += h.stopMinutes();
      if (h.invalidReason() != InvalidReason.NO_DATA) {
        withData++;
      }
      if (h.volumeM3() != null) {
        volume += h.volumeM3().doubleValue();
        anyVolume = true;
      }
      if (h.massKg() != null) {
        massSum += h.massKg().doubleValue();
        if (h.massDetermination() == Determination.SUBSTITUTED) {
          substitutedMass++;
        } else {
          measuredMass++;
        }
      }
      if (h.isStopped()) {
        stop++;
        continue;
      }
      if (h.flowM3h() != null) {
        flowSum += h.flowM3h().doubleValue();
        flowHours++;
      }
      if (!h.isMeasured()) {
        continue;
      }
      valid++;
      double c = h.concentration().doubleValue();
      sum += c;
      min = min == null ? c : Math.min(min, c);
      max = max == null ? c : Math.max(max, c);
      if (h.convertedConcentration() != null) {
        convertedSum += h.convertedConcentration().doubleValue();
        convertedCount++;
      }
      if (h.massKg() != null
          && h.volumeM3() != null
          && h.massDetermination() == Determination.MEASURED) {
        validMass += h.massKg().doubleValue();
        validVolume += h.volumeM3().doubleValue();
      }
    }
    // a missing hour is neither valid nor a stop hour: it stays in the denominator
    int operating = ValidityRules.HOURS_PER_DAY - stop;
    int required =
        wastewater
            ? Math.min(ValidityRules.WASTEWATER_MIN_VALID_HOURS, operating)
            : ValidityRules.requiredValidHours(operating);
    InvalidReason reason = null;
    if (withData == 0) {
      reason = InvalidReason.NO_DATA;
    } else if (operating == 0) {
      reason = InvalidReason.UNIT_STOPPED;
    } else if (valid == 0 || valid < required) {
      reason = InvalidReason.INSUFFICIENT_VALID_HOURS;
    }
    Determination determination = reason == null ? Determination.MEASURED : Determination.INVALID;
    Double concentration = null;
    Double converted = null;
    if (determination == Determination.MEASURED) {
      concentration = sum / valid;
      if (wastewater && !parameter && validVolume > 0) {
        concentration = Conversions.flowWeightedMgL(validMass, validVolume);
      }
      if (!parameter) {
        converted =
            wastewater ? concentration : convertedCount == 0 ? null : convertedSum / convertedCount;
      }
    }
    Double massKg = null;
    Determination massDetermination = null;
    if (!parameter) {
      int withMass = measuredMass + substitutedMass;
      if (withMass == 0) {
        massDetermination = Determination.INVALID;
      } else {
        massKg = massSum;
        if (wastewater || (measuredMass >= operating)) {
          massDetermination = Determination.MEASURED;
        } else if (withMass >= operating) {
          massDetermination = Determination.SUBSTITUTED;
        } else {
          massDetermination = Determination.INVALID;
        }
      }
    }
    int expected = ValidityRules.MINUTES_PER_DAY - stopMinutes;
    return new OutletDay(
        outletId,
        pollutant,
        kind,
        day,
        Cst.startOf(day),
        withVersion,
        determination,
        reason,
        valid,
        stop,
        ValidityRules.HOURS_PER_DAY - valid - stop,
        required,
        operating == 0 ? null : Round.value(100.0 * valid / operating),
        Round.value(concentration),
        Round.value(converted),
        determination == Determination.MEASURED ? Round.value(min) : null,
        determination == Determination.MEASURED ? Round.value(max) : null,
        flowHours == 0 ? null : Round.value(flowSum / flowHours),
        Round.mass(massKg),
        massDetermination,
        measuredMass,
        substitutedMass,
        anyVolume ? Round.value(volume) : null,
        validMinutes,
        expected,
        expected <= 0 ? null : Round.value(100.0 * validMinutes / expected),
        logger == null ? null : Round.value(logger.avg()),
        logger == null ? null : Round.value(logger.zsAvg()),
        logger == null ? null : Round.of(logger.cou(), Round.MASS_SCALE),
        logger == null ? null : logger.flag().name());
  }
}
