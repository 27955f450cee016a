package org.emission.domain.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.emission.domain.Cst;
import org.emission.domain.alert.AlertThresholds;
import org.emission.domain.pipeline.DeviceOutputs;
import org.emission.domain.pipeline.DevicePipeline;
import org.emission.domain.pipeline.DeviceState;
import org.emission.domain.pipeline.PipelineSettings;
import org.emission.domain.registry.Averaging;
import org.emission.domain.registry.Enterprise;
import org.emission.domain.registry.FlowUnit;
import org.emission.domain.registry.LimitKind;
import org.emission.domain.registry.LimitRule;
import org.emission.domain.registry.Outlet;
import org.emission.domain.registry.OutletKind;
import org.emission.domain.registry.OutletStatus;
import org.emission.domain.registry.Registry;
import org.emission.records.CemsSample;

/**
 * A long, deterministic, deliberately untidy input for {@link DevicePipeline}: several days of
 * seven loggers (1-minute and 10-minute flue gas with and without reference O2, a stopped outlet
 * that emits, wastewater, a real-time-only logger with NO/NO2, a logger across a year and quarter
 * boundary with its own 2061/2031 values) with calibration, maintenance, faults, stops, over-range
 * values, dilution, zero flow, flat lines, gaps, backfill within and beyond the retention, late
 * corrections, duplicates, swapped minutes, unparsable and odd numbers, unknown devices and
 * commands, processing-time ticks, a state checkpoint (Java serialization) and the end of input.
 * Its outputs are compared by {@link OutputDigest}.
 */
public final class MixedScenario {

  private MixedScenario() {}

  /** What a step does. */
  public enum Kind {
    SAMPLE,
    TICK,
    END,
    CHECKPOINT
  }

  /** One call, at processing time {@code at}; ties keep generation order ({@code seq}). */
  public record Step(long at, long seq, Kind kind, String mn, CemsSample sample) {}

  static final String A = "MN-A-1MIN-O2REF";
  static final String B = "MN-B-10MIN-NOREF";
  static final String C = "MN-C-STOPPED";
  static final String D = "MN-D-WASTEWATER";
  static final String E = "MN-E-REALTIME";
  static final String F = "MN-F-NEWYEAR";
  static final String G = "MN-G-5MIN";
  static final String H = "MN-H-LOGGER-ONLY";

  public static AlertThresholds thresholds() {
    return AlertThresholds.builder()
        .analyserRanges(Map.of("a21026", 500.0))
        .maintenanceMaxMinutes(60)
        .silentHours(3)
        .build();
  }

  public static DevicePipeline pipeline() {
    return new DevicePipeline(registry(), thresholds(), PipelineSettings.defaults());
  }

  public static Registry registry() {
    List<Enterprise> enterprises =
        List.of(
            new Enterprise("E-1", "Power (fictional)", "Wuhai", "Haibowan", "", "power"),
            new Enterprise("E-2", "Chemicals (fictional)", "Wuhai", "Wuda", "park", "chem"));
    List<Outlet> outlets =
        List.of(
            outlet("O-A", "E-1", OutletKind.FLUE_GAS, A, 6.0, OutletStatus.OPERATING, 1),
            outlet("O-B", "E-1", OutletKind.FLUE_GAS, B, null, OutletStatus.OPERATING, 10),
            outlet("O-C", "E-1", OutletKind.FLUE_GAS, C, 9.0, OutletStatus.STOPPED, 1),
            outlet("O-D", "E-2", OutletKind.WASTEWATER, D, null, OutletStatus.OPERATING, 10),
            outlet("O-E", "E-1", OutletKind.FLUE_GAS, E, 6.0, OutletStatus.OPERATING, 1),
            outlet("O-F", "E-1", OutletKind.FLUE_GAS, F, 6.0, OutletStatus.OPERATING, 1),
            outlet("O-G", "E-2", OutletKind.FLUE_GAS, G, 9.0, OutletStatus.OPERATING, 5),
            outlet("O-H", "E-1", OutletKind.FLUE_GAS, H, 6.0, OutletStatus.OPERATING, 1));
    List<LimitRule> limits =
        List.of(
            limit(
                2,
                "O-A",
                "a21026",
                LimitKind.PERMIT,
                "35",
                Averaging.HOUR,
                "2020-01-01",
                "2024-03-01"),
            limit(3, "O-A", "a21026", LimitKind.PERMIT, "30", Averaging.HOUR, "2024-03-01", null),
            limit(
                4,
                "sector:power",
                "a21026",
                LimitKind.SPECIAL,
                "50",
                Averaging.HOUR,
                "2015-01-01",
                null),
            limit(
                5,
                "sector:power",
                "a21026",
                LimitKind.STANDARD,
                "30",
                Averaging.DAY,
                "2015-01-01",
                null),
            limit(
                6,
                "sector:power",
                "a21002",
                LimitKind.ULTRA_LOW,
                "100",
                Averaging.HOUR,
                "2015-01-01",
                null),
            limit(
                7,
                "sector:power",
                "a34013",
                LimitKind.ULTRA_LOW,
                "10",
                Averaging.HOUR,
                "2015-01-01",
                null),
            limit(
                8,
                "sector:chem",
                "w01018",
                LimitKind.STANDARD,
                "60",
                Averaging.HOUR,
                "2015-01-01",
                null),
            limit(
                9,
                "sector:chem",
                "a21026",
                LimitKind.STANDARD,
                "40",
                Averaging.HOUR,
                "2015-01-01",
                null));
    return Registry.of(enterprises, outlets, limits);
  }

