package org.emission.simulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.emission.domain.registry.Enterprise;
import org.emission.kafka.Topics;

/**
 * Energy and production meters of the region's enterprises (meters.csv), every 15 minutes:
 *
 * <ul>
 *   <li>cumulative registers ({@code form=register}: electricity kWh, natural gas m3, steam t) read
 *       every 15 min: {@code {"schema":1,"meter_id","time","register","unit","serial"}} plus {@code
 *       register_max} when the register has one;
 *   <li>interval meters (coal belt scales) and production, per hour: {@code
 *       {"schema":1,"meter_id","start","end","quantity","unit"}} and {@code
 *       {"schema":1,"enterprise_id","product","start","end","quantity","unit"}}.
 * </ul>
 *
 * Quantities follow the sector's load pattern ({@link LoadCurve}) with a slow drift. Open-pit mines
 * produce only outside the night ban — 20:00–06:00, 20:00–10:00 in the heating season (seeds 000
 * and 001; wuhai-context.md §5) — except during the injected night-mining incident. One register
 * (the largest electricity consumer with a {@code register_max}) starts near its maximum and rolls
 * over; one electricity meter of another enterprise is replaced at 60 % of the range (its serial
 * changes, the new register starts at 0; the new meter's first reading names the old serial and its
 * final register).
 */
final class MeterSimulation {

  static final long STEP = 15 * CstTime.MINUTE;

  private final List<MeterState> meters = new ArrayList<>();
  private final List<Incident> incidents = new ArrayList<>();
  private final Incident nightMining;

  MeterSimulation(SimulatedRegion region, long seed, long from, long to) {
    SplittableRandom plan = Noise.source(seed, "meter-plan");
    Map<String, Enterprise> enterprises = new HashMap<>();
    region.registry().enterprises().forEach(e -> enterprises.put(e.id(), e));
    long span = Math.min(to - from, 7 * CstTime.DAY);
    MeterSpec rollover = null;
    MeterSpec replaced = null;
    for (MeterSpec m : region.meters()) {
      if (m.register()
          && m.kind().equals("electricity")
          && m.registerMax() > 0
          && (rollover == null || m.rate() > rollover.rate())) {
        rollover = m;
      }
    }
    for (MeterSpec m : region.meters()) {
      Enterprise e = enterprises.get(m.enterpriseId());
      if (m != rollover
          && m.register()
          && m.kind().equals("electricity")
          && e != null
          && (replaced == null || e.sector().equals("steel"))) {
        replaced = m;
      }
    }
    for (MeterSpec m : region.meters()) {
      Enterprise e = enterprises.get(m.enterpriseId());
      String sector = e == null ? "" : e.sector();
      SplittableRandom r = Noise.source(seed, "meter/" + m.meterId());
      double start;
      if (m == rollover) {
        start = m.registerMax() - m.rate() * 0.8 * span * 0.4 / CstTime.HOUR;
      } else {
        double max = m.registerMax() > 0 ? m.registerMax() : 10_000_000;
        start = Math.floor(max * (0.05 + 0.4 * r.nextDouble()));
      }
      long replaceAt =
          m == replaced ? Math.floorDiv(from + (long) (span * 0.6), STEP) * STEP : Long.MAX_VALUE;
      meters.add(new MeterState(m, sector, r, start, replaceAt));
    }
    nightMining = nightMining(region, enterprises, plan, from, to);
    if (nightMining != null) {
      incidents.add(nightMining);
    }
  }

  /** The records of the 15 minutes ending at {@code end}, in meters.csv order. */
  List<MeterRecord> step(long end) {
    List<MeterRecord> out = new ArrayList<>();
    long start = end - STEP;
    for (MeterState m : meters) {
      m.advance(start, end, out);
    }
    return out;
  }

  /** Rollover, replacement and night-mining incidents seen so far. */
  List<Incident> incidents() {
    return List.copyOf(incidents);
  }

  private Incident nightMining(
      SimulatedRegion region,
      Map<String, Enterprise> enterprises,
      SplittableRandom plan,
      long from,
      long to) {
    List<String> mines = new ArrayList<>();
    for (Enterprise e : enterprises.values()) {
      if (e.sector().equals("mining")) {
        mines.add(e.id());
      }
    }
    mines.sort(String::compareTo);
    if (mines.isEmpty()) {
      return null;
    }
    List<Long> nights = new ArrayList<>();
    for (long d = CstTime.dayStart(from); d < to; d += CstTime.DAY) {
      long s = d + 22 * CstTime.HOUR;
      if (s >= from + 2 * CstTime.HOUR && s + 4 * CstTime.HOUR <= to - CstTime.HOUR) {
        nights.add(s);
      }
    }
    if (nights.isEmpty()) {
      return null;
    }
    long s = nights.get(plan.nextInt(nights.size()));
    String mine = mines.get(plan.nextInt(mines.size()));
    return new Incident(
        "",
        IncidentKind.NIGHT_MINING,
        "",
        "",
        "",
        s,
        s + (3 + plan.nextInt(2)) * CstTime.HOUR,
        IncidentKind.NIGHT_MINING.detectedBy(),
        mine,
        0);
  }

