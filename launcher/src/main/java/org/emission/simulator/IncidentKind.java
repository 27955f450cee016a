package org.emission.simulator;

import java.util.Locale;

/**
 * What the simulator injects, the {@code scenario} column of {@code devices.csv} (empty = clean)
 * and the {@code kind} column of the incidents file, with the rule or reject reason that should
 * detect it (the alert kinds of {@code org.emission.domain.alert.AlertKind}, the reject reasons of
 * the gateway).
 */
public enum IncidentKind {
  /** Converted hourly concentration well above the limit for some hours (daily for wastewater). */
  EXCEEDANCE("EXCEEDANCE;EARLY_WARNING"),
  /** A slow rise to just below (or above) the limit: early warning, maybe exceedance. */
  CREEP("EARLY_WARNING"),
  /** The logger goes offline and later re-sends its stored minute and hour data (补传). */
  OFFLINE_BACKFILL("DATA_GAP;DEVICE_OFFLINE"),
  /** One analyser's value frozen for hours. */
  FLAT_LINE("FLAT_LINE"),
  /** Air let into the stack: O2 near ambient while the unit runs. */
  DILUTION("DILUTION"),
  /** A unit recorded as stopped in outlets.csv reports flow and pollutants. */
  STOPPED_EMITTING("STOPPED_BUT_EMITTING"),
  /** A calibration (flag C) running for well over the allowed time. */
  CALIBRATION_TOO_LONG("CALIBRATION_TOO_LONG"),
  /** The logger's 2061 hourly mean disagrees with its own minutes. */
  HOUR_MISMATCH("LOGGER_HOUR_MISMATCH"),
  /** Frames damaged on the line: CRC mismatch (re-sent when the logger asks for answers). */
  BAD_CRC("CRC_MISMATCH"),
  /** Truncated frames or a wrong length field. */
  BAD_LENGTH("LENGTH_MISMATCH"),
  /** Packets with a registered MN but a wrong password (spoofed copies). */
  WRONG_PASSWORD("WRONG_PASSWORD"),
  /** A logger that is not in devices.csv. */
  UNKNOWN_DEVICE("UNKNOWN_DEVICE"),
  /** A cumulative register passing its maximum and starting again from zero. */
  METER_ROLLOVER("register rollover (energy accounting)"),
  /** A meter replaced: the serial changes and the register restarts. */
  METER_REPLACEMENT("meter replacement (energy accounting)"),
  /** Open-pit mining during the night ban (wuhai-context.md §5). */
  NIGHT_MINING("production in banned hours (night mining ban)");

  private final String detectedBy;

  IncidentKind(String detectedBy) {
    this.detectedBy = detectedBy;
  }

  /** The lower-case name used in files, e.g. {@code offline_backfill}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The alert kinds or reject reasons that should report it, separated by ';'. */
  public String detectedBy() {
    return detectedBy;
  }

  /** Whether the kind can be a device's scenario in devices.csv. */
  boolean deviceScenario() {
    return ordinal() <= WRONG_PASSWORD.ordinal();
  }

  /** The kind for a devices.csv scenario cell; null for an empty cell (a clean device). */
  static IncidentKind parseScenario(String text) {
    String t = text.trim();
    if (t.isEmpty() || t.equalsIgnoreCase("clean")) {
      return null;
    }
    for (IncidentKind k : values()) {
      if (k.code().equalsIgnoreCase(t) && k.deviceScenario()) {
        return k;
      }
    }
    throw new IllegalArgumentException(
        "unknown scenario '" + text + "' in devices.csv (see registry/README.md)");
  }
}
