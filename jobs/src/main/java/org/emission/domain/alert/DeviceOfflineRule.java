package org.emission.domain.alert;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.emission.domain.Cst;
import org.emission.domain.registry.Outlet;

/**
 * DEVICE_OFFLINE (离线): no packet received from the logger for {@code offlineMinutes}, judged on the
 * processing-time clock (state of one outlet). {@link #onTick} is called by a processing-time timer
 * with the current time; {@link #onPacket} with each packet's receive time. The alert starts at the
 * last receive time and closes when a packet arrives.
 */
public final class DeviceOfflineRule implements Serializable {

  private static final long serialVersionUID = 1L;

  private final AlertSlot slot = new AlertSlot(AlertKind.DEVICE_OFFLINE);
  private long lastReceived = Long.MIN_VALUE;

  public boolean isOpen() {
    return slot.isOpen();
  }

  /** A packet was received at {@code receivedAt}. */
  public List<Alert> onPacket(Instant receivedAt) {
    lastReceived = Math.max(lastReceived, receivedAt.toEpochMilli());
    if (!slot.isOpen()) {
      return List.of();
    }
    return List.of(slot.close(receivedAt, receivedAt, "data received again"));
  }

  /** Processing-time check at {@code now}. */
  public List<Alert> onTick(Outlet outlet, Instant now, AlertThresholds t) {
    if (slot.isOpen() || lastReceived == Long.MIN_VALUE) {
      return List.of();
    }
    long silentMinutes = (now.toEpochMilli() - lastReceived) / Cst.MINUTE_MS;
    if (silentMinutes < t.offlineMinutes()) {
      return List.of();
    }
    return List.of(
        slot.openAgainstThreshold(
            outlet,
            null,
            Instant.ofEpochMilli(lastReceived),
            now,
            (double) silentMinutes,
            (double) t.offlineMinutes(),
            "offlineMinutes",
            "no packet for " + silentMinutes + " minutes"));
  }
}
