package org.emission.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.emission.domain.cems.PollutantMinute;
import org.emission.domain.registry.FlowUnit;
import org.emission.domain.registry.Outlet;
import org.emission.domain.registry.OutletKind;
import org.emission.domain.registry.OutletStatus;
import org.emission.records.CemsSample;

/** Shared test data: CST times, outlets, minutes and packets. */
public final class Fixtures {

  public static final String MN = "0A1B2C3D4E5F000000000001";

  private Fixtures() {}

  /** A CST wall-clock time such as {@code 2024-03-01T10:00}. */
  public static Instant cst(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atOffset(Cst.OFFSET).toInstant();
  }

  /** Coal boiler stack, reference O2 6 % (GB 13223-2011), 1-minute data, flow in m3/h. */
  public static Outlet stack() {
    return stack(6.0, 1);
  }

  public static Outlet stack(Double o2Ref, int minInterval) {
    return new Outlet(
        "OUT-1",
        "ENT-1",
        "Boiler 1 stack",
        OutletKind.FLUE_GAS,
        MN,
        "boiler",
        o2Ref,
        OutletStatus.OPERATING,
        LocalDate.of(2020, 1, 1),
        FlowUnit.M3_PER_HOUR,
        minInterval);
  }

  public static Outlet stackWithStatus(OutletStatus status, LocalDate since) {
    Outlet o = stack();
    return new Outlet(
        o.id(),
        o.enterpriseId(),
        o.name(),
        o.kind(),
        o.mn(),
        o.facility(),
        o.o2Ref(),
        status,
        since,
        o.flowUnit(),
        o.minIntervalMinutes());
  }

  /** Wastewater outlet, flow in L/s, 10-minute blocks. */
  public static Outlet wastewater() {
    return new Outlet(
        "WW-1",
        "ENT-1",
        "Main wastewater outlet",
        OutletKind.WASTEWATER,
        "0A1B2C3D4E5F000000000009",
        "",
        null,
        OutletStatus.OPERATING,
        LocalDate.of(2020, 1, 1),
        FlowUnit.LITRES_PER_SECOND,
        10);
  }

  /** A flue-gas pollutant minute of OUT-1 with valid flow {@code flow} m3/h. */
  public static PollutantMinute minute(
      String pollutant,
      Instant start,
      int covered,
      DataFlag flag,
      Double value,
      Double converted,
      Double flow) {
    return new PollutantMinute(
        "OUT-1",
        pollutant,
        start,
        covered,
        flag,
        value,
        converted,
        false,
        null,
        flow,
        flow == null ? null : DataFlag.N,
        null,
        null,
        false);
  }

  /** A valid 1-minute SO2 minute at {@code start} with value = converted, flow 1,000,000 m3/h. */
  public static PollutantMinute so2(Instant start, double value) {
    return minute(PollutantCodes.SO2, start, 1, DataFlag.N, value, value, 1_000_000.0);
  }

  /** A 1-minute SO2 minute with only a flag (value 0, e.g. calibration or stop). */
  public static PollutantMinute so2Flag(Instant start, DataFlag flag) {
    return minute(PollutantCodes.SO2, start, 1, flag, 0.0, 0.0, 1_000_000.0);
  }

  /** A packet builder. */
  public static PacketBuilder packet(String cn, String dataTimeCst) {
    return new PacketBuilder(cn, cst(dataTimeCst));
  }

  /** Builds {@link CemsSample}s. */
  public static final class PacketBuilder {
    private final String cn;
    private final Instant time;
    private final Map<String, Map<String, String>> pollutants = new LinkedHashMap<>();
    private String mn = MN;
    private Instant received;

    PacketBuilder(String cn, Instant time) {
      this.cn = cn;
      this.time = time;
      this.received = time.plusSeconds(5);
    }

    public PacketBuilder mn(String v) {
      mn = v;
      return this;
    }

    public PacketBuilder received(Instant v) {
      received = v;
      return this;
    }

    /**
     * Adds {@code code-Field=value} pairs, e.g. {@code p("a21026", "Avg", "25.3", "Flag", "N")}.
     */
    public PacketBuilder p(String code, String... fieldValues) {
      Map<String, String> fields = pollutants.computeIfAbsent(code, k -> new LinkedHashMap<>());
      for (int i = 0; i < fieldValues.length; i += 2) {
        fields.put(fieldValues[i], fieldValues[i + 1]);
      }
      return this;
    }

    public CemsSample build() {
      return new CemsSample(
          CemsSample.SCHEMA,
          mn,
          "31",
          cn,
          null,
          "HJ212-2017",
          OffsetDateTime.ofInstant(time, Cst.OFFSET),
          received,
          false,
          pollutants,
          Map.of());
    }
  }
}
