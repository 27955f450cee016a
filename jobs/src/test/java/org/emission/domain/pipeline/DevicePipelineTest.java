package org.emission.domain.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emission.domain.Fixtures.cst;
import static org.emission.domain.Fixtures.packet;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.emission.domain.Cst;
import org.emission.domain.Determination;
import org.emission.domain.Fixtures;
import org.emission.domain.InvalidReason;
import org.emission.domain.aggregate.OutletHour;
import org.emission.domain.alert.Alert;
import org.emission.domain.alert.AlertKind;
import org.emission.domain.alert.AlertLifecycle;
import org.emission.domain.alert.AlertThresholds;
import org.emission.domain.registry.Averaging;
import org.emission.domain.registry.Enterprise;
import org.emission.domain.registry.LimitKind;
import org.emission.domain.registry.LimitRule;
import org.emission.domain.registry.Outlet;
import org.emission.domain.registry.Registry;
import org.emission.records.CemsSample;
import org.junit.jupiter.api.Test;

class DevicePipelineTest {

  private static Registry registry(Outlet outlet) {
    return Registry.of(
        List.of(new Enterprise("ENT-1", "Wuhai Power", "Wuhai", "Haibowan", "", "power")),
        List.of(outlet),
        List.of(
            new LimitRule(
                "OUT-1",
                "OUT-1",
                null,
                "a21026",
                LimitKind.PERMIT,
                new BigDecimal("35"),
                "mg/m3",
                Averaging.HOUR,
                LocalDate.of(2020, 1, 1),
                null,
                "discharge permit",
                2)));
  }

  private final Outlet outlet = Fixtures.stack();
  private final DevicePipeline pipeline =
      new DevicePipeline(registry(outlet), AlertThresholds.defaults(), PipelineSettings.defaults());
  private final DeviceState state = pipeline.newState();

  /** SO2 40 mg/m3 at O2 9 % (converted 40 × 15 / 12 = 50), flow 1,000,000 m3/h. */
  private static CemsSample minute(Instant t) {
    return packet("2051", t.atOffset(Cst.OFFSET).toLocalDateTime().toString())
        .p("a21026", "Avg", "40", "Flag", "N")
        .p("a19001", "Avg", "9", "Flag", "N")
        .p("a00000", "Avg", "1000000", "Flag", "N")
        .build();
  }

  private static Instant at(String hour, int minute) {
    return cst(hour).plusSeconds(60L * minute);
  }

  private List<OutletHour> so2Hours(DeviceOutputs out) {
    return out.hours().stream().filter(h -> h.pollutant().equals("a21026")).toList();
  }

