package org.emission.domain.cems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ConversionsTest {

  @Test
  void referenceO2WorkedCheckOfHj75ValidityMd() {
    // hj75-validity.md §5: PM 40 mg/m3 at 9 % O2, reference 6 % -> 40 × (21−6)/(21−9) = 40 × 15/12
    // = 50
    assertThat(Conversions.toReferenceO2(40, 6, 9.0)).isCloseTo(50.0, within(1e-12));
  }

  @Test
  void massRateUsesTheDryNotTheConvertedConcentration() {
    // same check: 40 mg/m3 (not 50) × 1,000,000 m3/h × 10^-6 = 40 kg/h (HJ 212-2017 App. D.2)
    assertThat(Conversions.massRateKgPerHour(40, 1_000_000)).isCloseTo(40.0, within(1e-12));
  }

  @Test
  void o2AtOrAbove20point9CannotBeConverted() {
    // project guard: (21 − 6)/(21 − 20.9) = 150 would multiply the value 150-fold
    assertThat(Conversions.toReferenceO2(40, 6, 20.9)).isNull();
    assertThat(Conversions.toReferenceO2(40, 6, null)).isNull();
    // just below: 40 × 15 / 0.11 = 5454.545...
    assertThat(Conversions.toReferenceO2(40, 6, 20.89)).isCloseTo(5454.5454, within(1e-3));
  }

  @Test
  void noxAsNo2FromNoAndNo2() {
    // HJ 212-2017 App. D.2: NOx = NO × 1.533 + NO2 = 100 × 1.533 + 10 = 163.3
    assertThat(Conversions.noxFromNoAndNo2(100, 10.0)).isCloseTo(163.3, within(1e-9));
    // NO-only analyser: NO2 counted as 0 -> 153.3
    assertThat(Conversions.noxFromNoAndNo2(100, null)).isCloseTo(153.3, within(1e-9));
    // 1.533 = 46.006 / 30.006 rounded to the printed 3 decimals
    assertThat(46.006 / 30.006).isCloseTo(Conversions.NO_AS_NO2, within(5e-4));
  }

  @Test
  void wastewaterVolumeMassAndFlowWeightedConcentration() {
    // App. D.1: D = Q × T × 10^-3 = 10 L/s × 600 s / 1000 = 6 m3
    assertThat(Conversions.wastewaterVolumeM3(10, 600)).isCloseTo(6.0, within(1e-12));
    // G = D × C × 10^-3 = 6 m3 × 50 mg/L / 1000 = 0.3 kg
    assertThat(Conversions.wastewaterMassKg(6, 50)).isCloseTo(0.3, within(1e-12));
    // C = G / D × 10^3 = 0.3 / 6 × 1000 = 50 mg/L
    assertThat(Conversions.flowWeightedMgL(0.3, 6)).isCloseTo(50.0, within(1e-12));
  }
}
