package org.emission.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.emission.domain.alert.Alert;
import org.emission.domain.alert.AlertKind;
import org.emission.hj212.Hj212RejectReason;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The incidents of a run are what the gateway and the compliance job detect, and clean loggers
 * cause no alert: the packets file replayed through the codec, device authentication and {@code
 * DevicePipeline} with the default {@code AlertThresholds}.
 *
 * <p>To keep the test short the replay takes every incident device and the first clean logger of
 * each process, protocol, segment size, flue and answer mode, plus the clean units with a planned
 * stop and the clean stopped outlet; a replay of all 130 loggers over two days found no alert on
 * any clean logger either (about three minutes; the job's per-minute live values dominate).
 */
class IncidentDetectionTest {

  private static SimulatedFiles.Run run;
  private static PipelineReplay.Result replay;
  private static Set<String> cleanReplayed;

  @BeforeAll
  static void replay() throws Exception {
    run = SimulatedFiles.standard();
    SimulatedRegion region = SimulatedRegion.load(SimulatedFiles.REGISTRY);
    IncidentPlan plan =
        IncidentPlan.schedule(
            region, SimulatedFiles.FROM, SimulatedFiles.TO, SimulatedFiles.SEED, 1.0);
    Set<String> mns = new HashSet<>();
    run.result().incidents().forEach(i -> mns.add(i.mn()));
    cleanReplayed = new HashSet<>();
    Set<String> kinds = new HashSet<>();
    for (DeviceSpec d : region.devices()) {
      if (!d.clean()) {
        continue;
      }
      boolean first =
          kinds.add(d.process().code())
              | kinds.add(d.edition().label())
              | kinds.add("split " + (d.maxSegment() < 1024))
              | kinds.add("second flue " + !d.primary())
              | kinds.add("answers " + d.ack());
      if (first || plan.stopOf(d.mn()) != null || d.outlet().status().code().equals("stopped")) {
        cleanReplayed.add(d.mn());
      }
    }
    mns.addAll(cleanReplayed);
    replay = PipelineReplay.run(SimulatedFiles.REGISTRY, run.packets(), mns);
  }

  @Test
  void everyAlertIncidentIsDetectedByItsRules() {
    Map<String, List<Alert>> byMn = new HashMap<>();
    for (Alert a : replay.opened()) {
      byMn.computeIfAbsent(a.mn(), k -> new java.util.ArrayList<>()).add(a);
    }
    int checked = 0;
    for (Incident i : run.result().incidents()) {
      Set<AlertKind> expected = alertKinds(i);
      if (expected.isEmpty()) {
        continue;
      }
      checked++;
      List<Alert> alerts = byMn.getOrDefault(i.mn(), List.of());
      Set<AlertKind> seen = new HashSet<>();
      for (Alert a : alerts) {
        seen.add(a.kind());
        assertThat(expected).as(i + " raised " + a).contains(a.kind());
        assertThat(a.start().toEpochMilli())
            .as(i.id() + " " + a.kind() + " starts within the incident window")
            .isBetween(i.start() - 3_600_000, i.end() + 3_600_000);
      }
      assertThat(seen).as(i.id() + " " + i.kind()).containsAll(expected);
      if (!i.pollutant().isEmpty() && i.kind() != IncidentKind.DILUTION) {
        assertThat(alerts).anySatisfy(a -> assertThat(a.pollutant()).isEqualTo(i.pollutant()));
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(9);
  }

  @Test
  void cleanLoggersRaiseNoAlert() {
    assertThat(cleanReplayed).hasSizeGreaterThan(20);
    assertThat(replay.samples()).isPositive();
    for (Alert a : replay.opened()) {
      assertThat(cleanReplayed).as("alert on a clean logger: " + a).doesNotContain(a.mn());
    }
  }

  @Test
  void damagedAndUnauthenticatedPacketsAreRejectedWithTheirReason() {
    Map<IncidentKind, Incident> byKind = new HashMap<>();
    run.result().incidents().forEach(i -> byKind.put(i.kind(), i));
    assertThat(replay.rejected().values())
        .containsOnly(Hj212RejectReason.CRC_MISMATCH, Hj212RejectReason.LENGTH_MISMATCH)
        .contains(Hj212RejectReason.CRC_MISMATCH, Hj212RejectReason.LENGTH_MISMATCH);
    assertThat(replay.rejected()).isEqualTo(run.result().malformed());
    assertThat(replay.authRejectsByMn())
        .containsOnlyKeys(
            "UNKNOWN_DEVICE/" + byKind.get(IncidentKind.UNKNOWN_DEVICE).mn(),
            "WRONG_PASSWORD/" + byKind.get(IncidentKind.WRONG_PASSWORD).mn());
    assertThat(replay.authRejects().get("WRONG_PASSWORD"))
        .isEqualTo((int) run.result().impostorLines());
    assertThat(replay.authRejects().get("UNKNOWN_DEVICE"))
        .isEqualTo((int) run.result().unregisteredLines());
  }

  private static Set<AlertKind> alertKinds(Incident i) {
    Set<AlertKind> out = new HashSet<>();
    for (String k : i.detectedBy().split(";")) {
      try {
        out.add(AlertKind.valueOf(k));
      } catch (IllegalArgumentException e) {
        // a reject reason or a meter rule, not an alert of the compliance job
      }
    }
    return out;
  }
}
