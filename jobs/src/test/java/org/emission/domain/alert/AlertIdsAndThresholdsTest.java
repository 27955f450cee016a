package org.emission.domain.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.emission.domain.Fixtures.cst;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AlertIdsAndThresholdsTest {

  @Test
  void idIsAUuidVersion5OfOutletPollutantKindAndStart() {
    String id = AlertIds.of("OUT-1", "a21026", AlertKind.EXCEEDANCE, cst("2024-03-01T10:00"));
    // independently: python3 -c "import uuid; print(uuid.uuid5(uuid.UUID(
    //   '6f1c2a9e-3b57-4d1a-9a0e-2c6d8e4f7b13'), 'OUT-1|a21026|EXCEEDANCE|2024-03-01T02:00:00Z'))"
    assertThat(id).isEqualTo("3d17eb64-ad40-59e9-90b5-9968d30e945a");
    assertThat(UUID.fromString(id).version()).isEqualTo(5);
    assertThat(AlertIds.of("OUT-1", "a21026", AlertKind.EXCEEDANCE, cst("2024-03-01T11:00")))
        .isNotEqualTo(id);
    assertThat(AlertIds.of("OUT-1", null, AlertKind.DEVICE_OFFLINE, cst("2024-03-01T10:00:05")))
        .isEqualTo("9dc7fb0a-ef29-581f-ab37-594ccb426ca3");
  }

  @Test
  void thresholdDefaults() {
    AlertThresholds t = AlertThresholds.defaults();
    assertThat(t.earlyWarningFactor()).isEqualTo(0.9);
    assertThat(t.earlyWarningMinValidMinutes()).isEqualTo(15);
    assertThat(t.earlyWarningRecentMinutes()).isEqualTo(10);
    assertThat(t.offlineMinutes()).isEqualTo(30);
    assertThat(t.dataGapMinMinutes()).isEqualTo(5);
    assertThat(t.dataGapRetentionHours()).isEqualTo(168);
    assertThat(t.minTransmissionPercent()).isEqualTo(95.0);
    assertThat(t.flatLineHours()).isEqualTo(4);
    assertThat(t.flatLineTolerance()).isEqualTo(0.001);
    assertThat(t.dilutionO2Percent()).isEqualTo(19.0);
    assertThat(t.dilutionMinMinutes()).isEqualTo(60);
    assertThat(t.zeroFlowMinMinutes()).isEqualTo(15);
    assertThat(t.calibrationMaxMinutes()).isEqualTo(90);
    assertThat(t.maintenanceMaxMinutes()).isEqualTo(1440);
    assertThat(t.calibrationMaxPerDay()).isEqualTo(3);
    assertThat(t.analyserRanges()).isEmpty();
    assertThat(t.loggerMismatchAbsolute()).isEqualTo(1.0);
    assertThat(t.loggerMismatchRelative()).isEqualTo(0.05);
    assertThat(t.stoppedEmittingMinMinutes()).isEqualTo(10);
    assertThat(t.silentHours()).isEqualTo(24);
    assertThat(t.toBuilder().build()).isEqualTo(t);
  }

  @Test
  void thresholdValidation() {
    assertThatThrownBy(() -> AlertThresholds.builder().minTransmissionPercent(120).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("minTransmissionPercent must be in (0, 100]");
    assertThatThrownBy(() -> AlertThresholds.builder().dilutionO2Percent(21).build())
        .hasMessage("dilutionO2Percent must be in (0, 21)");
    assertThatThrownBy(() -> AlertThresholds.builder().earlyWarningMinValidMinutes(0).build())
        .hasMessage("earlyWarningMinValidMinutes must be 1..60");
    assertThatThrownBy(
            () -> AlertThresholds.builder().analyserRanges(Map.of("a21026", -1.0)).build())
        .hasMessage("analyser range of a21026 must be > 0");
  }
}
