package org.emission.simulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.emission.domain.registry.Outlet;

/**
 * When and how each incident happens, drawn from the seed: one incident per device whose {@code
 * scenario} is set in devices.csv, plus an unregistered logger, plus planned stops of a few clean
 * units (not incidents). Windows keep two hours from both ends of the range; an incident whose
 * window does not fit the range is left out (use two days or more for the full set).
 *
 * <p>Shapes are chosen so that the job's rules (AlertThresholds defaults) see them: exceedance
 * 2.5–3.5 h at 1.45–1.85 × the limit in force; creep 6 h up to 0.95 × (early warning only) or 1.12
 * × (then exceedance), held 2 h; a flat line of 5–6 h (rule: 4 h); dilution 100–150 min (rule: 60
 * min); a calibration of 100–110 min (rule: 90) across midnight, so that neither day's transmission
 * rate drops below 95 %; 3 hours of logger hourly values at 0.55 × the minutes.
 */
final class IncidentPlan {

  private static final long MARGIN = 2 * CstTime.HOUR;

  private final List<Incident> incidents;
  private final Map<String, Incident> byMn;
  private final Map<String, PlannedStop> stops;
  private final DeviceSpec unregistered;

  private IncidentPlan(
      List<Incident> incidents, Map<String, PlannedStop> stops, DeviceSpec unregistered) {
    this.incidents = incidents;
    this.stops = stops;
    this.unregistered = unregistered;
    this.byMn = new HashMap<>();
    incidents.forEach(i -> byMn.put(i.mn(), i));
  }

