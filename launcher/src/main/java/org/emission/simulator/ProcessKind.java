package org.emission.simulator;

import java.util.Locale;

/**
 * The process behind an outlet (registry {@code outlets.csv} column {@code process}) and how its
 * flue gas or effluent behaves: the load pattern over the day, the O2 of the flue gas at full load
 * and how it rises at part load, and the stack's temperature, static pressure and moisture.
 *
 * <p>Values are typical engineering figures for the sector (project choices, not regulatory
 * values); they only have to be plausible and consistent with the reference O2 of the outlet's
 * standard (limits.md), so that converted concentrations behave as on real stacks.
 */
enum ProcessKind {
  COAL_UNIT("coal_unit", LoadShape.POWER, 5.6, 4.0, 11.0, 48, 4, 11.5, 0.15),
  COKE_OVEN("coke_oven", LoadShape.CONTINUOUS, 9.4, 1.2, 12.5, 165, 20, 7.0, -0.35),
  COKE_PUSHING("coke_pushing", LoadShape.CONTINUOUS, Double.NaN, 0, 0, 62, 8, 2.5, -0.6),
  COKE_CHARGING("coke_charging", LoadShape.CONTINUOUS, Double.NaN, 0, 0, 58, 8, 2.5, -0.55),
  CDQ("cdq", LoadShape.CONTINUOUS, Double.NaN, 0, 0, 78, 10, 3.0, -0.4),
  TUBE_FURNACE("tube_furnace", LoadShape.CONTINUOUS, Double.NaN, 0, 0, 185, 15, 8.0, -0.2),
  SUBMERGED_ARC_FURNACE(
      "submerged_arc_furnace", LoadShape.TAPPING, Double.NaN, 0, 0, 112, 15, 2.0, -0.8),
  CARBIDE_FURNACE("carbide_furnace", LoadShape.TAPPING, Double.NaN, 0, 0, 95, 12, 2.2, -0.7),
  LIME_KILN("lime_kiln", LoadShape.CONTINUOUS, Double.NaN, 0, 0, 138, 15, 6.0, -0.3),
  PVC_DRYER("pvc_dryer", LoadShape.CONTINUOUS, Double.NaN, 0, 0, 55, 6, 4.0, -0.45),
  CEMENT_KILN("cement_kiln", LoadShape.CONTINUOUS, 10.6, 1.5, 13.5, 108, 12, 6.5, -0.5),
  KILN_HEAD("kiln_head", LoadShape.CONTINUOUS, Double.NaN, 0, 0, 102, 15, 1.8, -0.6),
  COAL_MILL("coal_mill", LoadShape.CONTINUOUS, Double.NaN, 0, 0, 68, 6, 5.0, -0.5),
  SINTER_HEAD("sinter_head", LoadShape.CONTINUOUS, 15.3, 1.0, 17.4, 118, 12, 10.0, -0.9),
  PELLET("pellet", LoadShape.CONTINUOUS, 17.1, 0.6, 18.2, 128, 12, 8.0, -0.7),
  SINTER_TAIL("sinter_tail", LoadShape.CONTINUOUS, Double.NaN, 0, 0, 95, 10, 1.8, -0.6),
  HOT_BLAST_STOVE("hot_blast_stove", LoadShape.CONTINUOUS, Double.NaN, 0, 0, 168, 18, 6.0, -0.2),
  BF_CAST_HOUSE("bf_cast_house", LoadShape.TAPPING, Double.NaN, 0, 0, 62, 10, 1.5, -0.7),
  CONVERTER_SECONDARY("converter_secondary", LoadShape.BATCH, Double.NaN, 0, 0, 66, 14, 1.6, -0.8),
  REHEAT_FURNACE("reheat_furnace", LoadShape.CONTINUOUS, 7.2, 3.0, 11.5, 158, 20, 9.0, -0.15),
  HEATING_BOILER("heating_boiler", LoadShape.HEATING, 9.6, 3.5, 14.5, 55, 5, 9.5, -0.25),
  WWTP("wwtp", LoadShape.SEWAGE, Double.NaN, 0, 0, 14, 0, 0, 0);

  /** How load follows the clock (see {@link LoadCurve}). */
  enum LoadShape {
    /** Grid dispatch: night trough, late-morning and evening peaks. */
    POWER,
    /** District heating: heating season high with a night peak, summer hot water only. */
    HEATING,
    /** Round-the-clock process (coke ovens, kilns, sinter). */
    CONTINUOUS,
    /** Submerged-arc and carbide furnaces, cast house: continuous with tapping every 2 h. */
    TAPPING,
    /** Converter heats of about 36 minutes. */
    BATCH,
    /** Sewage inflow: low before dawn, morning and evening peaks. */
    SEWAGE
  }

  private final String code;
  private final LoadShape shape;
  private final double o2Full;
  private final double o2PartLoadRise;
  private final double o2Max;
  private final double temperature;
  private final double temperatureRise;
  private final double moisture;
  private final double staticPressure;

  ProcessKind(
      String code,
      LoadShape shape,
      double o2Full,
      double o2PartLoadRise,
      double o2Max,
      double temperature,
      double temperatureRise,
      double moisture,
      double staticPressure) {
    this.code = code;
    this.shape = shape;
    this.o2Full = o2Full;
    this.o2PartLoadRise = o2PartLoadRise;
    this.o2Max = o2Max;
    this.temperature = temperature;
    this.temperatureRise = temperatureRise;
    this.moisture = moisture;
    this.staticPressure = staticPressure;
  }

  String code() {
    return code;
  }

  LoadShape shape() {
    return shape;
  }

  boolean wastewater() {
    return this == WWTP;
  }

  /** Dry O2 in % at full load. */
  double o2Full() {
    return o2Full;
  }

  /** O2 rise in % points from full load to zero load (more excess air at part load). */
  double o2PartLoadRise() {
    return o2PartLoadRise;
  }

  /** Highest O2 of normal operation, kept well below the 19 % that signals dilution. */
  double o2Max() {
    return o2Max;
  }

  double temperature() {
    return temperature;
  }

  double temperatureRise() {
    return temperatureRise;
  }

  /** Flue-gas moisture in %. */
  double moisture() {
    return moisture;
  }

  /** Static pressure at the measuring point in kPa (negative under induced draft). */
  double staticPressure() {
    return staticPressure;
  }

  /** Whether a clean unit of this process may take a planned stop in the simulated range. */
  boolean stoppable() {
    return this == COAL_UNIT || this == HEATING_BOILER || this == SUBMERGED_ARC_FURNACE;
  }

  static ProcessKind parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    for (ProcessKind p : values()) {
      if (p.code.equals(t)) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "unknown process '" + text + "' in outlets.csv (see registry/README.md)");
  }
}
