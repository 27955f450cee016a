package org.emission.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.emission.domain.alert.AlertKind;
import org.emission.jobs.replay.ReplayCsvWriter;
import org.emission.jobs.replay.ReplayJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code simulate --packets} then {@code replay}, through Flink's MiniCluster: every incident the
 * simulator injected comes out of the compliance job as the alert (or reject) its incidents file
 * names, and the clean loggers replayed beside them raise no alert at all.
 *
 * <p>To keep CI short the file is cut to the incident loggers and one clean logger of each process,
 * protocol edition and answer mode, over the standard 36 simulated hours.
 */
class ReplayJobIncidentsTest {
  private static final int FLINK_PARALLELISM = 3;

  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(FLINK_PARALLELISM)
              .build());

  @TempDir static Path dir;

  private static Set<String> clean;
  private static Path packets;
  private static Path out;

  /**
   * Cuts the standard file to the incident loggers and the chosen clean ones and replays it on the
   * MiniCluster (parallelism 3), once for all tests of the class.
   */
  private static synchronized Path replayed() throws Exception {
    if (out != null) {
      return out;
    }
    SimulatedFiles.Run run = SimulatedFiles.standard();
    SimulatedRegion region = SimulatedRegion.load(SimulatedFiles.REGISTRY);
    Set<String> incidentMns = new HashSet<>();
    run.result().incidents().forEach(i -> incidentMns.add(i.mn()));
    clean = new HashSet<>();
    Set<String> seenKinds = new HashSet<>();
    for (DeviceSpec d : region.devices()) {
      if (d.clean()
          && d.primary()
          && (seenKinds.add(d.process().code())
              | seenKinds.add(d.edition().label())
              | seenKinds.add("answers " + d.ack()))) {
        clean.add(d.mn());
      }
    }
    packets = dir.resolve("packets.txt");
    List<String> kept = new ArrayList<>();
    for (String line : Files.readAllLines(run.packets(), StandardCharsets.UTF_8)) {
      int at = line.indexOf(";MN=");
      int end = at < 0 ? -1 : line.indexOf(';', at + 4);
      String mn = end < 0 ? "" : line.substring(at + 4, end);
      if (incidentMns.contains(mn) || clean.contains(mn)) {
        kept.add(line);
      }
    }
    Files.write(packets, kept, StandardCharsets.UTF_8);
    Path replay = dir.resolve("out");
    ReplayJob.run(
        StreamExecutionEnvironment.getExecutionEnvironment(),
        SimulatedFiles.REGISTRY,
        packets,
        replay);
    out = replay;
    return out;
  }

  @Test
  void everyIncidentIsDetectedAndCleanLoggersStayQuiet() throws Exception {
    SimulatedFiles.Run run = SimulatedFiles.standard();
    Path out = replayed();
    List<Map<String, String>> alerts = ReplayCsvWriter.read(out.resolve("alerts.csv"));
    Map<String, Set<String>> kindsByMn = new HashMap<>();
    for (Map<String, String> a : alerts) {
      kindsByMn.computeIfAbsent(a.get("mn"), k -> new HashSet<>()).add(a.get("kind"));
    }
    int checked = 0;
    for (Incident incident : run.result().incidents()) {
      Set<String> expected = new HashSet<>();
      for (String k : incident.detectedBy().split(";")) {
        if (isAlertKind(k)) {
          expected.add(k);
        }
      }
      if (expected.isEmpty()) {
        continue;
      }
      checked++;
      assertThat(kindsByMn.getOrDefault(incident.mn(), Set.of()))
          .as("alerts of %s (%s)", incident.mn(), incident.kind())
          .containsAll(expected);
    }
    assertThat(checked).isGreaterThanOrEqualTo(9);
    assertThat(clean).hasSizeGreaterThan(10);
    for (String mn : clean) {
      assertThat(kindsByMn.getOrDefault(mn, Set.of()))
          .as("alerts on clean logger %s", mn)
          .isEmpty();
    }

    List<Map<String, String>> rejects = ReplayCsvWriter.read(out.resolve("rejects.csv"));
    Set<String> reasons = new HashSet<>();
    rejects.forEach(r -> reasons.add(r.get("reason").split(":")[0]));
    // only the injected ones: no split group of a clean logger is left incomplete
    assertThat(reasons)
        .containsExactlyInAnyOrder(
            "CRC_MISMATCH", "LENGTH_MISMATCH", "UNKNOWN_DEVICE", "WRONG_PASSWORD");
  }

  /**
   * Each subtask reads the whole file but keeps only its own loggers ({@code PacketFileSource}): a
   * receive time, a tick or a split timeout that depended on how the loggers are spread would show
   * here as a difference to the replay in a single subtask.
   */
  @Test
  void theParallelismChangesNoResult() throws Exception {
    Path parallel = replayed();
    Path single = dir.resolve("out-single");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    ReplayJob.run(env, SimulatedFiles.REGISTRY, packets, single);
    assertThat(FLINK_PARALLELISM).isGreaterThan(1);
    for (String file :
        List.of("outlet_hours.csv", "outlet_days.csv", "alerts.csv", "rejects.csv")) {
      List<String> expected = Files.readAllLines(single.resolve(file), StandardCharsets.UTF_8);
      assertThat(expected).as(file).hasSizeGreaterThan(1);
      assertThat(Files.readAllLines(parallel.resolve(file), StandardCharsets.UTF_8))
          .as(file)
          .containsExactlyElementsOf(expected);
    }
  }

  private static boolean isAlertKind(String name) {
    for (AlertKind kind : AlertKind.values()) {
      if (kind.name().equals(name)) {
        return true;
      }
    }
    return false;
  }
}