  /**
   * The plan for a run over {@code [from, to)}.
   *
   * @param speed simulated per real time (1 for file mode, whose replay ticks on the file's clock):
   *     an offline logger is expected to raise DEVICE_OFFLINE, judged on the processing-time clock
   *     after 30 minutes, only when its offline window lasts that long in real time
   */
  static IncidentPlan schedule(
      SimulatedRegion region, long from, long to, long seed, double speed) {
    SplittableRandom rng = Noise.source(seed, "incident-plan");
    Scheduler s = new Scheduler(rng, from, to);
    List<Incident> list = new ArrayList<>();
    for (DeviceSpec d : region.devices()) {
      if (d.scenario() != null) {
        Incident i = s.place(d, speed);
        if (i != null) {
          list.add(i);
        }
      }
    }
    DeviceSpec unregistered = unregistered(region, rng);
    if (unregistered != null) {
      long[] w = s.window(120 * CstTime.MINUTE, false);
      if (w != null) {
        list.add(
            new Incident(
                "",
                IncidentKind.UNKNOWN_DEVICE,
                "",
                unregistered.mn(),
                "",
                w[0],
                w[1],
                IncidentKind.UNKNOWN_DEVICE.detectedBy(),
                "",
                0));
      } else {
        unregistered = null;
      }
    }
    Map<String, PlannedStop> stops = new HashMap<>();
    if (to - from >= CstTime.DAY) {
      List<DeviceSpec> candidates = new ArrayList<>();
      for (DeviceSpec d : region.devices()) {
        if (d.clean()
            && d.process().stoppable()
            && d.outlet().operatingAt(java.time.Instant.ofEpochMilli(from))) {
          candidates.add(d);
        }
      }
      for (int n = 0; n < 3 && !candidates.isEmpty(); n++) {
        DeviceSpec d = candidates.remove(rng.nextInt(candidates.size()));
        long stop = (300 + rng.nextInt(181)) * CstTime.MINUTE;
        long total = PlannedStop.SHUTDOWN_RAMP + stop + PlannedStop.STARTUP_RAMP;
        long[] w = s.window(total, false);
        if (w != null) {
          long a = w[0];
          stops.put(
              d.mn(),
              new PlannedStop(
                  a,
                  a + PlannedStop.SHUTDOWN_RAMP,
                  a + PlannedStop.SHUTDOWN_RAMP + stop,
                  a + total));
        }
      }
    }
    list.sort(Comparator.comparingLong(Incident::start).thenComparing(Incident::mn));
    List<Incident> numbered = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      numbered.add(list.get(i).withId(String.format("INC-%03d", i + 1)));
    }
    return new IncidentPlan(List.copyOf(numbered), stops, unregistered);
  }

  List<Incident> incidents() {
    return incidents;
  }

  /** The device's incident, or null. */
  Incident forDevice(String mn) {
    return byMn.get(mn);
  }

  /** The device's planned stop, or null. */
  PlannedStop stopOf(String mn) {
    return stops.get(mn);
  }

  /** A logger that is not in devices.csv, sending during its incident window; or null. */
  DeviceSpec unregistered() {
    return unregistered;
  }

  /** The MNs that carry an incident (the other devices of devices.csv are clean). */
  java.util.Set<String> incidentMns() {
    return java.util.Set.copyOf(byMn.keySet());
  }

  /**
   * A copy of a clean flue-gas logger under an MN and password that devices.csv does not know: the
   * logger of a new outlet not yet registered with the bureau.
   */
  private static DeviceSpec unregistered(SimulatedRegion region, SplittableRandom rng) {
    List<DeviceSpec> templates = new ArrayList<>();
    for (DeviceSpec d : region.devices()) {
      if (d.clean() && d.primary() && !d.wastewater() && d.outlet().hasReferenceO2()) {
        templates.add(d);
      }
    }
    if (templates.isEmpty()) {
      return null;
    }
    DeviceSpec t = templates.get(rng.nextInt(templates.size()));
    java.util.Set<String> known = new java.util.HashSet<>();
    region.devices().forEach(d -> known.add(d.mn()));
    String mn;
    do {
      mn = String.format("88150FFF%016X", rng.nextLong());
    } while (known.contains(mn));
    String pw = String.format("%06d", rng.nextInt(1_000_000));
    return t.impostor(mn, pw, region.devices().size());
  }

  /** Draws windows inside the range. */
  private static final class Scheduler {
    private final SplittableRandom rng;
    private final long from;
    private final long to;

    Scheduler(SplittableRandom rng, long from, long to) {
      this.rng = rng;
      this.from = from;
      this.to = to;
    }

    /** {@code [start, end)} of the given length, or null when it does not fit. */
    long[] window(long length, boolean hourAligned) {
      long earliest = from + MARGIN;
      long latest = to - MARGIN - length;
      if (hourAligned) {
        earliest = ceil(earliest, CstTime.HOUR);
        latest = Math.floorDiv(latest, CstTime.HOUR) * CstTime.HOUR;
      }
      if (latest < earliest) {
        return null;
      }
      long step = hourAligned ? CstTime.HOUR : CstTime.MINUTE;
      long start = earliest + rng.nextLong((latest - earliest) / step + 1) * step;
      return new long[] {start, start + length};
    }

    Incident place(DeviceSpec d, double speed) {
      IncidentKind kind = d.scenario();
      Outlet o = d.outlet();
      String pollutant = "";
      double level = 0;
      String detected = kind.detectedBy();
      long[] w;
      switch (kind) {
        case EXCEEDANCE -> {
          pollutant = pickPollutant(d);
          if (d.wastewater()) {
            w = wholeDay();
            level = 1.35 + 0.25 * rng.nextDouble();
            detected = "EXCEEDANCE";
          } else {
            w = window((150 + rng.nextInt(61)) * CstTime.MINUTE, false);
            level = 1.45 + 0.4 * rng.nextDouble();
          }
        }
        case CREEP -> {
          pollutant = pickPollutant(d);
          w = window(9 * CstTime.HOUR, false);
          boolean exceeds = rng.nextBoolean();
          level = exceeds ? 1.12 : 0.95;
          detected = exceeds ? "EARLY_WARNING;EXCEEDANCE" : "EARLY_WARNING";
        }
        case OFFLINE_BACKFILL -> {
          w = window((150 + rng.nextInt(61)) * CstTime.MINUTE, false);
          if (w != null) {
            long seconds = rng.nextInt(60) * CstTime.SECOND;
            w = new long[] {w[0] + seconds, w[1] + seconds};
          }
          boolean visible = w != null && (w[1] - w[0]) / speed >= 30 * CstTime.MINUTE;
          detected = visible ? "DATA_GAP;DEVICE_OFFLINE" : "DATA_GAP";
        }
        case FLAT_LINE -> {
          pollutant = pickPollutant(d);
          w = window((300 + rng.nextInt(61)) * CstTime.MINUTE, false);
        }
        case DILUTION -> {
          pollutant = "a19001";
          w = o.hasReferenceO2() ? window((100 + rng.nextInt(51)) * CstTime.MINUTE, false) : null;
        }
        case STOPPED_EMITTING -> {
          long since = CstTime.millis(o.statusSince().atStartOfDay());
          w = window((240 + rng.nextInt(121)) * CstTime.MINUTE, false);
          if (w != null && w[0] < since) {
            w = null;
          }
        }
        case CALIBRATION_TOO_LONG -> {
          w = acrossMidnight((100 + rng.nextInt(11)) * CstTime.MINUTE);
          if (w == null) {
            w = window((100 + rng.nextInt(11)) * CstTime.MINUTE, false);
            detected = "CALIBRATION_TOO_LONG;LOW_TRANSMISSION_RATE";
          }
        }
        case HOUR_MISMATCH -> {
          pollutant = pickPollutant(d);
          w = window(3 * CstTime.HOUR, true);
          level = 0.55;
        }
        default -> w = window(60 * CstTime.MINUTE, false);
      }
      if (w == null) {
        return null;
      }
      return new Incident("", kind, o.id(), d.mn(), pollutant, w[0], w[1], detected, "", level);
    }

    private String pickPollutant(DeviceSpec d) {
      List<String> codes = new ArrayList<>();
      for (Channel c : d.channels()) {
        if (c.pollutant()) {
          codes.add(c.code());
        }
      }
      return codes.get(rng.nextInt(codes.size()));
    }

    /** A whole CST day inside the range, with an hour of data after it (so that it closes). */
    private long[] wholeDay() {
      List<Long> days = new ArrayList<>();
      for (long d = ceil(from, CstTime.DAY, true);
          d + CstTime.DAY + CstTime.HOUR <= to;
          d += CstTime.DAY) {
        days.add(d);
      }
      if (days.isEmpty()) {
        return null;
      }
      long d = days.get(rng.nextInt(days.size()));
      return new long[] {d, d + CstTime.DAY};
    }

    /** A window of the given length that contains a CST midnight well inside the range. */
    private long[] acrossMidnight(long length) {
      List<Long> midnights = new ArrayList<>();
      for (long m = ceil(from + 1, CstTime.DAY, true); m < to; m += CstTime.DAY) {
        if (m - length / 2 >= from + MARGIN && m + length / 2 <= to - MARGIN) {
          midnights.add(m);
        }
      }
      if (midnights.isEmpty()) {
        return null;
      }
      long m = midnights.get(rng.nextInt(midnights.size()));
      long before = length / 2 + (rng.nextInt(9) - 4) * CstTime.MINUTE;
      return new long[] {m - before, m - before + length};
    }

    private static long ceil(long t, long unit) {
      return Math.floorDiv(t + unit - 1, unit) * unit;
    }

    /** The first CST day start at or after {@code t}. */
    private static long ceil(long t, long unit, boolean cst) {
      long d = CstTime.dayStart(t);
      return d < t ? d + unit : d;
    }
  }
}