  private static Outlet outlet(
      String id,
      String enterprise,
      OutletKind kind,
      String mn,
      Double o2Ref,
      OutletStatus status,
      int interval) {
    return new Outlet(
        id,
        enterprise,
        "outlet " + id,
        kind,
        mn,
        "boiler",
        o2Ref,
        status,
        LocalDate.of(2024, 2, 28),
        kind == OutletKind.WASTEWATER
            ? FlowUnit.LITRES_PER_SECOND
            : mn.equals(B) ? FlowUnit.M3_PER_SECOND : FlowUnit.M3_PER_HOUR,
        interval);
  }

  private static LimitRule limit(
      int line,
      String target,
      String pollutant,
      LimitKind kind,
      String value,
      Averaging averaging,
      String from,
      String to) {
    boolean sector = target.startsWith(LimitRule.SECTOR_PREFIX);
    return new LimitRule(
        target,
        sector ? null : target,
        sector ? target.substring(LimitRule.SECTOR_PREFIX.length()) : null,
        pollutant,
        kind,
        new BigDecimal(value),
        pollutant.startsWith("w") ? "mg/L" : "mg/m3",
        averaging,
        LocalDate.parse(from),
        to == null ? null : LocalDate.parse(to),
        "source of line " + line,
        line);
  }

  /** Runs the scenario through {@code pipeline} and digests every output. */
  public static OutputDigest run(DevicePipeline pipeline) {
    return run(pipeline, new OutputDigest());
  }

  /** Runs the scenario into the given digest. */
  public static OutputDigest run(DevicePipeline pipeline, OutputDigest digest) {
    Map<String, DeviceState> states = new TreeMap<>();
    for (Step s : steps()) {
      switch (s.kind()) {
        case SAMPLE -> {
          DeviceState state = states.computeIfAbsent(s.sample().mn(), k -> pipeline.newState());
          digest.add("S" + s.seq(), pipeline.onSample(state, s.sample()));
        }
        case TICK -> {
          DeviceState state = states.get(s.mn());
          if (state != null) {
            digest.add("T" + s.seq(), pipeline.onTick(state, s.mn(), Instant.ofEpochMilli(s.at())));
          }
        }
        case END -> {
          DeviceState state = states.computeIfAbsent(s.mn(), k -> pipeline.newState());
          DeviceOutputs out = pipeline.onEndOfInput(state, s.mn());
          digest.add("E" + s.seq(), out);
        }
        case CHECKPOINT -> states.replaceAll((mn, state) -> roundTrip(state));
      }
    }
    states.forEach(
        (mn, state) ->
            digest.update(mn + " dropped " + state.droppedLate() + " held " + state.hourStates()));
    return digest;
  }

