package org.emission.domain.bench;

import java.time.Instant;
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
import org.emission.domain.pipeline.DevicePipeline;
import org.emission.domain.pipeline.DeviceState;
import org.emission.records.CemsSample;

/**
 * Random input for {@link DevicePipeline} from a seed, on the outlets of {@link MixedScenario}:
 * packets of random kinds (2051, 2011, 2061, 2031), minutes in order, out of order, repeated,
 * corrected or far too late, random flags, values and missing fields, and random ticks. Unlike
 * {@link MixedScenario} it follows no plan, to reach combinations nobody thought of. Its outputs
 * are compared by {@link OutputDigest}.
 */
public final class RandomScenario {

  private RandomScenario() {}

  private static final String[] DEVICES = {
    MixedScenario.A, MixedScenario.B, MixedScenario.D, MixedScenario.E, MixedScenario.G
  };
  private static final String[] FLUE_GAS = {"a21026", "a21002", "a34013", "a19001", "a00000"};
  private static final String[] WASTEWATER = {"w00000", "w01018", "w21003", "w01001"};
  private static final String[] FLAGS = {"N", "N", "N", "N", "N", "T", "F", "C", "M", "D", "B"};

  /** Runs {@code events} random events of seed {@code seed} and digests every output. */
  public static OutputDigest run(DevicePipeline pipeline, long seed, int events) {
    Random rng = new Random(seed);
    LocalDateTime start = LocalDateTime.of(2024, 12, 30, 20, 0);
    long base = start.atOffset(Cst.OFFSET).toInstant().toEpochMilli();
    List<long[]> order = new ArrayList<>();
    List<Object[]> steps = new ArrayList<>();
    // each device's clock advances on its own, mostly a minute at a time
    Map<String, Integer> minute = new TreeMap<>();
    for (int e = 0; e < events; e++) {
      String mn = DEVICES[rng.nextInt(DEVICES.length)];
      int m = minute.merge(mn, 1 + (rng.nextInt(20) == 0 ? rng.nextInt(180) : 0), Integer::sum);
      int r = rng.nextInt(100);
      int at = m;
      int dataMinute = m;
      String cn = mn.equals(MixedScenario.E) ? "2011" : "2051";
      if (r < 8) {
        dataMinute = m - 1 - rng.nextInt(r < 2 ? 4000 : 120); // late: some beyond the retention
      } else if (r < 10) {
        cn = "2061";
        dataMinute = (m / 60 - 1) * 60;
      } else if (r < 11) {
        cn = "2031";
        dataMinute = (m / 1440 - 1) * 1440;
      } else if (r < 16) {
        steps.add(new Object[] {"tick", mn});
        order.add(
            new long[] {base + at * 60_000L + 40_000 + rng.nextInt(3_600_000), steps.size() - 1});
        continue;
      }
      LocalDateTime t = start.plusMinutes(Math.max(0, dataMinute));
      if (cn.equals("2011")) {
        t = t.plusSeconds(30L * rng.nextInt(2));
      }
      CemsSample sample = packet(mn, cn, t, values(mn, cn, rng), rng.nextInt(10) == 0);
      long received = base + at * 60_000L + 5_000;
      steps.add(new Object[] {"sample", withReceived(sample, received)});
      order.add(new long[] {received, steps.size() - 1});
      if (rng.nextInt(15) == 0) {
        // the same packet again, now or later
        steps.add(new Object[] {"sample", withReceived(sample, received + rng.nextInt(7_200_000))});
        order.add(new long[] {received + 1, steps.size() - 1});
      }
    }
    order.sort(Comparator.<long[]>comparingLong(o -> o[0]).thenComparingLong(o -> o[1]));

    OutputDigest digest = new OutputDigest();
    Map<String, DeviceState> states = new TreeMap<>();
    long last = 0;
    for (long[] o : order) {
      Object[] step = steps.get((int) o[1]);
      last = o[0];
      if (step[0].equals("sample")) {
        CemsSample s = (CemsSample) step[1];
        DeviceState state = states.computeIfAbsent(s.mn(), k -> pipeline.newState());
        digest.add("S" + o[1], pipeline.onSample(state, s));
      } else {
        String mn = (String) step[1];
        DeviceState state = states.get(mn);
        if (state != null) {
          digest.add("T" + o[1], pipeline.onTick(state, mn, Instant.ofEpochMilli(o[0])));
        }
      }
    }
    for (Map.Entry<String, DeviceState> e : states.entrySet()) {
      digest.add("E" + e.getKey(), pipeline.onEndOfInput(e.getValue(), e.getKey()));
      digest.update(
          e.getKey()
              + " dropped "
              + e.getValue().droppedLate()
              + " held "
              + e.getValue().hourStates()
              + " at "
              + last);
    }
    return digest;
  }

  private static Map<String, Map<String, String>> values(String mn, String cn, Random rng) {
    String[] codes = mn.equals(MixedScenario.D) ? WASTEWATER : FLUE_GAS;
    Map<String, Map<String, String>> p = new LinkedHashMap<>();
    for (String code : codes) {
      if (rng.nextInt(12) == 0) {
        continue;
      }
      Map<String, String> fields = new LinkedHashMap<>();
      double base =
          switch (code) {
            case "a19001" -> rng.nextInt(10) == 0 ? 20.95 : 8;
            case "a00000" -> rng.nextInt(25) == 0 ? 0 : 300_000;
            case "w00000" -> 20;
            case "w01001" -> 7;
            default -> 40;
          };
      String value =
          switch (rng.nextInt(40)) {
            case 0 -> "";
            case 1 -> "x1";
            case 2 -> "-0";
            case 3 -> "-3.25";
            case 4 -> "1E2";
            default ->
                String.format(
                    Locale.ROOT, "%." + rng.nextInt(5) + "f", base * (0.5 + rng.nextDouble()));
          };
      fields.put(cn.equals("2011") ? "Rtd" : "Avg", value);
      if (rng.nextInt(20) != 0) {
        fields.put("Flag", FLAGS[rng.nextInt(FLAGS.length)]);
      }
      if (rng.nextInt(6) == 0) {
        fields.put("Cou", String.format(Locale.ROOT, "%.4f", rng.nextDouble() * 10));
      }
      if (rng.nextInt(8) == 0) {
        fields.put("ZsAvg", String.format(Locale.ROOT, "%.2f", base * rng.nextDouble()));
      }
      p.put(code, fields);
    }
    return p;
  }

  private static CemsSample packet(
      String mn, String cn, LocalDateTime t, Map<String, Map<String, String>> p, boolean backfill) {
    OffsetDateTime time = t.atOffset(Cst.OFFSET);
    return new CemsSample(
        CemsSample.SCHEMA, mn, "31", cn, null, "HJ212-2017", time, null, backfill, p, Map.of());
  }

  private static CemsSample withReceived(CemsSample s, long received) {
    return new CemsSample(
        s.schema(),
        s.mn(),
        s.st(),
        s.cn(),
        s.qn(),
        s.protocol(),
        s.dataTime(),
        Instant.ofEpochMilli(received),
        s.backfill(),
        s.pollutants(),
        s.extra());
  }
}
