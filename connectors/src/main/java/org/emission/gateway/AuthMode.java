package org.emission.gateway;

/**
 * How the gateway treats a packet whose MN and PW do not match the device directory (HJ 212-2017
 * Table 3: PW is the access password, MN the device id).
 */
public enum AuthMode {
  /**
   * Unknown devices and wrong passwords are rejected: written to ingest.rejects, never answered.
   */
  ENFORCE,
  /** They pass like known devices, but are counted and logged. */
  WARN,
  /** MN and PW are not checked. */
  OFF
}