  @Test
  void hourClosesOnTheNextHourAndLateOrDuplicateMinutesVersionIt() {
    for (int m = 0; m < 45; m++) {
      assertThat(pipeline.onSample(state, minute(at("2024-03-01T10:00", m))).hours()).isEmpty();
    }
    // the first record of 11:00 closes hour 10: 45 valid minutes -> MEASURED (HJ 212 App. D eq. 24)
    DeviceOutputs closing = pipeline.onSample(state, minute(cst("2024-03-01T11:00")));
    OutletHour v1 = so2Hours(closing).get(0);
    assertThat(v1.version()).isEqualTo(1);
    assertThat(v1.determination()).isEqualTo(Determination.MEASURED);
    assertThat(v1.validMinutes()).isEqualTo(45);
    // converted 50 (hj75-validity.md worked check); mass from the dry 40: 40 kg/h, 40 kg
    assertThat(v1.convertedConcentration()).isEqualByComparingTo("50");
    assertThat(v1.massKg()).isEqualByComparingTo("40");
    // 50 > 35: exceedance opened; multiple (50 − 35) / 35 = 0.429
    assertThat(closing.alerts())
        .filteredOn(a -> a.kind() == AlertKind.EXCEEDANCE)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.lifecycle()).isEqualTo(AlertLifecycle.OPENED);
              assertThat(a.exceedanceMultiple()).isEqualByComparingTo("0.429");
              assertThat(a.limitSource()).isEqualTo("discharge permit");
            });

    // a late (re-sent) 10:45 record: hour 10 again as version 2 with 46 valid minutes
    DeviceOutputs late = pipeline.onSample(state, minute(at("2024-03-01T10:00", 45)));
    assertThat(so2Hours(late))
        .singleElement()
        .satisfies(
            h -> {
              assertThat(h.version()).isEqualTo(2);
              assertThat(h.validMinutes()).isEqualTo(46);
            });
    // the same record once more: nothing changes
    assertThat(pipeline.onSample(state, minute(at("2024-03-01T10:00", 45))).hours()).isEmpty();

    // the logger's own 2061 value for hour 10 is kept beside it (version 3) and differs by
    // |33 − 40| = 7 > max(1, 0.05 × 40 = 2) -> LOGGER_HOUR_MISMATCH
    DeviceOutputs logger =
        pipeline.onSample(
            state,
            packet("2061", "2024-03-01T10:00:00").p("a21026", "Avg", "33", "Flag", "N").build());
    assertThat(so2Hours(logger))
        .singleElement()
        .satisfies(
            h -> {
              assertThat(h.version()).isEqualTo(3);
              assertThat(h.loggerAvg()).isEqualByComparingTo("33");
            });
    assertThat(logger.loggerValues()).hasSize(1);
    assertThat(logger.alerts())
        .extracting(Alert::kind)
        .containsExactly(AlertKind.LOGGER_HOUR_MISMATCH);
  }

  @Test
  void unknownDevicesAreRejected() {
    DeviceOutputs out =
        pipeline.onSample(state, packet("2051", "2024-03-01T10:00:00").mn("NOPE").build());
    assertThat(out.rejected()).isEqualTo("unknown MN NOPE (not in the registry)");
  }

  @Test
  void silentDeviceHoursCloseOnTicksAsNoData() {
    for (int m = 0; m < 60; m++) {
      pipeline.onSample(state, minute(at("2024-03-01T10:00", m)));
    }
    // last packet received 10:59:05; at 13:15 the device has been silent > 10 minutes:
    // hours before 13:00 close -> 10 (valid), 11 and 12 (no data); offline > 30 minutes
    DeviceOutputs out = pipeline.onTick(state, Fixtures.MN, cst("2024-03-01T13:15"));
    assertThat(so2Hours(out))
        .extracting(h -> h.hourStart().atOffset(Cst.OFFSET).getHour(), OutletHour::invalidReason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(10, null),
            org.assertj.core.groups.Tuple.tuple(11, InvalidReason.NO_DATA),
            org.assertj.core.groups.Tuple.tuple(12, InvalidReason.NO_DATA));
    assertThat(out.alerts()).extracting(Alert::kind).contains(AlertKind.DEVICE_OFFLINE);
    // data again: offline closes
    assertThat(pipeline.onSample(state, minute(cst("2024-03-01T13:20"))).alerts())
        .filteredOn(a -> a.kind() == AlertKind.DEVICE_OFFLINE)
        .extracting(Alert::lifecycle)
        .containsExactly(AlertLifecycle.CLOSED);
  }

  @Test
  void dayClosesWhenItsLastHourCloses() {
    Outlet tenMinute = Fixtures.stack(6.0, 10);
    DevicePipeline p =
        new DevicePipeline(
            registry(tenMinute), AlertThresholds.defaults(), PipelineSettings.defaults());
    DeviceState s = p.newState();
    // 10-minute records (MinInterval 10) for the whole of 2024-03-01: 6 per hour cover 60 minutes
    for (int r = 0; r < 144; r++) {
      p.onSample(s, minute(cst("2024-03-01T00:00").plusSeconds(600L * r)));
    }
    DeviceOutputs out = p.onSample(s, minute(cst("2024-03-02T00:00")));
    assertThat(out.days())
        .filteredOn(d -> d.pollutant().equals("a21026"))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.day()).isEqualTo(LocalDate.of(2024, 3, 1));
              assertThat(d.version()).isEqualTo(1);
              assertThat(d.validHours()).isEqualTo(24);
              assertThat(d.convertedConcentration()).isEqualByComparingTo("50");
              // 24 hours × 40 kg = 960 kg
              assertThat(d.massKg()).isEqualByComparingTo("960");
              assertThat(d.transmissionPercent()).isEqualByComparingTo("100");
            });
    // live running values after the first minute of 03-02: year mass so far = 960 + 40/6
    assertThat(out.live())
        .filteredOn(v -> v.pollutant().equals("a21026"))
        .singleElement()
        .satisfies(v -> assertThat(v.yearMassKg()).isEqualByComparingTo("966.666667"));
  }

  @Test
  void realtimeDataFormsMinutesWhenTheLoggerSendsNoMinuteData() {
    // 30-second real-time packets 10:00:00 and 10:00:30, then 10:01:00 completes 10:00
    pipeline.onSample(state, rtd("2024-03-01T10:00:00", "30"));
    pipeline.onSample(state, rtd("2024-03-01T10:00:30", "34"));
    DeviceOutputs out = pipeline.onSample(state, rtd("2024-03-01T10:01:00", "31"));
    assertThat(out.minutes())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.start()).isEqualTo(cst("2024-03-01T10:00"));
              // (30 + 34) / 2 = 32
              assertThat(m.get("a21026").value()).isEqualTo(32.0);
            });
  }

  private static CemsSample rtd(String time, String so2) {
    return packet("2011", time).p("a21026", "Rtd", so2, "Flag", "N").build();
  }

  @Test
  void stateSurvivesJavaSerializationMidHour() throws Exception {
    for (int m = 0; m < 30; m++) {
      pipeline.onSample(state, minute(at("2024-03-01T10:00", m)));
    }
    // a checkpoint: serialize and restore the state and the pipeline (registry included)
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.io.ObjectOutputStream o = new java.io.ObjectOutputStream(bytes)) {
      o.writeObject(state);
      o.writeObject(pipeline);
    }
    DeviceState restored;
    DevicePipeline restoredPipeline;
    try (java.io.ObjectInputStream in =
        new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
      restored = (DeviceState) in.readObject();
      restoredPipeline = (DevicePipeline) in.readObject();
    }
    for (int m = 30; m < 60; m++) {
      restoredPipeline.onSample(restored, minute(at("2024-03-01T10:00", m)));
      pipeline.onSample(state, minute(at("2024-03-01T10:00", m)));
    }
    DeviceOutputs a = restoredPipeline.onSample(restored, minute(cst("2024-03-01T11:00")));
    DeviceOutputs b = pipeline.onSample(state, minute(cst("2024-03-01T11:00")));
    assertThat(a).isEqualTo(b);
    assertThat(so2Hours(a))
        .singleElement()
        .satisfies(h -> assertThat(h.validMinutes()).isEqualTo(60));
  }
}
