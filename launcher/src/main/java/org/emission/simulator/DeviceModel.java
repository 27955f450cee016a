package org.emission.simulator;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.emission.domain.registry.Averaging;
import org.emission.domain.registry.LimitInForce;
import org.emission.domain.registry.LimitRule;
import org.emission.domain.registry.Registry;

/**
 * The physical signal of one logger: unit load, O2, flow, stack state and the pollutant levels its
 * analysers read, record by record, with the data flags of HJ 212-2017 Table 8.
 *
 * <ul>
 *   <li>Load follows the sector's clock pattern ({@link LoadCurve}) with a slow drift; planned
 *       stops ramp it down and up.
 *   <li>O2 rises at part load and during start-up; flow follows load and excess air (dry standard
 *       flow ∝ fuel × 21 / (21 − O2)).
 *   <li>Each pollutant sits at a device-specific share (0.38–0.62) of the <em>limit in force</em>
 *       for the hour (daily for wastewater), drifting slowly and higher at high load, and never
 *       above 0.84 of it on a clean device — below the 0.9 early-warning projection. The share is
 *       of the converted concentration; the dry concentration sent is derived with the O2 sent,
 *       {@code C = C' × (21 − O2) / (21 − O2ref)} (HJ 212-2017 App. D.2), so that conversion
 *       recovers the intended level exactly.
 *   <li>Incidents reshape the signal: exceedance and creep raise the share, a flat line freezes a
 *       value, dilution lifts O2 to ambient levels at unchanged converted level (air in the stack
 *       does not change the converted value), a stopped outlet emits during its window, a long
 *       calibration flags C.
 * </ul>
 */
final class DeviceModel {

  private static final double AIR_O2 = 21.0;
  private static final double CLEAN_CAP = 0.84;

  private final DeviceSpec spec;
  private final Registry registry;
  private final SplittableRandom rnd;
  private final Incident incident;
  private final PlannedStop stop;
  private final AnalyserRoutine routine;
  private final List<Channel> channels;
  private final int n;
  private final int o2Index;
  private final Double o2Ref;

  private final double[] baseShare;
  private final Noise.Ar1[] drift;
  private final Noise.Ar1 loadDrift = new Noise.Ar1(0.995, 0.006);
  private final Noise.Ar1 o2Drift = new Noise.Ar1(0.98, 0.04);
  private final Noise.Ar1 flowDrift = new Noise.Ar1(0.99, 0.004);
  private final Noise.Ar1 tempDrift = new Noise.Ar1(0.99, 0.06);
  private final Noise.Ar1 moistureDrift = new Noise.Ar1(0.99, 0.03);
  private final Noise.Ar1 phDrift = new Noise.Ar1(0.99, 0.01);

  private final double[] limits;
  private final double[] fallbackLimits;
  private long limitKey = Long.MIN_VALUE;
  private long operatingDay = Long.MIN_VALUE;
  private boolean registryOperating;
  private long frozen = Long.MIN_VALUE;

  DeviceModel(DeviceSpec spec, Registry registry, long seed, Incident incident, PlannedStop stop) {
    this.spec = spec;
    this.registry = registry;
    this.rnd = Noise.source(seed, "signal/" + spec.mn());
    this.incident = incident;
    this.stop = stop;
    this.channels = spec.channels();
    this.n = channels.size();
    this.routine = new AnalyserRoutine(seed, spec.mn(), incident, spec.recordMinutes() >= 10);
    this.o2Ref = spec.outlet().o2Ref();
    int o2 = -1;
    baseShare = new double[n];
    drift = new Noise.Ar1[n];
    limits = new double[n];
    fallbackLimits = new double[n];
    for (int i = 0; i < n; i++) {
      Channel c = channels.get(i);
      if (c.role() == Channel.Role.O2) {
        o2 = i;
      }
      baseShare[i] = 0.38 + 0.24 * rnd.nextDouble();
      drift[i] = new Noise.Ar1(0.97, 0.012);
      double strictest = Double.MAX_VALUE;
      for (LimitRule r : registry.limitsOf(spec.outlet().id())) {
        if (r.pollutant().equals(c.code())) {
          strictest = Math.min(strictest, r.value().doubleValue());
        }
      }
      fallbackLimits[i] = strictest == Double.MAX_VALUE ? 50 : strictest;
    }
    this.o2Index = o2;
  }

