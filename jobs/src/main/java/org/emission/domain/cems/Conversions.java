package org.emission.domain.cems;

/** Conversion formulas of HJ 212-2017 App. D (hj75-validity.md §3, §5). */
public final class Conversions {

  /** O2 content of air in %: the 21 of {@code C' = C × (21 − O2ref) / (21 − O2meas)} (App. D.2). */
  public static final double AIR_O2_PERCENT = 21.0;

  /**
   * Measured O2 at or above which the converted concentration is not computed: the factor explodes
   * near 21 % (start-up, air only). Project rule, hj75-validity.md §5 guard (U as a regulation).
   */
  public static final double O2_UNCONVERTIBLE_PERCENT = 20.9;

  /**
   * NO expressed as NO2: {@code C_NOx = C_NO × 1.533 + C_NO2}, 1.533 = M(NO2)/M(NO) = 46.006/30.006
   * as printed in HJ 212-2017 App. D.2.
   */
  public static final double NO_AS_NO2 = 1.533;

  /** mg/m3 × m3/h × 10^-6 = kg/h (HJ 212-2017 App. D.2 hourly mass; hj75-validity.md §5). */
  public static final double MG_TO_KG = 1e-6;

  /** Litres per m3, for wastewater {@code D = Q(L/s) × T(s) × 10^-3} (HJ 212-2017 App. D.1). */
  public static final double LITRES_PER_M3 = 1000.0;

  private Conversions() {}

  /**
   * Reference-O2 converted concentration (折算浓度), HJ 212-2017 App. D.2: {@code C' = C × (21 − O2ref)
   * / (21 − O2meas)}.
   *
   * @return null when O2 is unknown or at least {@link #O2_UNCONVERTIBLE_PERCENT}
   */
  public static Double toReferenceO2(double concentration, double o2Ref, Double o2Measured) {
    if (o2Measured == null || o2Measured >= O2_UNCONVERTIBLE_PERCENT) {
      return null;
    }
    return concentration * (AIR_O2_PERCENT - o2Ref) / (AIR_O2_PERCENT - o2Measured);
  }

  /** NOx as NO2 from NO and NO2 measured separately (App. D.2); a missing NO2 counts as 0. */
  public static double noxFromNoAndNo2(double no, Double no2) {
    return no * NO_AS_NO2 + (no2 == null ? 0.0 : no2);
  }

  /**
   * Mass rate in kg/h from the dry standard concentration (not O2-converted) in mg/m3 and the dry
   * standard flow in m3/h: {@code G = C × Q × 10^-6} (App. D.2).
   */
  public static double massRateKgPerHour(double concentrationMgM3, double flowM3PerHour) {
    return concentrationMgM3 * flowM3PerHour * MG_TO_KG;
  }

  /** Wastewater volume in m3 from a flow in L/s over {@code seconds}: {@code D = Q × T × 10^-3}. */
  public static double wastewaterVolumeM3(double flowLitresPerSecond, double seconds) {
    return flowLitresPerSecond * seconds / LITRES_PER_M3;
  }

  /** Wastewater pollutant mass in kg: {@code G = D(m3) × C(mg/L) × 10^-3} (App. D.1). */
  public static double wastewaterMassKg(double volumeM3, double concentrationMgL) {
    return volumeM3 * concentrationMgL / LITRES_PER_M3;
  }

  /** Flow-weighted concentration in mg/L: {@code C = G(kg) / D(m3) × 10^3} (App. D.1). */
  public static double flowWeightedMgL(double massKg, double volumeM3) {
    return massKg / volumeM3 * LITRES_PER_M3;
  }
}
