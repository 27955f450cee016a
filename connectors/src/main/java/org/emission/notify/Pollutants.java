package org.emission.notify;

import java.util.Map;

/**
 * Display names and concentration units of HJ 212-2017 Appendix B codes (the {@code pollutant} of
 * alert records). Gas codes ({@code a…}) are in mg/m³, water codes ({@code w…}) in mg/L.
 */
final class Pollutants {
  private static final Map<String, String[]> NAMES =
      Map.ofEntries(
          Map.entry("a21026", new String[] {"SO2", "SO2"}),
          Map.entry("a21002", new String[] {"NOx", "NOx"}),
          Map.entry("a21003", new String[] {"NO", "NO"}),
          Map.entry("a21004", new String[] {"NO2", "NO2"}),
          Map.entry("a21005", new String[] {"CO", "CO"}),
          Map.entry("a34013", new String[] {"颗粒物", "particulate matter"}),
          Map.entry("a19001", new String[] {"含氧量", "O2"}),
          Map.entry("a00000", new String[] {"烟气流量", "flue-gas flow"}),
          Map.entry("a24088", new String[] {"非甲烷总烃", "NMHC"}),
          Map.entry("w00000", new String[] {"废水流量", "wastewater flow"}),
          Map.entry("w01001", new String[] {"pH", "pH"}),
          Map.entry("w01018", new String[] {"化学需氧量", "COD"}),
          Map.entry("w21003", new String[] {"氨氮", "ammonia nitrogen"}),
          Map.entry("w21011", new String[] {"总磷", "total phosphorus"}),
          Map.entry("w21001", new String[] {"总氮", "total nitrogen"}));

  private Pollutants() {}

  /** The pollutant's name, or its code when unknown. */
  static String name(String code, Language language) {
    String[] names = NAMES.get(code);
    return names == null ? code : names[language == Language.ZH ? 0 : 1];
  }

  /** The concentration unit of the code, or empty when it has none (pH, parameters). */
  static String unit(String code) {
    if (code == null || code.equals("w01001") || code.equals("a00000") || code.equals("w00000")) {
      return "";
    }
    if (code.equals("a19001")) {
      return "%";
    }
    if (code.startsWith("a")) {
      return "mg/m³";
    }
    return code.startsWith("w") ? "mg/L" : "";
  }
}