  List<Channel> channels() {
    return channels;
  }

  /** Fills {@code out} with the record {@code [start, start + minutes)}. */
  void record(long start, int minutes, MinuteRecord out) {
    out.start = start;
    out.minutes = minutes;
    java.util.Arrays.fill(out.hasZs, false);
    java.util.Arrays.fill(out.frozen, false);
    double share = runningShare(start);
    if (share <= 0) {
      stopped(out);
      return;
    }
    if (spec.wastewater()) {
      effluent(start, minutes, out);
    } else {
      flueGas(start, minutes, share, out);
    }
  }

  private void flueGas(long t, int minutes, double share, MinuteRecord out) {
    ProcessKind p = spec.process();
    double load = clamp(LoadCurve.at(p.shape(), t) * (1 + loadDrift.next(rnd)), 0.4, 1.04);
    if (share < 1) {
      load = 0.3 + (load - 0.3) * share;
    }
    boolean starting = stop != null && stop.starting(t);
    boolean diluted = active(IncidentKind.DILUTION, t);
    char routineFlag = routine.flagAt(t);
    boolean longCalibration = active(IncidentKind.CALIBRATION_TOO_LONG, t);
    char analyserFlag = longCalibration ? 'C' : routineFlag;
    boolean span = longCalibration || routine.spanPhase(t);

    double o2 = Double.NaN;
    double normalO2 = Double.NaN;
    if (o2Index >= 0) {
      normalO2 =
          p.o2Full()
              + p.o2PartLoadRise() * (1 - load)
              + o2Drift.next(rnd)
              + 0.08 * Noise.gaussian(rnd)
              + (starting ? 2.5 * (1 - share) : 0);
      normalO2 = clamp(normalO2, p.o2Full() - 1.2, p.o2Max());
      o2 = diluted ? clamp(19.6 + 0.22 * Noise.gaussian(rnd), 19.15, 20.4) : normalO2;
      o2 = Decimals.round(o2, 2);
    }
    double flow =
        spec.designFlow()
            * (0.3 + 0.7 * load)
            * (o2Index >= 0 ? (AIR_O2 - p.o2Full()) / (AIR_O2 - Decimals.round(normalO2, 2)) : 1)
            * (1 + flowDrift.next(rnd) + 0.006 * Noise.gaussian(rnd));
    if (diluted) {
      flow *= 1.35;
    }
    for (int i = 0; i < n; i++) {
      Channel c = channels.get(i);
      out.flag[i] = 'N';
      double v =
          switch (c.role()) {
            case O2 -> o2;
            case FLOW -> flow;
            case TEMPERATURE ->
                p.temperature()
                    + p.temperatureRise() * load
                    + tempDrift.next(rnd)
                    + 0.25 * Noise.gaussian(rnd)
                    - (diluted ? 14 : 0);
            case PRESSURE -> p.staticPressure() * (0.6 + 0.4 * load) + 0.008 * Noise.gaussian(rnd);
            case MOISTURE ->
                Math.max(
                    0.5,
                    (p.moisture() + moistureDrift.next(rnd) + 0.06 * Noise.gaussian(rnd))
                        * (diluted ? 0.5 : 1));
            default -> pollutant(i, t, load, starting, o2);
          };
      out.avg[i] = Decimals.units(v, c.scale());
      if (c.pollutant() && isFrozen(i, t)) {
        if (frozen == Long.MIN_VALUE) {
          frozen = out.avg[i];
        }
        out.avg[i] = frozen;
        out.min[i] = frozen;
        out.max[i] = frozen;
        out.frozen[i] = true;
      } else {
        spread(i, v, c.scale(), out);
      }
      out.cou[i] =
          c.role() == Channel.Role.FLOW ? Decimals.units(flow * minutes / 60.0, c.couScale()) : 0;
      boolean analyser = c.pollutant() || c.role() == Channel.Role.O2;
      if (analyser && analyserFlag != 0) {
        out.flag[i] = analyserFlag;
        if (analyserFlag == 'C') {
          double reading = calibrationReading(c, i, span);
          out.avg[i] = out.min[i] = out.max[i] = Decimals.units(reading, c.scale());
        }
      }
    }
    if (o2Ref != null && o2Index >= 0 && out.flag[o2Index] == 'N') {
      double o2Sent = Decimals.value(out.avg[o2Index], 2);
      for (int i = 0; i < n; i++) {
        Channel c = channels.get(i);
        if (c.pollutant() && out.flag[i] == 'N') {
          double dry = Decimals.value(out.avg[i], c.scale());
          out.zs[i] = Decimals.units(dry * (AIR_O2 - o2Ref) / (AIR_O2 - o2Sent), c.scale());
          out.hasZs[i] = true;
        }
      }
    }
  }

