package org.emission.domain.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import org.emission.domain.aggregate.OutletDay;
import org.emission.domain.aggregate.OutletHour;
import org.emission.domain.alert.Alert;
import org.emission.domain.alert.AlertKind;
import org.emission.domain.pipeline.DeviceOutputs;

/**
 * SHA-256 over the full text of every {@link DeviceOutputs} of a run (records print every field:
 * minutes, hours, days, logger values, live values, alerts with their versions and rounding), so
 * two runs on the same input are equal exactly when their digests are. Also counts what the run
 * produced, to show what a scenario exercises.
 */
public final class OutputDigest {

  private final MessageDigest sha;
  private long calls;
  private long minutes;
  private long hours;
  private long revisedHours;
  private long days;
  private long revisedDays;
  private long live;
  private long loggerValues;
  private long rejected;
  private final Map<AlertKind, Long> alerts = new EnumMap<>(AlertKind.class);

  public OutputDigest() {
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Adds a label (what was called) and the outputs of that call. */
  public void add(String label, DeviceOutputs out) {
    calls++;
    update(label);
    update(out.toString());
    minutes += out.minutes().size();
    hours += out.hours().size();
    for (OutletHour h : out.hours()) {
      revisedHours += h.version() > 1 ? 1 : 0;
    }
    days += out.days().size();
    for (OutletDay d : out.days()) {
      revisedDays += d.version() > 1 ? 1 : 0;
    }
    live += out.live().size();
    loggerValues += out.loggerValues().size();
    rejected += out.rejected() == null ? 0 : 1;
    for (Alert a : out.alerts()) {
      alerts.merge(a.kind(), 1L, Long::sum);
    }
  }

  /** Adds any other text (e.g. a state summary). */
  public void update(String text) {
    sha.update(text.getBytes(StandardCharsets.UTF_8));
    sha.update((byte) '\n');
  }

  /** The digest so far, as hex (the digest itself is not consumed). */
  public String hex() {
    try {
      return HexFormat.of().formatHex(((MessageDigest) sha.clone()).digest());
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException(e);
    }
  }

  public Map<AlertKind, Long> alerts() {
    return alerts;
  }

  public long revisedHours() {
    return revisedHours;
  }

  public long revisedDays() {
    return revisedDays;
  }

  public String summary() {
    return String.format(
        java.util.Locale.ROOT,
        "%d calls: %d minutes, %d hours (%d revisions), %d days (%d revisions), %d live values,"
            + " %d logger values, %d rejected, alerts %s",
        calls,
        minutes,
        hours,
        revisedHours,
        days,
        revisedDays,
        live,
        loggerValues,
        rejected,
        alerts);
  }
}
