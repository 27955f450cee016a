package org.emission.domain.registry;

/** What an outlet (排放口) discharges. */
public enum OutletKind {
  /** Stack (废气排放口), HJ 212 system code 31. */
  FLUE_GAS("flue_gas"),
  /** Wastewater outlet (废水排放口), HJ 212 system code 32. */
  WASTEWATER("wastewater");

  private final String code;

  OutletKind(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** The kind for a registry cell, or null. */
  public static OutletKind parse(String text) {
    for (OutletKind k : values()) {
      if (k.code.equals(text)) {
        return k;
      }
    }
    return null;
  }
}