  /** The dry concentration of pollutant channel {@code i}. */
  private double pollutant(int i, long t, double load, boolean starting, double o2) {
    Channel c = channels.get(i);
    double limit = limit(i, t);
    double share = baseShare[i] * (0.8 + 0.25 * load) * (1 + drift[i].next(rnd));
    if (starting) {
      share *= 1.1;
    }
    double cap = CLEAN_CAP;
    double white = 0.03;
    double shape = shape(c.code(), t);
    if (shape > 0) {
      share = share * (1 - shape) + incident.level() * shape;
      cap = Math.max(cap, incident.level() * 1.08);
      white = 0.02;
    }
    share = clamp(share * (1 + white * Noise.gaussian(rnd)), 0.02, cap);
    double converted = share * limit;
    if (o2Ref == null || Double.isNaN(o2)) {
      return converted;
    }
    return converted * (AIR_O2 - o2) / (AIR_O2 - o2Ref);
  }

  /** 0..1: how far an exceedance or creep incident on {@code code} has taken the level at t. */
  private double shape(String code, long t) {
    if (incident == null || !code.equals(incident.pollutant()) || !incident.covers(t)) {
      return 0;
    }
    long s = incident.start();
    long e = incident.end();
    if (incident.kind() == IncidentKind.EXCEEDANCE) {
      long ramp = spec.wastewater() ? CstTime.MINUTE : 15 * CstTime.MINUTE;
      return Math.min(
          1, Math.min((t - s + CstTime.MINUTE) / (double) ramp, (e - t) / (double) ramp));
    }
    if (incident.kind() == IncidentKind.CREEP) {
      long up = 6 * CstTime.HOUR;
      long hold = 2 * CstTime.HOUR;
      if (t < s + up) {
        return (t - s) / (double) up;
      }
      if (t < s + up + hold) {
        return 1;
      }
      return Math.max(0, (e - t) / (double) (e - s - up - hold));
    }
    return 0;
  }

  private boolean isFrozen(int i, long t) {
    return incident != null
        && incident.kind() == IncidentKind.FLAT_LINE
        && incident.covers(t)
        && channels.get(i).code().equals(incident.pollutant());
  }

  private boolean active(IncidentKind kind, long t) {
    return incident != null && incident.kind() == kind && incident.covers(t);
  }

  private double calibrationReading(Channel c, int i, boolean span) {
    if (c.role() == Channel.Role.O2) {
      return span ? 20.9 : 0.05 + 0.1 * rnd.nextDouble();
    }
    if (spec.wastewater()) {
      return c.code().equals("w21003")
          ? 2.0 + 0.05 * Noise.gaussian(rnd)
          : 40 + 0.5 * Noise.gaussian(rnd);
    }
    return span
        ? fallbackLimits[i] * (1.5 + 0.02 * Noise.gaussian(rnd))
        : 0.1 + 0.4 * rnd.nextDouble();
  }

  private void spread(int i, double v, int scale, MinuteRecord out) {
    double down = 0.01 + 0.05 * rnd.nextDouble();
    double up = 0.01 + 0.05 * rnd.nextDouble();
    long lo = Decimals.units(v - Math.abs(v) * down, scale);
    long hi = Decimals.units(v + Math.abs(v) * up, scale);
    out.min[i] = Math.min(lo, out.avg[i]);
    out.max[i] = Math.max(hi, out.avg[i]);
  }

