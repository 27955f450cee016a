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
import org.emission.domain.registry.LimitRule;
import org.emission.domain.registry.Outlet;
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
 * {@link DevicePipeline} with the default thresholds, collecting the alerts opened.
 *
 * <p>A second device of an outlet (a flue of a shared stack, only in devices.csv) is judged as an
 * outlet of its own here — with its outlet's limits — so that it can be checked for false alerts
 * too; how the job maps such devices is for the job to decide.
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
    SimulatedRegion region = SimulatedRegion.load(registryDir);
    Registry registry = perDeviceRegistry(region);
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
    try (BufferedReader in = Files.newBufferedReader(packets, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        lineNo++;
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
          Instant received = receivedAt(whole);
          CemsSample s = Hj212Records.toCemsSample(whole, received, false);
          DeviceState state = states.computeIfAbsent(whole.mn(), k -> pipeline.newState());
          DeviceOutputs out = pipeline.onSample(state, s);
          samples++;
          for (Alert a : out.alerts()) {
            if (a.lifecycle() == AlertLifecycle.OPENED) {
              opened.add(a);
            }
          }
        }
      }
    }
    return new Result(opened, rejected, auth, authByMn, samples);
  }

  private static Instant receivedAt(Hj212Packet p) {
    String qn = p.qn();
    if (qn != null && qn.length() == 17) {
      return Instant.ofEpochMilli(
          CstTime.millis(
              java.time.LocalDateTime.parse(
                  qn, java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS"))));
    }
    return p.dataTime().toInstant(CstTime.OFFSET).plusSeconds(70);
  }

  /** The registry with each second device as an outlet of its own, with its outlet's limits. */
  static Registry perDeviceRegistry(SimulatedRegion region) {
    Registry base = region.registry();
    List<Outlet> outlets = new ArrayList<>(base.outlets());
    List<LimitRule> limits = new ArrayList<>(base.limits());
    for (DeviceSpec d : region.devices()) {
      if (d.primary()) {
        continue;
      }
      Outlet o = d.outlet();
      String id = o.id() + "~" + d.mn();
      outlets.add(
          new Outlet(
              id,
              o.enterpriseId(),
              o.name(),
              o.kind(),
              d.mn(),
              o.facility(),
              o.o2Ref(),
              o.status(),
              o.statusSince(),
              o.flowUnit(),
              o.minIntervalMinutes()));
      for (LimitRule r : base.limits()) {
        if (o.id().equals(r.outletId())) {
          limits.add(
              new LimitRule(
                  id,
                  id,
                  null,
                  r.pollutant(),
                  r.kind(),
                  r.value(),
                  r.unit(),
                  r.averaging(),
                  r.effectiveFrom(),
                  r.effectiveTo(),
                  r.source(),
                  r.line()));
        }
      }
    }
    return Registry.of(base.enterprises(), outlets, limits);
  }
}
