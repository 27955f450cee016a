package org.emission.domain.alert;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.emission.domain.Cst;
import org.emission.domain.registry.Outlet;

/**
 * DATA_GAP (数据缺失): minute records missing in the device's event time (state of one outlet).
 *
 * <p>The rule follows the end of the newest record (the frontier). A record starting at least
 * {@code dataGapMinMinutes} after the frontier opens a gap alert for {@code [frontier, start)}
 * (peak = missing minutes). Backfilled records inside a gap fill it: the alert is UPDATED with the
 * minutes still missing and CLOSED when none are (end = the gap's end). A gap not filled within
 * {@code dataGapRetentionHours} of event time is closed as not backfilled.
 */
public final class DataGapRule implements Serializable {

  private static final long serialVersionUID = 1L;

  /** One open gap: its minutes, which of them were filled, and its alert. */
  private static final class Gap implements Serializable {
    private static final long serialVersionUID = 1L;
    final long start;
    final long end;
    final BitSet filled = new BitSet();
    final AlertSlot slot = new AlertSlot(AlertKind.DATA_GAP);

    Gap(long start, long end) {
      this.start = start;
      this.end = end;
    }

    int minutes() {
      return (int) ((end - start) / Cst.MINUTE_MS);
    }

    int missing() {
      return minutes() - filled.cardinality();
    }
  }

  private long frontier = Long.MIN_VALUE;
  private final TreeMap<Long, Gap> gaps = new TreeMap<>();

  /** Number of gaps open. */
  public int openGaps() {
    return gaps.size();
  }

  /** A minute record covering {@code [start, end)} arrived. */
  public List<Alert> onRecord(Outlet outlet, Instant start, Instant end, AlertThresholds t) {
    List<Alert> out = new ArrayList<>();
    long s = start.toEpochMilli();
    long e = end.toEpochMilli();
    if (frontier == Long.MIN_VALUE) {
      frontier = e;
      return out;
    }
    if (s >= frontier) {
      long missing = (s - frontier) / Cst.MINUTE_MS;
      if (missing >= t.dataGapMinMinutes()) {
        Gap gap = new Gap(frontier, s);
        gaps.put(gap.start, gap);
        out.add(
            gap.slot.openAgainstThreshold(
                outlet,
                null,
                Instant.ofEpochMilli(gap.start),
                end,
                (double) missing,
                (double) t.dataGapMinMinutes(),
                "dataGapMinMinutes",
                describe(gap, missing)));
      }
      frontier = e;
    } else {
      fill(s, Math.min(e, frontier), end, out);
      frontier = Math.max(frontier, e);
    }
    expire(end, t, out);
    return out;
  }

  private void fill(long s, long e, Instant at, List<Alert> out) {
    Map.Entry<Long, Gap> first = gaps.floorEntry(s);
    Long from = first == null ? gaps.ceilingKey(s) : first.getKey();
    if (from == null) {
      return;
    }
    Iterator<Gap> it = gaps.tailMap(from, true).values().iterator();
    while (it.hasNext()) {
      Gap gap = it.next();
      if (gap.start >= e) {
        break;
      }
      long a = Math.max(s, gap.start);
      long b = Math.min(e, gap.end);
      if (a >= b) {
        continue;
      }
      int before = gap.missing();
      gap.filled.set(
          (int) ((a - gap.start) / Cst.MINUTE_MS),
          (int) ((b - gap.start + Cst.MINUTE_MS - 1) / Cst.MINUTE_MS));
      int missing = gap.missing();
      if (missing == before) {
        continue;
      }
      if (missing <= 0) {
        out.add(gap.slot.close(Instant.ofEpochMilli(gap.end), at, "gap backfilled"));
        it.remove();
      } else {
        gap.slot.update(at, (double) missing, describe(gap, missing)).ifPresent(out::add);
      }
    }
  }

  private void expire(Instant at, AlertThresholds t, List<Alert> out) {
    if (gaps.isEmpty()) {
      return;
    }
    long before = frontier - t.dataGapRetentionHours() * Cst.HOUR_MS;
    Iterator<Gap> it = gaps.values().iterator();
    while (it.hasNext()) {
      Gap gap = it.next();
      if (gap.end >= before) {
        break;
      }
      out.add(
          gap.slot.close(
              Instant.ofEpochMilli(gap.end),
              at,
              "not backfilled within "
                  + t.dataGapRetentionHours()
                  + " h; "
                  + gap.missing()
                  + " minutes missing"));
      it.remove();
    }
  }

  private static String describe(Gap gap, long missing) {
    return missing
        + " of "
        + gap.minutes()
        + " minutes missing from "
        + Cst.format(Instant.ofEpochMilli(gap.start))
        + " to "
        + Cst.format(Instant.ofEpochMilli(gap.end));
  }
}