  private void effluent(long t, int minutes, MinuteRecord out) {
    double diurnal = LoadCurve.at(ProcessKind.LoadShape.SEWAGE, t + minutes * CstTime.MINUTE / 2);
    double flow =
        Math.max(
            0.2 * spec.designFlow(),
            spec.designFlow() * diurnal * (1 + flowDrift.next(rnd) + 0.015 * Noise.gaussian(rnd)));
    char flag = routine.flagAt(t);
    int flowIndex = -1;
    for (int i = 0; i < n; i++) {
      if (channels.get(i).role() == Channel.Role.WATER_FLOW) {
        flowIndex = i;
      }
    }
    long volume = Decimals.units(flow * minutes * 60 / 1000.0, 2);
    for (int i = 0; i < n; i++) {
      Channel c = channels.get(i);
      out.flag[i] = 'N';
      out.cou[i] = 0;
      double v;
      if (c.role() == Channel.Role.WATER_FLOW) {
        v = flow;
        out.cou[i] = volume;
      } else if (c.role() == Channel.Role.PH) {
        v = 7.2 + phDrift.next(rnd) + 0.04 * Noise.gaussian(rnd);
      } else {
        double share = baseShare[i] * (0.85 + 0.2 * diurnal) * (1 + drift[i].next(rnd));
        double cap = CLEAN_CAP;
        double s = shape(c.code(), t);
        if (s > 0) {
          share = incident.level();
          cap = incident.level() * 1.1;
        }
        share = clamp(share * (1 + 0.04 * Noise.gaussian(rnd)), 0.05, cap);
        v = share * limit(i, t);
      }
      out.avg[i] = Decimals.units(v, c.scale());
      spread(i, v, c.scale(), out);
      if (c.pollutant()) {
        if (flag != 0) {
          out.flag[i] = flag;
          if (flag == 'C') {
            out.avg[i] =
                out.min[i] = out.max[i] = Decimals.units(calibrationReading(c, i, true), c.scale());
          }
        }
        double mass = Decimals.value(volume, 2) * Decimals.value(out.avg[i], c.scale()) / 1000.0;
        out.cou[i] = Decimals.units(mass, c.couScale());
      }
    }
    if (flowIndex < 0) {
      throw new IllegalStateException("wastewater outlet without flow channel");
    }
  }

  /** Flag F (停运) on every channel: the unit is not running. */
  private void stopped(MinuteRecord out) {
    for (int i = 0; i < n; i++) {
      Channel c = channels.get(i);
      double v =
          switch (c.role()) {
            case O2 -> 20.6 + 0.1 * Noise.gaussian(rnd);
            case FLOW, WATER_FLOW -> 0;
            case TEMPERATURE -> 24 + 0.4 * Noise.gaussian(rnd);
            case PRESSURE -> 0.004 * Noise.gaussian(rnd);
            case MOISTURE -> 1.5 + 0.1 * Noise.gaussian(rnd);
            case PH -> 7.2;
            case POLLUTANT -> 0.2 + 0.3 * rnd.nextDouble();
          };
      out.avg[i] = out.min[i] = out.max[i] = Decimals.units(v, c.scale());
      out.cou[i] = 0;
      out.flag[i] = 'F';
    }
  }

  private double runningShare(long t) {
    long day = CstTime.dayStart(t);
    if (day != operatingDay) {
      operatingDay = day;
      registryOperating = spec.outlet().operatingAt(Instant.ofEpochMilli(t));
    }
    if (!registryOperating) {
      return active(IncidentKind.STOPPED_EMITTING, t) ? 1 : 0;
    }
    return stop == null ? 1 : stop.runningShare(t);
  }

  /** The limit in force for channel {@code i} at {@code t}: hourly, or daily for wastewater. */
  private double limit(int i, long t) {
    boolean daily = spec.wastewater();
    long key = daily ? CstTime.dayStart(t) : CstTime.hourStart(t);
    if (key != limitKey) {
      limitKey = key;
      for (int j = 0; j < n; j++) {
        Channel c = channels.get(j);
        if (c.pollutant()) {
          LimitInForce l =
              registry.limitFor(
                  spec.outlet().id(),
                  c.code(),
                  daily ? Averaging.DAY : Averaging.HOUR,
                  Instant.ofEpochMilli(key));
          limits[j] = l == null ? fallbackLimits[j] : l.limit();
        }
      }
    }
    return limits[i];
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
