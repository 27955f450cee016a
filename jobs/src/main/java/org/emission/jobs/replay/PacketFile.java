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
import java.util.Arrays;
import java.util.List;
import org.emission.gateway.Device;
import org.emission.gateway.DeviceDirectory;
import org.emission.hj212.Hj212DecodeResult;
import org.emission.hj212.Hj212Decoder;
import org.emission.hj212.Hj212Encoder;
import org.emission.hj212.Hj212Packet;
import org.emission.hj212.Hj212Records;
import org.emission.hj212.MnSniffer;
import org.emission.hj212.SampleSniffer;
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
  private final Owner owner;
  private transient Hj212Decoder decoder;
  private transient DeviceDirectory devices;
  private transient SplitPacketAssembler assembler;
  private long clock = Long.MIN_VALUE;
  private long lineNumber;

  /**
   * Which MNs a reader of a partitioned file reports (see {@link PacketFileSource}); the MN is
   * empty for a line whose MN cannot be read.
   */
  @FunctionalInterface
  public interface Owner extends Serializable {
    boolean owns(String mn);
  }

  /** A reader of the whole file. */
  public PacketFile(Path registryDir) {
    this(registryDir, mn -> true);
  }

  /**
   * A reader of one part of the file: it reads every line, so that its clock is the whole file's
   * clock, but gives samples and rejects only of the MNs it owns.
   */
  public PacketFile(Path registryDir, Owner owner) {
    this.registryDir = registryDir.toAbsolutePath().toString();
    this.owner = owner;
  }

  /** The file's clock: the end of the newest interval read so far (epoch ms), or MIN_VALUE. */
  public long clock() {
    return clock;
  }

  /** Decodes the next line of the file; blank lines give nothing. */
  public List<Line> next(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return next(bytes, 0, bytes.length);
  }

  /**
   * Decodes the next line of the file, {@code buf[off, off + len)} without its line terminator; the
   * bytes are copied where they are kept, so the caller may reuse the buffer.
   */
  public List<Line> next(byte[] buf, int off, int len) {
    lineNumber++;
    if (decoder == null) {
      open();
    }
    int from = off;
    int to = off + len;
    while (from < to && isBlank(buf[from])) {
      from++;
    }
    while (to > from && isBlank(buf[to - 1])) {
      to--;
    }
    if (from == to) {
      return List.of();
    }
    if (skipsForeignLine(buf, from, to)) {
      return List.of();
    }
    // the packet keeps the bytes it was decoded from, and the assembler may keep the packet
    byte[] line = Arrays.copyOfRange(buf, from, to);
    Hj212DecodeResult result = decoder.decode(line);
    if (!(result instanceof Hj212DecodeResult.Accepted accepted)) {
      String mn = MnSniffer.find(line);
      return owns(mn)
          ? List.of(reject(mn, ((Hj212DecodeResult.Rejected) result).reasonText(), text(line)))
          : List.of();
    }
    Hj212Packet packet = accepted.packet();
    String mn = packet.mn();
    if (devices != null) {
      Device device = devices.find(mn);
      if (device == null) {
        return owns(mn)
            ? List.of(reject(mn, "UNKNOWN_DEVICE: MN " + mn + " is not in devices.csv", text(line)))
            : List.of();
      }
      if (!device.pw().equals(packet.pw())) {
        return owns(mn)
            ? List.of(reject(mn, "WRONG_PASSWORD: PW does not match devices.csv", text(line)))
            : List.of();
      }
    }
    if (!Hj212Records.isSample(packet)) {
      return List.of();
    }
    // received: the clock moves on before the assembler looks at its timeouts
    clock = Math.max(clock, intervalEnd(packet));
    if (!owns(mn)) {
      // another reader's line: only the timeouts of this reader's open groups may pass
      return events(assembler.expire());
    }
    return events(assembler.offer(packet));
  }

  /**
   * Whether a line can be passed over without decoding: another reader's line (by its MN) that
   * cannot move the clock, because the end of its interval is not after it. Decoded, such a line
   * would give this reader nothing: a reject or sample of another MN, the clock unchanged, and so
   * no split timeout passing either (those move only with the clock). Most lines are such lines;
   * only those that would move the clock, or whose CN, DataTime or MN cannot be read plainly, are
   * decoded in every reader.
   */
  private boolean skipsForeignLine(byte[] buf, int from, int to) {
    if (clock == Long.MIN_VALUE) {
      return false;
    }
    String mn = MnSniffer.find(buf, from, to - from);
    if (mn == null || owner.owns(mn)) {
      return false;
    }
    SampleSniffer.Sniffed sniffed = SampleSniffer.find(buf, from, to - from);
    return sniffed != null && intervalEnd(sniffed.cn(), sniffed.dataTime()) <= clock;
  }

  private boolean owns(String mn) {
    return owner.owns(mn == null ? "" : mn);
  }

  private List<Line> events(List<SplitPacketAssembler.Event> events) {
    if (events.isEmpty()) {
      return List.of();
    }
    List<Line> out = new ArrayList<>(events.size());
    for (SplitPacketAssembler.Event event : events) {
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

  private static boolean isBlank(byte b) {
    return b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == '\f' || b == 0x0B;
  }

  private static String text(byte[] line) {
    return new String(line, StandardCharsets.UTF_8);
  }

  /** The end of the period the packet's DataTime starts, as the file's clock counts it. */
  private static long intervalEnd(Hj212Packet packet) {
    return intervalEnd(packet.cn(), packet.dataTime());
  }

  private static long intervalEnd(String cn, LocalDateTime start) {
    return start.plus(interval(cn)).toInstant(Hj212Records.CHINA_STANDARD_TIME).toEpochMilli();
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
