package org.emission.domain.alert;

import java.io.Serializable;
import java.util.Map;

/**
 * Typed alert configuration with defaults ({@link #defaults()}) and validation. Defaults marked
 * "project" are engineering choices, not regulatory values; change them per deployment.
 *
 * @param earlyWarningFactor warn when the projected hour mean exceeds limit × factor (project: 0.9)
 * @param earlyWarningMinValidMinutes valid minutes the running hour needs before warning (project:
 *     15)
 * @param earlyWarningRecentMinutes minutes whose mean is projected over the rest of the hour
 *     (project: 10)
 * @param offlineMinutes DEVICE_OFFLINE after this many minutes without a packet (project: 30)
 * @param dataGapMinMinutes DATA_GAP from this many consecutive missing minutes (project: 5)
 * @param dataGapRetentionHours an unfilled gap is closed as "not backfilled" after this many hours
 *     of event time (project: 168)
 * @param minTransmissionPercent LOW_TRANSMISSION_RATE below this daily rate (95 %, the national
 *     online-monitoring transmission-validity target)
 * @param flatLineHours FLAT_LINE after this many operating hours of unchanged values (project: 4)
 * @param flatLineTolerance values within this absolute difference count as unchanged (project:
 *     0.001, the output resolution)
 * @param dilutionO2Percent DILUTION when O2 is at or above this while operating with flow (project:
 *     19 %)
 * @param dilutionMinMinutes ... for at least this many minutes (project: 60)
 * @param zeroFlowMinMinutes ZERO_FLOW_WITH_POLLUTANT after this many minutes (project: 15)
 * @param calibrationMaxMinutes CALIBRATION_TOO_LONG when a C period exceeds this (project: 90)
 * @param maintenanceMaxMinutes MAINTENANCE_TOO_LONG when an M period exceeds this (project: 1440)
 * @param calibrationMaxPerDay CALIBRATION_TOO_OFTEN when a CST day has more C periods (project: 3;
 *     HJ 75-2017 expects at least one automatic check per 24 h)
 * @param analyserRanges upper end of the analyser range per pollutant code (OUT_OF_RANGE above it;
 *     flag T always counts); empty by default
 * @param loggerMismatchAbsolute LOGGER_HOUR_MISMATCH tolerance in the pollutant's unit (project: 1)
 * @param loggerMismatchRelative ... or this share of the computed mean, whichever is larger
 *     (project: 0.05)
 * @param stoppedEmittingMinMinutes STOPPED_BUT_EMITTING after this many minutes (project: 10)
 * @param silentHours OPERATING_BUT_SILENT after this many hours with nothing but F (project: 24)
 */