  private static DeviceState roundTrip(DeviceState state) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(state);
      }
      try (ObjectInputStream in =
          new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
        return (DeviceState) in.readObject();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The steps in processing-time order. */
  public static List<Step> steps() {
    Builder b = new Builder();
    LocalDateTime start = LocalDateTime.of(2024, 2, 27, 0, 0);
    flueGas(b, A, start, 4 * 1440, 1, new Random(11), true);
    flueGas(b, B, start, 4 * 1440, 10, new Random(12), false);
    flueGas(b, C, start.plusHours(20), 2 * 1440, 1, new Random(13), false);
    flueGas(b, G, start.plusHours(3), 2 * 1440, 5, new Random(17), false);
    wastewater(b, D, start, 3 * 1440, new Random(14));
    realtime(b, E, start.plusHours(6), 1440, new Random(15));
    flueGas(b, F, LocalDateTime.of(2024, 12, 30, 20, 0), 3 * 1440, 1, new Random(16), true);
    // things that are no device's data
    b.sample(
        time(start.plusHours(1)), packet("NOT-IN-REGISTRY", "2051", start.plusHours(1), Map.of()));
    b.sampleWithoutReceiveTime(
        time(start.plusHours(2)),
        packet(A, "9014", start.plusHours(2), Map.of("a21026", Map.of("Avg", "1"))));
    b.sample(
        time(start.plusHours(2).plusMinutes(3)),
        packet(A, "2011", start.plusHours(2), Map.of("a21026", Map.of("Rtd", "1"))));
    // packets without any pollutant, and a pollutant that appears late (CO on day 2)
    b.sample(
        time(start.plusHours(30)) + 7_000,
        packet(A, "2051", start.plusHours(30).plusSeconds(30), Map.of()));
    b.sample(time(start.plusHours(31)) + 7_000, packet(A, "2061", start.plusHours(29), Map.of()));
    for (int m = 0; m < 90; m++) {
      LocalDateTime t = start.plusDays(2).plusHours(5).plusMinutes(m);
      b.sample(
          time(t) + 9_000,
          packet(G, "2051", t, Map.of("a21005", Map.of("Avg", fmt(20 + m % 7), "Flag", "N"))));
    }
    // a logger that only ever sends its own hour and day values
    for (int h = 0; h < 60; h++) {
      LocalDateTime hour = start.plusHours(h);
      b.sample(
          time(hour.plusHours(1)) + 30_000,
          packet(H, "2061", hour, Map.of("a21026", Map.of("Avg", fmt(25 + h % 9), "Flag", "N"))));
      if (h % 24 == 23) {
        b.sample(
            time(hour.plusHours(1)) + 60_000,
            packet(
                H,
                "2031",
                hour.toLocalDate().atStartOfDay(),
                Map.of("a21026", Map.of("Avg", "27.5", "Cou", "600", "Flag", "N"))));
      }
    }
    b.ticks(H, time(start), time(start.plusHours(66)));
    b.checkpoint(time(LocalDateTime.of(2024, 2, 29, 12, 0, 30)));
    b.checkpoint(time(LocalDateTime.of(2025, 1, 1, 0, 0, 30)));
    long last = b.steps.stream().mapToLong(Step::at).max().orElseThrow();
    for (String mn : List.of(A, B, C, D, E, F, G, H, "NOT-IN-REGISTRY")) {
      b.add(last + Cst.HOUR_MS, Kind.END, mn, null);
    }
    List<Step> steps = new ArrayList<>(b.steps);
    steps.sort(Comparator.comparingLong(Step::at).thenComparingLong(Step::seq));
    return steps;
  }

  /** Collects steps with a generation sequence. */
  private static final class Builder {
    final List<Step> steps = new ArrayList<>();

    void add(long at, Kind kind, String mn, CemsSample sample) {
      steps.add(new Step(at, steps.size(), kind, mn, sample));
    }

    /** A packet received at {@code at}. */
    void sample(long at, CemsSample sample) {
      add(at, Kind.SAMPLE, sample.mn(), received(sample, Instant.ofEpochMilli(at)));
    }

    /** A packet without a receive time. */
    void sampleWithoutReceiveTime(long at, CemsSample sample) {
      add(at, Kind.SAMPLE, sample.mn(), received(sample, null));
    }

    private static CemsSample received(CemsSample s, Instant at) {
      return new CemsSample(
          s.schema(),
          s.mn(),
          s.st(),
          s.cn(),
          s.qn(),
          s.protocol(),
          s.dataTime(),
          at,
          s.backfill(),
          s.pollutants(),
          s.extra());
    }

    void checkpoint(long at) {
      add(at, Kind.CHECKPOINT, null, null);
    }

    /** Ticks every 5 minutes of processing time over {@code [from, to)}. */
    void ticks(String mn, long from, long to) {
      long first = (Math.floorDiv(from, 5 * Cst.MINUTE_MS) + 1) * 5 * Cst.MINUTE_MS;
      for (long t = first; t < to; t += 5 * Cst.MINUTE_MS) {
        add(t, Kind.TICK, mn, null);
      }
    }
  }

  /**
   * A flue-gas logger sending 2051 records every {@code interval} minutes for {@code minutes}
   * minutes from {@code start}, with incidents at fixed offsets.
   */
  private static void flueGas(
      Builder b,
      String mn,
      LocalDateTime start,
      int minutes,
      int interval,
      Random rng,
      boolean loggerAggregates) {
    boolean m3s = mn.equals(B);
    for (int i = 0; i < minutes; i += interval) {
      LocalDateTime t = start.plusMinutes(i);
      int day = i / 1440;
      int minuteOfDay = t.getHour() * 60 + t.getMinute();
      // gaps: 7 minutes, 3 hours (part backfilled 5 h later), 40 minutes on day 3 backfilled
      // after 3 days (beyond the 48 h retention: dropped)
      boolean gap7 = i >= 300 && i < 307;
      boolean gap3h = i >= 900 && i < 1080;
      boolean gapLate = i >= 3000 && i < 3040;
      Map<String, Map<String, String>> p = flueGasValues(i, day, minuteOfDay, interval, m3s, rng);
      long received = time(t) + 5_000;
      if (gap7) {
        b.sample(received + Cst.DAY_MS, packet(mn, "2051", t, p, true));
        continue;
      }
      if (gap3h) {
        if (i < 960) {
          b.sample(received + 5 * Cst.HOUR_MS, packet(mn, "2051", t, p, true));
        }
        continue;
      }
      if (gapLate) {
        b.sample(received + 3 * Cst.DAY_MS, packet(mn, "2051", t, p, true));
        continue;
      }
      // swapped pairs: every 50th record arrives after the next one
      long at = i % (50 * interval) == 0 ? received + interval * Cst.MINUTE_MS + 1 : received;
      b.sample(at, packet(mn, "2051", t, p));
      if (i % (97 * interval) == 0) {
        // a duplicate right away
        b.sample(at + 1_000, packet(mn, "2051", t, p));
      }
      if (i % 1234 == 17) {
        // a corrected re-send two hours later (the hour is closed by then: version 2)
        Map<String, Map<String, String>> corrected = new LinkedHashMap<>(p);
        corrected.put("a21026", Map.of("Avg", "77.70", "Flag", "N"));
        b.sample(at + 2 * Cst.HOUR_MS, packet(mn, "2051", t, corrected, true));
      }
      if (i % 2345 == 100) {
        // a duplicate of a closed hour's minute much later: nothing changes
        b.sample(at + 6 * Cst.HOUR_MS, packet(mn, "2051", t, p, true));
      }
      if (loggerAggregates && minuteOfDay % 60 == 59) {
        LocalDateTime hour = t.withMinute(0);
        double avg = 30 + rng.nextGaussian() * (t.getHour() % 5 == 0 ? 8 : 0.3);
        b.sample(
            received + 2 * Cst.MINUTE_MS,
            packet(
                mn,
                "2061",
                hour,
                Map.of(
                    "a21026",
                    Map.of(
                        "Avg",
                        fmt(avg),
                        "ZsAvg",
                        fmt(avg * 1.1),
                        "Cou",
                        fmt(avg * 0.9),
                        "Flag",
                        "N"),
                    "a21002",
                    Map.of("Avg", fmt(80 + rng.nextGaussian()), "Flag", "N"))));
        if (t.getHour() == 23) {
          b.sample(
              received + 3 * Cst.MINUTE_MS,
              packet(
                  mn,
                  "2031",
                  t.toLocalDate().atStartOfDay(),
                  Map.of("a21026", Map.of("Avg", fmt(avg), "Cou", fmt(avg * 21), "Flag", "N"))));
        }
      }
    }
    b.ticks(mn, time(start), time(start.plusMinutes(minutes)) + 6 * Cst.HOUR_MS);
  }

  private static Map<String, Map<String, String>> flueGasValues(
      int i, int day, int minuteOfDay, int interval, boolean m3s, Random rng) {
    int hour = minuteOfDay / 60;
    double noise = rng.nextGaussian();
    double so2 = 30 + 10 * Math.sin(i / 50.0) + noise * 3;
    if ((i / 60) % 7 == 3) {
      so2 = 62 + noise * 4;
    }
    double nox = 80 + rng.nextGaussian() * 6;
    if ((i / 60) % 11 == 5) {
      nox = 130 + rng.nextGaussian() * 6;
    }
    double pm = 5 + rng.nextGaussian() * 0.5;
    double o2 = 8 + rng.nextGaussian() * 0.4;
    double flow = 1_000_000 + rng.nextGaussian() * 5000;
    double temp = 120 + rng.nextGaussian();
    String so2Flag = "N";
    String noxFlag = "N";
    String pmFlag = "N";
    String allFlag = null;
    String so2Text = null;
    boolean dropFlag = false;
    boolean rtdOnly = false;
    if (i >= 600 && i < 900) {
      pm = 4.2; // flat line for 5 hours
    }
    if (i >= 1500 && i < 1580) {
      o2 = 19.5 + (i % 3) * 0.1; // dilution
    }
    if (i >= 1700 && i < 1720) {
      o2 = 20.95; // no converted value
    }
    if (i >= 2000 && i < 2020) {
      flow = 0; // zero flow with pollutant
    }
    if (minuteOfDay % 360 >= 120 && minuteOfDay % 360 < 132) {
      so2Flag = "C"; // four calibrations a day
      noxFlag = "C";
    }
    if (day == 1 && minuteOfDay >= 180 && minuteOfDay < 280) {
      so2Flag = "C"; // a 100-minute calibration
    }
    if (day == 2 && hour >= 10 && hour < 12) {
      allFlag = "M";
    }
    if (day == 0 && minuteOfDay >= 960 && minuteOfDay < 980) {
      so2Flag = "D";
    }
    if (day == 0 && minuteOfDay >= 1000 && minuteOfDay < 1015) {
      pmFlag = "B";
    }
    if (day == 1 && hour >= 20 && minuteOfDay < 23 * 60 + 30) {
      allFlag = "F"; // stop period
    }
    if (interval == 10 && day == 2 && hour < 2) {
      allFlag = "F";
    }
    if (day == 0 && minuteOfDay >= 300 && minuteOfDay < 305) {
      so2 = 600;
      so2Flag = "T";
    }
    if (day == 0 && minuteOfDay == 310) {
      so2 = 520; // above the configured analyser range
    }
    switch (i % 997) {
      case 5 -> so2Text = "abc";
      case 6 -> so2Text = "-0";
      case 7 -> so2Text = "-1.5";
      case 8 -> so2Text = "1E1";
      case 9 -> so2Text = "12.345678901";
      case 10 -> dropFlag = true;
      case 11 -> so2Flag = "X";
      case 12 -> rtdOnly = true;
      case 13 -> so2Text = "";
      case 14 -> so2Text = "0.0005";
      case 15 -> so2Text = "29.9995";
      default -> {}
    }
    Map<String, Map<String, String>> p = new LinkedHashMap<>();
    String so2Value = so2Text != null ? so2Text : fmt(so2);
    Map<String, String> so2Fields = new LinkedHashMap<>();
    so2Fields.put(rtdOnly ? "Rtd" : "Avg", so2Value);
    if (!dropFlag) {
      so2Fields.put("Flag", allFlag != null ? allFlag : so2Flag);
    }
    p.put("a21026", so2Fields);
    p.put("a21002", Map.of("Avg", fmt(nox), "Flag", allFlag != null ? allFlag : noxFlag));
    p.put("a34013", Map.of("Avg", fmt(pm), "Flag", allFlag != null ? allFlag : pmFlag));
    p.put("a19001", Map.of("Avg", fmt(o2), "Flag", allFlag != null ? allFlag : "N"));
    p.put(
        "a00000",
        Map.of(
            "Avg",
            m3s ? String.format(Locale.ROOT, "%.3f", flow / 3600) : fmt(flow),
            "Flag",
            allFlag != null ? allFlag : "N"));
    if (i % 13 != 0) {
      p.put("a01012", Map.of("Avg", fmt(temp), "Flag", "N"));
    }
    return p;
  }

  /** A wastewater logger with 10-minute blocks: flow (L/s, with Cou), COD, ammonia, pH. */
  private static void wastewater(
      Builder b, String mn, LocalDateTime start, int minutes, Random rng) {
    for (int i = 0; i < minutes; i += 10) {
      LocalDateTime t = start.plusMinutes(i);
      double flow = i % 240 < 30 ? 0 : 20 + rng.nextGaussian() * 2;
      double cod = 50 + rng.nextGaussian() * 8 + ((i / 60) % 9 == 4 ? 30 : 0);
      Map<String, Map<String, String>> p = new LinkedHashMap<>();
      Map<String, String> flowFields = new LinkedHashMap<>();
      flowFields.put("Avg", fmt(flow));
      flowFields.put("Flag", (i / 10) % 37 == 3 ? "D" : "N");
      if (i % 30 == 0) {
        flowFields.put("Cou", String.format(Locale.ROOT, "%.4f", flow * 0.6));
      }
      p.put("w00000", flowFields);
      Map<String, String> codFields = new LinkedHashMap<>();
      codFields.put("Avg", fmt(cod));
      codFields.put("Flag", (i / 10) % 29 == 7 ? "C" : "N");
      if (i % 20 == 0) {
        codFields.put("Cou", String.format(Locale.ROOT, "%.6f", cod * flow * 0.6 / 1000));
      }
      p.put("w01018", codFields);
      p.put("w21003", Map.of("Avg", fmt(3 + rng.nextGaussian() * 0.3), "Flag", "N"));
      p.put("w01001", Map.of("Avg", fmt(7 + rng.nextGaussian() * 0.1), "Flag", "N"));
      if (i >= 1200 && i < 1290) {
        continue;
      }
      long received = time(t) + 5_000;
      b.sample(received, packet(mn, "2051", t, p));
      if (i >= 1290 && i < 1300) {
        b.sample(received + Cst.MINUTE_MS, packet(mn, "2051", start.plusMinutes(1230), p, true));
      }
    }
    b.ticks(mn, time(start), time(start.plusMinutes(minutes)) + 6 * Cst.HOUR_MS);
  }

  /** A logger without minute data: 2011 packets every 30 s, NO and NO2 instead of NOx. */
  private static void realtime(Builder b, String mn, LocalDateTime start, int minutes, Random rng) {
    for (int s = 0; s < minutes * 2; s++) {
      LocalDateTime t = start.plusSeconds(30L * s);
      int minute = s / 2;
      if (minute >= 400 && minute < 440) {
        continue; // silent: ticks form the pending minute and close hours
      }
      Map<String, Map<String, String>> p = new LinkedHashMap<>();
      String flag = minute % 120 < 8 ? "C" : s % 17 == 0 ? "D" : "N";
      p.put("a21026", Map.of("Rtd", fmt(30 + rng.nextGaussian() * 5), "Flag", flag));
      p.put("a21003", Map.of("Rtd", fmt(40 + rng.nextGaussian() * 3), "Flag", "N"));
      if (s % 9 != 0) {
        p.put(
            "a21004", Map.of("Rtd", fmt(5 + rng.nextGaussian()), "Flag", s % 23 == 0 ? "M" : "N"));
      }
      p.put("a19001", Map.of("Rtd", fmt(8 + rng.nextGaussian() * 0.3), "Flag", "N"));
      p.put("a00000", Map.of("Rtd", fmt(500_000 + rng.nextGaussian() * 1000), "Flag", "N"));
      long received = time(t) + 2_000;
      b.sample(received, packet(mn, "2011", t, p));
      if (s % 31 == 0) {
        b.sample(received + 500, packet(mn, "2011", t, p));
      }
      if (s % 53 == 0) {
        Map<String, Map<String, String>> corrected = new LinkedHashMap<>(p);
        corrected.put("a21026", Map.of("Rtd", "99.9", "Flag", "N"));
        b.sample(received + 3 * Cst.MINUTE_MS, packet(mn, "2011", t, corrected, true));
      }
    }
    b.ticks(mn, time(start), time(start.plusMinutes(minutes)) + 6 * Cst.HOUR_MS);
  }

  private static CemsSample packet(
      String mn, String cn, LocalDateTime t, Map<String, Map<String, String>> p) {
    return packet(mn, cn, t, p, false);
  }

  private static CemsSample packet(
      String mn, String cn, LocalDateTime t, Map<String, Map<String, String>> p, boolean backfill) {
    OffsetDateTime time = t.atOffset(Cst.OFFSET);
    return new CemsSample(
        CemsSample.SCHEMA,
        mn,
        mn.equals(D) ? "32" : "31",
        cn,
        null,
        "HJ212-2017",
        time,
        time.toInstant().plusSeconds(5),
        backfill,
        p,
        Map.of());
  }

  private static long time(LocalDateTime t) {
    return t.atOffset(Cst.OFFSET).toInstant().toEpochMilli();
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
