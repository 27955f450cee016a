package org.emission.jobs.replay;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.emission.gateway.Device;
import org.emission.gateway.DeviceDirectory;
import org.emission.hj212.Hj212DecodeResult;
import org.emission.hj212.Hj212Decoder;
import org.emission.hj212.Hj212Encoder;
import org.emission.hj212.Hj212Packet;
import org.emission.hj212.Hj212Records;
import org.emission.hj212.MnSniffer;
import org.emission.hj212.SplitPacketAssembler;
import org.emission.records.CemsSample;

/**
 * Reads a file of HJ 212 packets, one per line, in the order loggers sent them, as the gateway
 * would: decode, authenticate against {@code devices.csv} when the registry has one, reassemble
 * split packets, and give each sample a receive time.
 *
 * <p>A file has no receive times, so the file keeps its own clock: the latest data time seen so far
 * (the end of the newest interval). A packet is "received" at the later of that clock and the end
 * of its own interval, so live data arrives as it is measured and data re-sent after an outage (补传)
 * arrives late, at the time of its re-sending.
 */
public final class PacketFile implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * A line that did not become a sample, with why: the line read when it was found (for a split
   * group given up, the line at which its timeout passed), the MN when one can be read, and the
   * text (of a group given up, its sub-packets).
   */
  public record Reject(long line, String mn, String reason, String text) implements Serializable {}

  /** What one line gave: at most one sample, or a reject. */
  public record Line(CemsSample sample, Reject reject) implements Serializable {}

  private final String registryDir;
  private transient Hj212Decoder decoder;
  private transient DeviceDirectory devices;
  private transient SplitPacketAssembler assembler;
  private long clock = Long.MIN_VALUE;
  private long lineNumber;

  public PacketFile(Path registryDir) {
    this.registryDir = registryDir.toAbsolutePath().toString();
  }

  /** Decodes the next line of the file; blank lines give nothing. */
  public List<Line> next(String text) {
    lineNumber++;
    if (decoder == null) {
      open();
    }
    String line = text.strip();
    if (line.isEmpty()) {
      return List.of();
    }
    Hj212DecodeResult result = decoder.decode(line);
    if (!(result instanceof Hj212DecodeResult.Accepted accepted)) {
      return List.of(
          reject(
              MnSniffer.find(line.getBytes(StandardCharsets.UTF_8)),
              ((Hj212DecodeResult.Rejected) result).reasonText(),
              line));
    }
    Hj212Packet packet = accepted.packet();
    if (devices != null) {
      Device device = devices.find(packet.mn());
      if (device == null) {
        return List.of(
            reject(
                packet.mn(), "UNKNOWN_DEVICE: MN " + packet.mn() + " is not in devices.csv", line));
      }
      if (!device.pw().equals(packet.pw())) {
        return List.of(reject(packet.mn(), "WRONG_PASSWORD: PW does not match devices.csv", line));
      }
    }
    if (!Hj212Records.isSample(packet)) {
      return List.of();
    }
    // received: the clock moves on before the assembler looks at its timeouts
    clock = Math.max(clock, intervalEnd(packet));
    List<Line> out = new ArrayList<>(1);
    for (SplitPacketAssembler.Event event : assembler.offer(packet)) {
      if (event instanceof SplitPacketAssembler.Completed completed) {
        out.add(
            new Line(
                Hj212Records.toCemsSample(completed.packet(), Instant.ofEpochMilli(clock), false),
                null));
      } else if (event instanceof SplitPacketAssembler.Dropped dropped) {
        StringBuilder parts = new StringBuilder();
        dropped.parts().forEach(part -> parts.append(Hj212Encoder.encodeToString(part).strip()));
        out.add(
            reject(
                dropped.key().mn(),
                dropped.reason().name() + ": " + dropped.message(),
                parts.toString()));
      }
    }
    return out;
  }

  /** The end of the period the packet's DataTime starts, as the file's clock counts it. */
  private static long intervalEnd(Hj212Packet packet) {
    LocalDateTime start = packet.dataTime();
    return start
        .plus(interval(packet.cn()))
        .toInstant(Hj212Records.CHINA_STANDARD_TIME)
        .toEpochMilli();
  }

  /** The period a packet's DataTime starts (HJ 212-2017 Table 4 DataTime). */
  private static Duration interval(String cn) {
    return switch (cn) {
      case "2061" -> Duration.ofHours(1);
      case "2031", "2041" -> Duration.ofDays(1);
      case "2051" -> Duration.ofMinutes(1);
      default -> Duration.ZERO;
    };
  }

  private Line reject(String mn, String reason, String text) {
    return new Line(null, new Reject(lineNumber, mn == null ? "" : mn, reason, text));
  }

  private InstantSource fileClock() {
    return () -> Instant.ofEpochMilli(Math.max(clock, 0));
  }

  private void open() {
    decoder = new Hj212Decoder();
    Path dir = Path.of(registryDir);
    devices =
        Files.exists(dir.resolve(DeviceDirectory.FILE_NAME)) ? DeviceDirectory.load(dir) : null;
    // the file's clock, not the wall clock, times out sub-packets that never complete
    assembler = new SplitPacketAssembler(Duration.ofMinutes(10), 10_000, 64L << 20, fileClock());
  }
}
