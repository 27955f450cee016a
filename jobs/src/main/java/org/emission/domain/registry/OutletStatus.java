package org.emission.domain.registry;

/** Operating status of an outlet as recorded by the bureau. */
public enum OutletStatus {
  OPERATING("operating"),
  STOPPED("stopped"),
  DECOMMISSIONED("decommissioned");

  private final String code;

  OutletStatus(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** The status for a registry cell, or null. */
  public static OutletStatus parse(String text) {
    for (OutletStatus s : values()) {
      if (s.code.equals(text)) {
        return s;
      }
    }
    return null;
  }
}