public record AlertThresholds(
    double earlyWarningFactor,
    int earlyWarningMinValidMinutes,
    int earlyWarningRecentMinutes,
    int offlineMinutes,
    int dataGapMinMinutes,
    int dataGapRetentionHours,
    double minTransmissionPercent,
    int flatLineHours,
    double flatLineTolerance,
    double dilutionO2Percent,
    int dilutionMinMinutes,
    int zeroFlowMinMinutes,
    int calibrationMaxMinutes,
    int maintenanceMaxMinutes,
    int calibrationMaxPerDay,
    Map<String, Double> analyserRanges,
    double loggerMismatchAbsolute,
    double loggerMismatchRelative,
    int stoppedEmittingMinMinutes,
    int silentHours)
    implements Serializable {

  public AlertThresholds {
    require(
        earlyWarningFactor > 0 && earlyWarningFactor <= 2, "earlyWarningFactor must be in (0, 2]");
    require(
        earlyWarningMinValidMinutes >= 1 && earlyWarningMinValidMinutes <= 60,
        "earlyWarningMinValidMinutes must be 1..60");
    require(
        earlyWarningRecentMinutes >= 1 && earlyWarningRecentMinutes <= 60,
        "earlyWarningRecentMinutes must be 1..60");
    require(offlineMinutes >= 1, "offlineMinutes must be >= 1");
    require(dataGapMinMinutes >= 1, "dataGapMinMinutes must be >= 1");
    require(dataGapRetentionHours >= 1, "dataGapRetentionHours must be >= 1");
    require(
        minTransmissionPercent > 0 && minTransmissionPercent <= 100,
        "minTransmissionPercent must be in (0, 100]");
    require(flatLineHours >= 1, "flatLineHours must be >= 1");
    require(flatLineTolerance >= 0, "flatLineTolerance must be >= 0");
    require(
        dilutionO2Percent > 0 && dilutionO2Percent < 21, "dilutionO2Percent must be in (0, 21)");
    require(dilutionMinMinutes >= 1, "dilutionMinMinutes must be >= 1");
    require(zeroFlowMinMinutes >= 1, "zeroFlowMinMinutes must be >= 1");
    require(calibrationMaxMinutes >= 1, "calibrationMaxMinutes must be >= 1");
    require(maintenanceMaxMinutes >= 1, "maintenanceMaxMinutes must be >= 1");
    require(calibrationMaxPerDay >= 1, "calibrationMaxPerDay must be >= 1");
    analyserRanges = analyserRanges == null ? Map.of() : Map.copyOf(analyserRanges);
    analyserRanges.forEach(
        (code, range) ->
            require(range != null && range > 0, "analyser range of " + code + " must be > 0"));
    require(loggerMismatchAbsolute >= 0, "loggerMismatchAbsolute must be >= 0");
    require(loggerMismatchRelative >= 0, "loggerMismatchRelative must be >= 0");
    require(stoppedEmittingMinMinutes >= 1, "stoppedEmittingMinMinutes must be >= 1");
    require(silentHours >= 1, "silentHours must be >= 1");
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  public static AlertThresholds defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this configuration. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.earlyWarningFactor = earlyWarningFactor;
    b.earlyWarningMinValidMinutes = earlyWarningMinValidMinutes;
    b.earlyWarningRecentMinutes = earlyWarningRecentMinutes;
    b.offlineMinutes = offlineMinutes;
    b.dataGapMinMinutes = dataGapMinMinutes;
    b.dataGapRetentionHours = dataGapRetentionHours;
    b.minTransmissionPercent = minTransmissionPercent;
    b.flatLineHours = flatLineHours;
    b.flatLineTolerance = flatLineTolerance;
    b.dilutionO2Percent = dilutionO2Percent;
    b.dilutionMinMinutes = dilutionMinMinutes;
    b.zeroFlowMinMinutes = zeroFlowMinMinutes;
    b.calibrationMaxMinutes = calibrationMaxMinutes;
    b.maintenanceMaxMinutes = maintenanceMaxMinutes;
    b.calibrationMaxPerDay = calibrationMaxPerDay;
    b.analyserRanges = analyserRanges;
    b.loggerMismatchAbsolute = loggerMismatchAbsolute;
    b.loggerMismatchRelative = loggerMismatchRelative;
    b.stoppedEmittingMinMinutes = stoppedEmittingMinMinutes;
    b.silentHours = silentHours;
    return b;
  }

  /** Builder with the defaults of the record comment. */
  public static final class Builder {
    private double earlyWarningFactor = 0.9;
    private int earlyWarningMinValidMinutes = 15;
    private int earlyWarningRecentMinutes = 10;
    private int offlineMinutes = 30;
    private int dataGapMinMinutes = 5;
    private int dataGapRetentionHours = 168;
    private double minTransmissionPercent = 95.0;
    private int flatLineHours = 4;
    private double flatLineTolerance = 0.001;
    private double dilutionO2Percent = 19.0;
    private int dilutionMinMinutes = 60;
    private int zeroFlowMinMinutes = 15;
    private int calibrationMaxMinutes = 90;
    private int maintenanceMaxMinutes = 1440;
    private int calibrationMaxPerDay = 3;
    private Map<String, Double> analyserRanges = Map.of();
    private double loggerMismatchAbsolute = 1.0;
    private double loggerMismatchRelative = 0.05;
    private int stoppedEmittingMinMinutes = 10;
    private int silentHours = 24;

    private Builder() {}

    public Builder earlyWarningFactor(double v) {
      earlyWarningFactor = v;
      return this;
    }

    public Builder earlyWarningMinValidMinutes(int v) {
      earlyWarningMinValidMinutes = v;
      return this;
    }

    public Builder earlyWarningRecentMinutes(int v) {
      earlyWarningRecentMinutes = v;
      return this;
    }

    public Builder offlineMinutes(int v) {
      offlineMinutes = v;
      return this;
    }

    public Builder dataGapMinMinutes(int v) {
      dataGapMinMinutes = v;
      return this;
    }

    public Builder dataGapRetentionHours(int v) {
      dataGapRetentionHours = v;
      return this;
    }

    public Builder minTransmissionPercent(double v) {
      minTransmissionPercent = v;
      return this;
    }

    public Builder flatLineHours(int v) {
      flatLineHours = v;
      return this;
    }

    public Builder flatLineTolerance(double v) {
      flatLineTolerance = v;
      return this;
    }

    public Builder dilutionO2Percent(double v) {
      dilutionO2Percent = v;
      return this;
    }

    public Builder dilutionMinMinutes(int v) {
      dilutionMinMinutes = v;
      return this;
    }

    public Builder zeroFlowMinMinutes(int v) {
      zeroFlowMinMinutes = v;
      return this;
    }

    public Builder calibrationMaxMinutes(int v) {
      calibrationMaxMinutes = v;
      return this;
    }

    public Builder maintenanceMaxMinutes(int v) {
      maintenanceMaxMinutes = v;
      return this;
    }

    public Builder calibrationMaxPerDay(int v) {
      calibrationMaxPerDay = v;
      return this;
    }

    public Builder analyserRanges(Map<String, Double> v) {
      analyserRanges = v;
      return this;
    }

    public Builder loggerMismatchAbsolute(double v) {
      loggerMismatchAbsolute = v;
      return this;
    }

    public Builder loggerMismatchRelative(double v) {
      loggerMismatchRelative = v;
      return this;
    }

    public Builder stoppedEmittingMinMinutes(int v) {
      stoppedEmittingMinMinutes = v;
      return this;
    }

    public Builder silentHours(int v) {
      silentHours = v;
      return this;
    }

    /**
     * @throws IllegalArgumentException naming the first invalid setting
     */
    public AlertThresholds build() {
      return new AlertThresholds(
          earlyWarningFactor,
          earlyWarningMinValidMinutes,
          earlyWarningRecentMinutes,
          offlineMinutes,
          dataGapMinMinutes,
          dataGapRetentionHours,
          minTransmissionPercent,
          flatLineHours,
          flatLineTolerance,
          dilutionO2Percent,
          dilutionMinMinutes,
          zeroFlowMinMinutes,
          calibrationMaxMinutes,
          maintenanceMaxMinutes,
          calibrationMaxPerDay,
          analyserRanges,
          loggerMismatchAbsolute,
          loggerMismatchRelative,
          stoppedEmittingMinMinutes,
          silentHours);
    }
  }
}
