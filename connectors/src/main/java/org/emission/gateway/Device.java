package org.emission.gateway;

import java.util.Objects;

/**
 * One data logger of the registry's {@code devices.csv}.
 *
 * @param mn the logger's device id (HJ 212-2017 Table 3: MN)
 * @param pw its access password (Table 3: PW)
 * @param outletId the outlet it monitors, as in the registry's outlets
 */
public record Device(String mn, String pw, String outletId) {

  public Device {
    Objects.requireNonNull(mn, "mn");
    Objects.requireNonNull(pw, "pw");
    Objects.requireNonNull(outletId, "outletId");
  }

  /** Never prints the password. */
  @Override
  public String toString() {
    return "Device[mn=" + mn + ", outletId=" + outletId + "]";
  }
}
