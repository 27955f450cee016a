package org.emission.gateway;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.emission.hj212.Hj212Packet;

/** Checks a packet's MN and PW (HJ 212-2017 Table 3) against the device directory. */
final class DeviceAuthenticator {
  private final AuthMode mode;
  private final DeviceDirectory directory;

  DeviceAuthenticator(AuthMode mode, DeviceDirectory directory) {
    this.mode = mode;
    this.directory = directory;
  }

  AuthMode mode() {
    return mode;
  }

  /** The check's outcome; always {@link DeviceCheck#OK} when the mode is OFF. */
  DeviceCheck check(Hj212Packet packet) {
    if (mode == AuthMode.OFF) {
      return DeviceCheck.OK;
    }
    Device device = directory.find(packet.mn());
    if (device == null) {
      return DeviceCheck.UNKNOWN_DEVICE;
    }
    String pw = packet.pw();
    // Constant-time comparison: the answer must not reveal how much of a guess was right.
    if (pw == null
        || !MessageDigest.isEqual(
            device.pw().getBytes(StandardCharsets.UTF_8), pw.getBytes(StandardCharsets.UTF_8))) {
      return DeviceCheck.WRONG_PASSWORD;
    }
    return DeviceCheck.OK;
  }
}
