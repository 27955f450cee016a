package org.emission.gateway;

/** Outcome of checking a packet's MN and PW against the device directory. */
enum DeviceCheck {
  OK,
  /** The MN is not in {@code devices.csv}. */
  UNKNOWN_DEVICE,
  /** The MN is known but the PW differs (HJ 212-2017 Table 6: QnRtn 3, "PW wrong"). */
  WRONG_PASSWORD
}
