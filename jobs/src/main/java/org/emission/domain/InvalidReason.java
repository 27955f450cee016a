package org.emission.domain;

/** Why an hour or day value is invalid (无效); {@link #code()} is the text stored in results. */
public enum InvalidReason {
  /** Fewer valid minutes than HJ 212-2017 App. D eq. 24 requires (45 per hour). */
  INSUFFICIENT_VALID_MINUTES("insufficient_valid_minutes"),
  /** Fewer valid hours than HJ 212-2017 App. D eq. 25 requires (20 per day). */
  INSUFFICIENT_VALID_HOURS("insufficient_valid_hours"),
  /** Mostly calibration (flag C). */
  CALIBRATION("calibration"),
  /** Mostly maintenance (flag M). */
  MAINTENANCE("maintenance"),
  /** Mostly instrument fault (flag D). */
  FAULT("fault"),
  /** Mostly instrument–logger communication failure (flag B). */
  COMMS_FAILURE("comms_failure"),
  /** Mostly manual values (flag S). */
  MANUAL_VALUE("manual_value"),
  /** The whole period is a stop period (flag F). */
  UNIT_STOPPED("unit_stopped"),
  /** Enough valid minutes, but O2 missing, invalid or >= 20.9 % in too many of them. */
  O2_UNCONVERTIBLE("o2_unconvertible"),
  /** Mass only: the flue-gas or wastewater flow of the period is not valid. */
  FLOW_INVALID("flow_invalid"),
  /** No record at all for the period. */
  NO_DATA("no_data");

  private final String code;

  InvalidReason(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}
