package org.emission.domain.bench;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.emission.domain.Cst;
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
 * The region of {@code ./emission bench replay} as {@link CemsSample} records: N flue-gas outlets
 * under one sector limit (SO2 200 mg/m3 hourly), 1-minute 2051 packets with SO2, NOx, PM, O2, flow
 * and temperature; SO2 exceeds the limit in even hours and complies in odd ones.
 */
public final class BenchRegion {

  private BenchRegion() {}

  public static String mn(int device) {
    return String.format(Locale.ROOT, "BENCH%019d", device);
  }

  public static Registry registry(int devices) {
    List<Outlet> outlets = new ArrayList<>();
    for (int d = 0; d < devices; d++) {
      outlets.add(
          new Outlet(
              String.format(Locale.ROOT, "B-%04d", d),
              "E-BENCH",
              "Bench stack " + d,
              OutletKind.FLUE_GAS,
              mn(d),
              "boiler",
              9.0,
              OutletStatus.OPERATING,
              LocalDate.of(2020, 1, 1),
              FlowUnit.M3_PER_HOUR,
              1));
    }
    return Registry.of(
        List.of(
            new Enterprise(
                "E-BENCH",
                "Bench Boilers (fictional)",
                "Wuhai",
                "Haibowan",
                "Haibowan industrial park",
                "boiler")),
        outlets,
        List.of(
            new LimitRule(
                "sector:boiler",
                null,
                "boiler",
                "a21026",
                LimitKind.SPECIAL,
                new BigDecimal("200"),
                "mg/m3",
                Averaging.HOUR,
                LocalDate.of(2015, 1, 1),
                null,
                "GB 13271-2014 Table 3 [U]",
                2)));
  }

  /** The 2051 packet of one device for one CST minute. */
  public static CemsSample minutePacket(int device, LocalDateTime minute) {
    boolean exceed = minute.getHour() % 2 == 0;
    double so2 = exceed ? 260 + (device % 7) : 120 + (device % 5);
    Map<String, Map<String, String>> p = new LinkedHashMap<>();
    p.put("a21026", Map.of("Avg", fmt(so2), "Flag", "N"));
    p.put("a21002", Map.of("Avg", fmt(150.0 + device % 11), "Flag", "N"));
    p.put("a34013", Map.of("Avg", fmt(12.0 + device % 3), "Flag", "N"));
    p.put("a19001", Map.of("Avg", fmt(9.0), "Flag", "N"));
    p.put("a00000", Map.of("Avg", Integer.toString(80000 + device * 10), "Flag", "N"));
    p.put("a01012", Map.of("Avg", fmt(120.0), "Flag", "N"));
    OffsetDateTime time = minute.atOffset(Cst.OFFSET);
    Instant received = time.toInstant().plusSeconds(5);
    return new CemsSample(
        CemsSample.SCHEMA,
        mn(device),
        "31",
        "2051",
        null,
        "HJ212-2017",
        time,
        received,
        false,
        p,
        Map.of());
  }

  /** The packets of every device for one CST minute, in device order. */
  public static List<CemsSample> minute(int devices, LocalDateTime minute) {
    List<CemsSample> out = new ArrayList<>(devices);
    for (int d = 0; d < devices; d++) {
      out.add(minutePacket(d, minute));
    }
    return out;
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
