package org.emission.domain.alert;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.emission.domain.aggregate.OutletDay;
import org.emission.domain.aggregate.OutletHour;
import org.emission.domain.registry.Averaging;
import org.emission.domain.registry.LimitInForce;
import org.emission.domain.registry.Outlet;

/**
 * EXCEEDANCE (超标): the converted concentration of a valid hour — or of a valid day where the limit
 * in force averages over a day — above the limit in force (hj75-validity.md §6: judged on the
 * hourly mean converted concentration; invalid hours are not judged). State of one key: outlet,
 * pollutant and averaging.
 *
 * <p>An episode opens with the first exceeding period (start = its start), is UPDATED when a later
 * period has a higher exceedance multiple {@code (C − L) / L}, and closes at the start of the first
 * valid period within the limit. Invalid periods neither open nor close it.
 *
 * <p>Late revisions of already judged periods: an exceeding revision inside the open episode may
 * raise its peak; one outside every known episode is reported as its own one-period episode (opened
 * and closed at once, with the deterministic id of that period). A revision that makes a past
 * period compliant does not retract an alert — the period's new value is in the hour or day table.
 */
public final class ExceedanceRule implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final int EPISODES_KEPT = 100;

  private final AlertSlot slot = new AlertSlot(AlertKind.EXCEEDANCE);
  private long lastJudged = Long.MIN_VALUE;
  // start -> end of recently closed episodes, to recognise revisions inside them
  private final TreeMap<Long, Long> closedEpisodes = new TreeMap<>();

  public boolean isOpen() {
    return slot.isOpen();
  }

  /** Judges an hour value against the hourly limit in force (null when none applies). */
  public List<Alert> onHour(Outlet outlet, OutletHour hour, LimitInForce limit) {
    if (limit != null && limit.averaging() != Averaging.HOUR) {
      throw new IllegalArgumentException("an hour is judged against an hourly limit");
    }
    Double value =
        hour.convertedConcentration() == null ? null : hour.convertedConcentration().doubleValue();
    return judge(
        outlet,
        hour.pollutant(),
        hour.hourStart(),
        hour.hourEnd(),
        hour.isMeasured(),
        value,
        limit);
  }

  /** Judges a day value against the daily limit in force (null when none applies). */
  public List<Alert> onDay(Outlet outlet, OutletDay day, LimitInForce limit) {
    if (limit != null && limit.averaging() != Averaging.DAY) {
      throw new IllegalArgumentException("a day is judged against a daily limit");
    }
    Double value =
        day.convertedConcentration() == null ? null : day.convertedConcentration().doubleValue();
    return judge(
        outlet,
        day.pollutant(),
        day.dayStart(),
        day.dayStart().plusSeconds(86_400),
        day.isMeasured(),
        value,
        limit);
  }

  private List<Alert> judge(
      Outlet outlet,
      String pollutant,
      Instant start,
      Instant end,
      boolean valid,
      Double value,
      LimitInForce limit) {
    List<Alert> out = new ArrayList<>();
    if (limit == null || !valid || value == null) {
      return out;
    }
    boolean exceeding = value > limit.limit();
    double multiple = (value - limit.limit()) / limit.limit();
    String detail =
        String.format(
            Locale.ROOT,
            "%s %s %.3f vs %s limit %s %s (%s)",
            limit.averaging().code(),
            pollutant,
            value,
            limit.kind().code(),
            limit.value().toPlainString(),
            limit.unit(),
            limit.source());
    long s = start.toEpochMilli();
    if (s > lastJudged) {
      lastJudged = s;
      if (exceeding) {
        if (!slot.isOpen()) {
          out.add(slot.open(outlet, pollutant, start, end, value, limit, detail));
        } else if (multiple > currentMultiple()) {
          slot.update(end, value, limit, detail).ifPresent(out::add);
        }
      } else if (slot.isOpen()) {
        Instant openedAt = slot.start();
        out.add(slot.close(start, end, null));
        remember(openedAt.toEpochMilli(), s);
      }
      return out;
    }
    if (!exceeding) {
      return out;
    }
    if (slot.isOpen() && s >= slot.start().toEpochMilli()) {
      if (multiple > currentMultiple()) {
        slot.update(end, value, limit, detail).ifPresent(out::add);
      }
      return out;
    }
    Map.Entry<Long, Long> episode = closedEpisodes.floorEntry(s);
    if (episode != null && s < episode.getValue()) {
      return out;
    }
    AlertSlot single = new AlertSlot(AlertKind.EXCEEDANCE);
    out.add(single.open(outlet, pollutant, start, end, value, limit, detail + "; late revision"));
    out.add(single.close(end, end, null));
    remember(s, end.toEpochMilli());
    return out;
  }

  private double currentMultiple() {
    Alert a = slot.current();
    return a.exceedanceMultiple() == null
        ? Double.NEGATIVE_INFINITY
        : a.exceedanceMultiple().doubleValue();
  }

  private void remember(long start, long end) {
    closedEpisodes.put(start, end);
    while (closedEpisodes.size() > EPISODES_KEPT) {
      closedEpisodes.pollFirstEntry();
    }
  }
}
