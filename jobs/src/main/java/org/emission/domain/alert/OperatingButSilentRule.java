package org.emission.domain.alert;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.emission.domain.Cst;
import org.emission.domain.cems.MinuteSnapshot;
import org.emission.domain.cems.PollutantMinute;
import org.emission.domain.registry.Outlet;

/**
 * OPERATING_BUT_SILENT: the registry records the outlet as operating, yet for {@code silentHours}
 * it sent nothing but stop (F) flags — judged in event time on each minute — or nothing at all —
 * judged on a processing-time tick against the receive time of the last packet (state of one
 * outlet). Starts at the end of the last minute with any non-F reading; closes when a minute with a
 * non-F reading arrives.
 */
public final class OperatingButSilentRule implements Serializable {

  private static final long serialVersionUID = 1L;

  private final AlertSlot slot = new AlertSlot(AlertKind.OPERATING_BUT_SILENT);
  private long lastActive = Long.MIN_VALUE;

  public boolean isOpen() {
    return slot.isOpen();
  }

  public List<Alert> onMinute(Outlet outlet, MinuteSnapshot s, AlertThresholds t) {
    boolean active = false;
    for (PollutantMinute p : s.pollutants().values()) {
      if (!p.isStop()) {
        active = true;
        break;
      }
    }
    long end = s.end().toEpochMilli();
    if (active) {
      lastActive = Math.max(lastActive, end);
      return slot.isOpen()
          ? List.of(slot.close(s.start(), s.end(), "non-stop data again"))
          : List.of();
    }
    if (lastActive == Long.MIN_VALUE) {
      lastActive = s.start().toEpochMilli();
    }
    return check(outlet, s.end(), end - lastActive, t, "only stop (F) flags");
  }

  /**
   * Processing-time check at {@code now}: nothing received at all since {@code lastReceived} (the
   * receive time of the last packet, on the same clock as {@code now}; {@link Long#MIN_VALUE} when
   * none). The receive clock, not the data's: a logger whose clock is hours behind, or that is
   * sending stored data, is not silent.
   */
  public List<Alert> onTick(Outlet outlet, Instant now, long lastReceived, AlertThresholds t) {
    if (lastReceived == Long.MIN_VALUE) {
      return List.of();
    }
    return check(outlet, now, now.toEpochMilli() - lastReceived, t, "no data");
  }

  private List<Alert> check(
      Outlet outlet, Instant at, long silentMs, AlertThresholds t, String what) {
    if (slot.isOpen() || lastActive == Long.MIN_VALUE || !outlet.operatingAt(at)) {
      return List.of();
    }
    long silentMinutes = silentMs / Cst.MINUTE_MS;
    if (silentMinutes < t.silentHours() * 60L) {
      return List.of();
    }
    return List.of(
        slot.openAgainstThreshold(
            outlet,
            null,
            Instant.ofEpochMilli(lastActive),
            at,
            silentMinutes / 60.0,
            (double) t.silentHours(),
            "silentHours",
            "registry status operating, but " + what + " for " + silentMinutes + " minutes"));
  }
}
