package org.emission.domain.registry;

/**
 * Unit in which an outlet's logger sends its flow ({@code a00000} / {@code w00000}). HJ 212-2017
 * App. B defaults are m3/s for flue gas and L/s for wastewater, but many loggers send m3/h, so the
 * registry records it per outlet (hj212.md §12 note).
 */
public enum FlowUnit {
  M3_PER_HOUR("m3/h", 1.0),
  M3_PER_SECOND("m3/s", 3600.0),
  LITRES_PER_SECOND("L/s", 3.6);

  private final String code;
  private final double toM3PerHour;

  FlowUnit(String code, double toM3PerHour) {
    this.code = code;
    this.toM3PerHour = toM3PerHour;
  }

  public String code() {
    return code;
  }

  /** A flow in this unit expressed in m3/h. */
  public double toM3PerHour(double flow) {
    return flow * toM3PerHour;
  }

  /** A flow in this unit expressed in L/s (1 m3/h = 1000 L / 3600 s). */
  public double toLitresPerSecond(double flow) {
    return toM3PerHour(flow) / 3.6;
  }

  /** The unit for a registry cell (case-insensitive), or null. */
  public static FlowUnit parse(String text) {
    for (FlowUnit u : values()) {
      if (u.code.equalsIgnoreCase(text)) {
        return u;
      }
    }
    return null;
  }
}
