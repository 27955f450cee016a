package org.emission.domain;

import java.util.Set;

/** HJ 212-2017 App. B pollutant and parameter codes used by the rules (hj212.md §12). */
public final class PollutantCodes {

  /** Flue-gas flow (烟气流量); 2017 default unit m3/s, many loggers send m3/h. */
  public static final String FLUE_GAS_FLOW = "a00000";

  /** Oxygen (含氧量), % dry. */
  public static final String O2 = "a19001";

  /** Particulate matter / smoke dust (颗粒物/烟尘). */
  public static final String PM = "a34013";

  /** Sulphur dioxide. */
  public static final String SO2 = "a21026";

  /** Nitrogen oxides as NO2. */
  public static final String NOX = "a21002";

  /** Nitric oxide. */
  public static final String NO = "a21003";

  /** Nitrogen dioxide. */
  public static final String NO2 = "a21004";

  /** Carbon monoxide. */
  public static final String CO = "a21005";

  /** Wastewater flow (废水流量); 2017 default unit L/s, amount (Cou) in m3. */
  public static final String WASTEWATER_FLOW = "w00000";

  /** pH (dimensionless: never a mass). */
  public static final String PH = "w01001";

  /** COD(Cr). */
  public static final String COD = "w01018";

  /** Ammonia nitrogen. */
  public static final String AMMONIA_NITROGEN = "w21003";

  /** The pollutants whose invalid-hour emission HJ 75-2017 substitutes (hj75-validity.md §4). */
  public static final Set<String> SUBSTITUTABLE = Set.of(SO2, NOX, PM);

  private PollutantCodes() {}

  /**
   * Flue-gas state parameters (flow, velocity, temperature, pressure, humidity, duct data, O2):
   * aggregated like pollutants (notes to HJ 212-2017 App. D eq. 23–25) but never O2-converted and
   * never a mass.
   */
  public static boolean isFlueGasParameter(String code) {
    return code.equals(FLUE_GAS_FLOW) || code.startsWith("a01") || code.equals(O2);
  }

  /** Wastewater parameters that are not a pollutant mass (flow, pH, water temperature). */
  public static boolean isWastewaterParameter(String code) {
    return code.equals(WASTEWATER_FLOW) || code.equals(PH) || code.equals("w01010");
  }

  /** True when the code is a parameter (no O2 conversion, no mass), for either medium. */
  public static boolean isParameter(String code) {
    return isFlueGasParameter(code) || isWastewaterParameter(code);
  }
}
