package org.emission.simulator;

/**
 * One energy or production meter of {@code meters.csv}.
 *
 * @param kind electricity, coal, natural_gas, heat, steam or production
 * @param product the product of a production meter (empty otherwise)
 * @param rate nominal quantity per hour at full load, in {@code unit}
 * @param register whether it reports a cumulative register ({@code form=register}) rather than
 *     interval quantities
 * @param registerMax the register's largest value before it rolls over to zero, or 0 when unknown
 */
record MeterSpec(
    String meterId,
    String enterpriseId,
    String kind,
    String unit,
    String product,
    double rate,
    boolean register,
    double registerMax) {

  boolean production() {
    return kind.equals("production");
  }
}
