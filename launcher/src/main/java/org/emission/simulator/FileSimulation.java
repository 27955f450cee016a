package org.emission.simulator;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import org.emission.hj212.Hj212RejectReason;

/**
 * File mode: the historical range written as the gateway would have received it, one frame per
 * line, all loggers merged in send-time order — late re-sends (补传) where a logger would send them,
 * damaged frames, spoofed and unregistered packets included — without any server.
 */
final class FileSimulation {

  private final SimulatedRegion region;
  private final long from;
  private final long to;
  private final long seed;
  private final int rtdSeconds;
  private final long ackTimeoutMillis;
  private final int retries;

  FileSimulation(
      SimulatedRegion region,
      long from,
      long to,
      long seed,
      int rtdSeconds,
      long ackTimeoutMillis,
      int retries) {
    if (to <= from) {
      throw new IllegalArgumentException("--to must be after --from");
    }
    this.region = region;
    this.from = from;
    this.to = to;
    this.seed = seed;
    this.rtdSeconds = rtdSeconds;
    this.ackTimeoutMillis = ackTimeoutMillis;
    this.retries = retries;
  }

  FileRun run(Path packets, Path incidentsFile, Path metersFile) throws IOException {
    long started = System.nanoTime();
    IncidentPlan plan = IncidentPlan.schedule(region, from, to, seed, 1.0);
    List<RecordedLink> links = new ArrayList<>();
    for (DeviceSpec d : region.devices()) {
      DataLogger logger =
          new DataLogger(d, region.registry(), seed, plan, from, to, rtdSeconds, false);
      links.add(new RecordedLink(logger, plan.forDevice(d.mn()), seed, ackTimeoutMillis, retries));
    }
    DeviceSpec unregistered = plan.unregistered();
    if (unregistered != null) {
      Incident w = plan.forDevice(unregistered.mn());
      DataLogger logger =
          new DataLogger(
              unregistered, region.registry(), seed, null, w.start(), w.end(), rtdSeconds, false);
      links.add(new RecordedLink(logger, seed, ackTimeoutMillis, retries, "unregistered"));
    }
    Map<String, Long> byCn = new TreeMap<>();
    Map<Long, Hj212RejectReason> malformed = new TreeMap<>();
    long lines = 0;
    long impostor = 0;
    long unknown = 0;
    createParent(packets);
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(packets), 1 << 20)) {
      PriorityQueue<RecordedLink> queue =
          new PriorityQueue<>(
              Comparator.comparingLong(RecordedLink::peekTime)
                  .thenComparingInt(RecordedLink::order));
      for (RecordedLink l : links) {
        if (l.peekTime() != Long.MAX_VALUE) {
          queue.add(l);
        }
      }
      while (!queue.isEmpty()) {
        RecordedLink l = queue.poll();
        Line line = l.poll();
        out.write(line.bytes());
        out.write('\n');
        lines++;
        byCn.merge(line.cn(), 1L, Long::sum);
        if (line.malformed() != null) {
          malformed.put(lines, line.malformed());
        }
        if (line.sender().equals("impostor")) {
          impostor++;
        } else if (line.sender().equals("unregistered")) {
          unknown++;
        }
        if (l.peekTime() != Long.MAX_VALUE) {
          queue.add(l);
        }
      }
    }
    List<Incident> incidents = new ArrayList<>(plan.incidents());
    long meterRecords = 0;
    if (metersFile != null) {
      MeterSimulation meters = new MeterSimulation(region, seed, from, to);
      createParent(metersFile);
      try (OutputStream out =
          new BufferedOutputStream(Files.newOutputStream(metersFile), 1 << 16)) {
        for (long t =
                Math.floorDiv(from, MeterSimulation.STEP) * MeterSimulation.STEP
                    + MeterSimulation.STEP;
            t <= to;
            t += MeterSimulation.STEP) {
          for (MeterRecord r : meters.step(t)) {
            out.write(r.json().getBytes(StandardCharsets.UTF_8));
            out.write('\n');
            meterRecords++;
          }
        }
      }
      incidents.addAll(meters.incidents());
    }
    incidents = renumber(incidents);
    IncidentsFile.write(incidentsFile, incidents);
    List<String> clean = new ArrayList<>();
    for (DeviceSpec d : region.devices()) {
      if (plan.forDevice(d.mn()) == null) {
        clean.add(d.mn());
      }
    }
    return new FileRun(
        packets,
        lines,
        byCn,
        malformed,
        impostor,
        unknown,
        incidents,
        clean,
        meterRecords,
        (System.nanoTime() - started) / 1_000_000);
  }

  /** Incidents in start order, numbered INC-001.. . */
  static List<Incident> renumber(List<Incident> incidents) {
    List<Incident> sorted = new ArrayList<>(incidents);
    sorted.sort(
        Comparator.comparingLong(Incident::start)
            .thenComparing(Incident::mn)
            .thenComparing(Incident::subject));
    List<Incident> out = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      out.add(sorted.get(i).withId(String.format("INC-%03d", i + 1)));
    }
    return out;
  }

  private static void createParent(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
  }
}
