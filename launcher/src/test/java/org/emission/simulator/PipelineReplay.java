package org.emission.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.emission.domain.alert.Alert;
import org.emission.domain.alert.AlertLifecycle;
import org.emission.domain.alert.AlertThresholds;
import org.emission.domain.pipeline.DeviceOutputs;
import org.emission.domain.pipeline.DevicePipeline;
import org.emission.domain.pipeline.DeviceState;
import org.emission.domain.pipeline.PipelineSettings;
import org.emission.domain.registry.Registry;
import org.emission.hj212.Hj212DecodeResult;
import org.emission.hj212.Hj212Decoder;
import org.emission.hj212.Hj212Packet;
import org.emission.hj212.Hj212Records;
import org.emission.hj212.Hj212RejectReason;
import org.emission.hj212.SplitPacketAssembler;
import org.emission.records.CemsSample;

/**
 * Runs a packets file through what the gateway and the compliance job do with it: the codec
 * (rejects with their reason), MN and password against devices.csv, split-packet reassembly, and
 * {@link DevicePipeline} with the default thresholds, collecting the alerts opened — on the file's
 * own clock with a tick every minute, as the replay command runs the job ({@code PacketFile},
 * {@code TickMode.EVENT}).
 *
 * <p>A second device of an outlet (a flue of a shared stack, only in devices.csv) is a monitoring
 * point of its own with its outlet's limits, as the registry loads it ({@code FlueDevice}).
 */
final class PipelineReplay {

  /** What the replay saw. */
  record Result(
      List<Alert> opened,
      Map<Long, Hj212RejectReason> rejected,
      Map<String, Integer> authRejects,
      Map<String, Integer> authRejectsByMn,
      long samples) {}

  private PipelineReplay() {}

  static Result run(Path registryDir, Path packets) throws IOException {
    return run(registryDir, packets, null);
  }

  /** As {@link #run(Path, Path)}, keeping only the lines of the given MNs (null: all). */
  static Result run(Path registryDir, Path packets, java.util.Set<String> onlyMns)
      throws IOException {
    SimulatedRegion region = SimulatedRegion.load(registryDir);
    Registry registry = region.registry();
    Map<String, String> passwords = new HashMap<>();
    region.devices().forEach(d -> passwords.put(d.mn(), d.pw()));
    DevicePipeline pipeline =
        new DevicePipeline(registry, AlertThresholds.defaults(), PipelineSettings.defaults());
    Map<String, DeviceState> states = new HashMap<>();
    Hj212Decoder decoder = new Hj212Decoder();
    SplitPacketAssembler assembler =
        new SplitPacketAssembler(Duration.ofHours(1), 10_000, 100_000_000, InstantSource.system());
    List<Alert> opened = new ArrayList<>();
    Map<Long, Hj212RejectReason> rejected = new TreeMap<>();
    Map<String, Integer> auth = new TreeMap<>();
    Map<String, Integer> authByMn = new TreeMap<>();
    long samples = 0;
    long lineNo = 0;
    long clock = Long.MIN_VALUE;
    long lastTick = Long.MIN_VALUE;
    try (BufferedReader in = Files.newBufferedReader(packets, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (onlyMns != null && !onlyMns.contains(mnOf(line))) {
          continue;
        }
        Hj212DecodeResult r = decoder.decode(line.getBytes(StandardCharsets.UTF_8));
        if (r instanceof Hj212DecodeResult.Rejected rej) {
          rejected.put(lineNo, rej.reason());
          continue;
        }
        Hj212Packet p = r.packetOrNull();
        String pw = passwords.get(p.mn());
        if (pw == null || !pw.equals(p.pw())) {
          String why = pw == null ? "UNKNOWN_DEVICE" : "WRONG_PASSWORD";
          auth.merge(why, 1, Integer::sum);
          authByMn.merge(why + "/" + p.mn(), 1, Integer::sum);
          continue;
        }
        for (SplitPacketAssembler.Event e : assembler.offer(p)) {
          if (!(e instanceof SplitPacketAssembler.Completed done)) {
            throw new IllegalStateException("split packet dropped: " + e);
          }
          Hj212Packet whole = done.packet();
          if (!Hj212Records.isSample(whole)) {
            continue;
          }
          clock = Math.max(clock, end(whole));
          for (long m = lastTick + MINUTE; lastTick != Long.MIN_VALUE && m <= clock; m += MINUTE) {
            for (Map.Entry<String, DeviceState> device : states.entrySet()) {
              collect(
                  pipeline.onTick(device.getValue(), device.getKey(), Instant.ofEpochMilli(m)),
                  opened);
            }
          }
          lastTick = Math.floorDiv(clock, MINUTE) * MINUTE;
          CemsSample s = Hj212Records.toCemsSample(whole, Instant.ofEpochMilli(clock), false);
          DeviceState state = states.computeIfAbsent(whole.mn(), k -> pipeline.newState());
          collect(pipeline.onSample(state, s), opened);
          samples++;
        }
      }
    }
    for (Map.Entry<String, DeviceState> e : states.entrySet()) {
      collect(pipeline.onEndOfInput(e.getValue(), e.getKey()), opened);
    }
    return new Result(opened, rejected, auth, authByMn, samples);
  }

  private static void collect(DeviceOutputs out, List<Alert> opened) {
    for (Alert a : out.alerts()) {
      if (a.lifecycle() == AlertLifecycle.OPENED) {
        opened.add(a);
      }
    }
  }

  /**
   * The file's clock as the replay command keeps it: the end of the period of the newest DataTime
   * read so far (a minute record's end, an hour's end), used as the receive time of every packet
   * and for event-time ticks every minute.
   */
  private static long end(Hj212Packet p) {
    long start = p.dataTime().toInstant(CstTime.OFFSET).toEpochMilli();
    return switch (p.cn()) {
      case "2061" -> start + 3_600_000;
      case "2051" -> start + MINUTE;
      default -> start;
    };
  }

  private static final long MINUTE = 60_000;

  private static String mnOf(String line) {
    int at = line.indexOf(";MN=");
    if (at < 0) {
      return "";
    }
    int end = line.indexOf(';', at + 4);
    return end < 0 ? line.substring(at + 4) : line.substring(at + 4, end);
  }
}