  /** Whether an open-pit mine may work at {@code t} (the night ban). */
  static boolean miningAllowed(long t) {
    double h = CstTime.hourOfDay(t);
    double open = LoadCurve.heatingSeason(t) ? 10 : 6;
    return h >= open && h < 20;
  }

  private final class MeterState {
    final MeterSpec spec;
    final String sector;
    final SplittableRandom rnd;
    final Noise.Ar1 drift = new Noise.Ar1(0.98, 0.01);
    final long replaceAt;
    double register;
    String serial;
    double hourQuantity;
    boolean rolledOver;

    MeterState(MeterSpec spec, String sector, SplittableRandom rnd, double start, long replaceAt) {
      this.spec = spec;
      this.sector = sector;
      this.rnd = rnd;
      this.register = start;
      this.replaceAt = replaceAt;
      this.serial = serial();
    }

    void advance(long start, long end, List<MeterRecord> out) {
      double q =
          spec.rate() * 0.25 * load(start) * (1 + drift.next(rnd) + 0.02 * Noise.gaussian(rnd));
      q = Math.max(0, q);
      if (spec.register()) {
        register += q;
        if (spec.registerMax() > 0 && register > spec.registerMax()) {
          register -= spec.registerMax() + 0.1;
          if (!rolledOver) {
            rolledOver = true;
            incidents.add(
                new Incident(
                    "",
                    IncidentKind.METER_ROLLOVER,
                    "",
                    "",
                    "",
                    start,
                    end,
                    IncidentKind.METER_ROLLOVER.detectedBy(),
                    spec.meterId(),
                    0));
          }
        }
        if (end - STEP < replaceAt && end >= replaceAt) {
          replace(end, out);
          return;
        }
        out.add(reading(end, ""));
        return;
      }
      hourQuantity += q;
      if (end % CstTime.HOUR != 0) {
        return;
      }
      double hour = hourQuantity;
      hourQuantity = 0;
      if (hour <= 0) {
        return;
      }
      String body =
          "\"start\":\""
              + CstTime.iso(end - CstTime.HOUR)
              + "\",\"end\":\""
              + CstTime.iso(end)
              + "\",\"quantity\":"
              + Decimals.text(hour, 3)
              + ",\"unit\":\""
              + spec.unit()
              + "\"}";
      if (spec.production()) {
        out.add(
            new MeterRecord(
                end,
                Topics.PRODUCTION_OUTPUT,
                spec.enterpriseId(),
                "{\"schema\":1,\"enterprise_id\":\""
                    + spec.enterpriseId()
                    + "\",\"product\":\""
                    + spec.product()
                    + "\","
                    + body));
      } else {
        out.add(
            new MeterRecord(
                end,
                Topics.ENERGY_READINGS,
                spec.meterId(),
                "{\"schema\":1,\"meter_id\":\"" + spec.meterId() + "\"," + body));
      }
    }

    private void replace(long at, List<MeterRecord> out) {
      String old = serial;
      double last = register;
      out.add(reading(at, ""));
      serial = serial();
      register = 0;
      out.add(
          reading(
              at,
              ",\"previous_serial\":\""
                  + old
                  + "\",\"previous_register\":"
                  + Decimals.text(last, 1)));
      incidents.add(
          new Incident(
              "",
              IncidentKind.METER_REPLACEMENT,
              "",
              "",
              "",
              at,
              at + STEP,
              IncidentKind.METER_REPLACEMENT.detectedBy(),
              spec.meterId(),
              0));
    }

    private MeterRecord reading(long t, String extra) {
      String json =
          "{\"schema\":1,\"meter_id\":\""
              + spec.meterId()
              + "\",\"time\":\""
              + CstTime.iso(t)
              + "\",\"register\":"
              + Decimals.text(register, 1)
              + ",\"unit\":\""
              + spec.unit()
              + "\",\"serial\":\""
              + serial
              + "\""
              + (spec.registerMax() > 0
                  ? ",\"register_max\":" + Decimals.text(spec.registerMax(), 1)
                  : "")
              + extra
              + "}";
      return new MeterRecord(t, Topics.ENERGY_READINGS, spec.meterId(), json);
    }

    private String serial() {
      return String.format("%s-%08d", spec.meterId().substring(0, 2), rnd.nextInt(100_000_000));
    }

    private double load(long t) {
      return switch (sector) {
        case "power" -> LoadCurve.at(ProcessKind.LoadShape.POWER, t);
        case "boiler" -> LoadCurve.at(ProcessKind.LoadShape.HEATING, t);
        case "wastewater" -> LoadCurve.at(ProcessKind.LoadShape.SEWAGE, t);
        case "ferroalloy", "carbide" -> LoadCurve.at(ProcessKind.LoadShape.TAPPING, t);
        case "mining" -> mining(t);
        default -> LoadCurve.at(ProcessKind.LoadShape.CONTINUOUS, t);
      };
    }

    private double mining(long t) {
      boolean night =
          nightMining != null
              && nightMining.subject().equals(spec.enterpriseId())
              && nightMining.covers(t);
      boolean working = miningAllowed(t) || night;
      if (spec.production()) {
        return working ? (night ? 0.65 : 0.9) : 0;
      }
      return working ? 0.9 : 0.25;
    }
  }
}
