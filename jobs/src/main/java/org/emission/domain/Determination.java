package org.emission.domain;

/**
 * Method of determination of an hour or day value (数据获取方式), in the manner of US EPA 40 CFR Part
 * 75's MODC: a value is measured, invalid (with a reason), or — for mass and total-emission
 * accounting only — substituted by the HJ 75-2017 substitution table (hj75-validity.md §4). A
 * substituted value is never shown as a measured concentration.
 */
public enum Determination {
  MEASURED,
  INVALID,
  SUBSTITUTED
}
