package org.emission.domain.alert;

/** The alert rules, with their default severity. */
public enum AlertKind {
  /** Hourly (or daily) converted concentration above the limit in force (超标). */
  EXCEEDANCE(Severity.CRITICAL),
  /** The running hour is projected to exceed (超标预警). */
  EARLY_WARNING(Severity.WARNING),
  /** No packet from the logger for a while, on the processing-time clock (离线). */
  DEVICE_OFFLINE(Severity.WARNING),
  /** Missing minute records in the device's event time (数据缺失). */
  DATA_GAP(Severity.INFO),
  /** Daily transmission-validity rate below the threshold (传输有效率低). */
  LOW_TRANSMISSION_RATE(Severity.WARNING),
  /** Values unchanged for hours while operating: suspected falsification (数据恒值). */
  FLAT_LINE(Severity.CRITICAL),
  /** O2 near ambient while the unit operates with flow: suspected dilution (稀释排放). */
  DILUTION(Severity.CRITICAL),
  /** Pollutant readings with zero flow (流量为零但有浓度). */
  ZERO_FLOW_WITH_POLLUTANT(Severity.WARNING),
  /** A calibration (flag C) period lasting too long. */
  CALIBRATION_TOO_LONG(Severity.WARNING),
  /** A maintenance (flag M) period lasting too long. */
  MAINTENANCE_TOO_LONG(Severity.WARNING),
  /** Too many calibration periods in a CST day. */
  CALIBRATION_TOO_OFTEN(Severity.WARNING),
  /** Value outside the analyser range (flag T or above the configured range). */
  OUT_OF_RANGE(Severity.WARNING),
  /** The logger's own 2061 hourly mean differs from the hour computed from its minutes. */
  LOGGER_HOUR_MISMATCH(Severity.WARNING),
  /** The registry says stopped/decommissioned, yet the outlet reports pollutants with flow. */
  STOPPED_BUT_EMITTING(Severity.CRITICAL),
  /** The registry says operating, yet the outlet reports nothing or only F flags for hours. */
  OPERATING_BUT_SILENT(Severity.WARNING);

  private final Severity defaultSeverity;

  AlertKind(Severity defaultSeverity) {
    this.defaultSeverity = defaultSeverity;
  }

  public Severity defaultSeverity() {
    return defaultSeverity;
  }
}
