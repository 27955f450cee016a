package org.emission.jobs.replay;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.core.io.InputStatus;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.emission.domain.Cst;

/**
 * A file of HJ 212 packets read by parallel readers, each giving the samples and rejects of the MNs
 * whose key groups its subtask owns, so that decoding and the compliance operator keyed by MN run
 * chained in one thread per subtask, with no shuffle between them.
 *
 * <p>Every reader reads and decodes every line: the file's clock ({@link PacketFile}) is the newest
 * data time of the whole file, and a sample's receive time must not depend on the parallelism.
 * Samples are stamped with their receive time; a reader emits a watermark just before the file's
 * clock enters a new minute, from every line and not only its own, so that every subtask's
 * per-minute ticks run at the same point of the input on every run, however the MNs are spread.
 *
 * <p>Bounded and not checkpointed: a replay that fails is run again from the start.
 */
final class PacketFileSource implements Source<PacketFile.Line, PacketFileSource.Partition, Void> {
  private static final long serialVersionUID = 1L;

  /** Longest line kept; longer lines are cut there (the decoder rejects them as too long). */
  static final int MAX_LINE_BYTES = 1 << 20;

  private final String registryDir;
  private final String packets;
  private final int maxParallelism;

  /**
   * @param maxParallelism the max parallelism (number of key groups) of the operator keyed by MN
   *     downstream, which decides which subtask owns an MN
   */
  PacketFileSource(Path registryDir, Path packets, int maxParallelism) {
    this.registryDir = registryDir.toAbsolutePath().toString();
    this.packets = packets.toAbsolutePath().toString();
    this.maxParallelism = maxParallelism;
  }

  /** The part of the file of subtask {@code index} of {@code count}. */
  record Partition(int index, int count) implements SourceSplit {
    @Override
    public String splitId() {
      return index + "/" + count;
    }
  }

  @Override
  public Boundedness getBoundedness() {
    return Boundedness.BOUNDED;
  }

  @Override
  public SplitEnumerator<Partition, Void> createEnumerator(
      SplitEnumeratorContext<Partition> context) {
    return new Enumerator(context);
  }

  @Override
  public SplitEnumerator<Partition, Void> restoreEnumerator(
      SplitEnumeratorContext<Partition> context, Void checkpoint) {
    return new Enumerator(context);
  }

  @Override
  public SimpleVersionedSerializer<Partition> getSplitSerializer() {
    return new PartitionSerializer();
  }

  @Override
  public SimpleVersionedSerializer<Void> getEnumeratorCheckpointSerializer() {
    return new NothingSerializer();
  }

  @Override
  public SourceReader<PacketFile.Line, Partition> createReader(SourceReaderContext context) {
    return new Reader(Path.of(registryDir), Path.of(packets), maxParallelism);
  }

  /** Gives each reader the partition of its own subtask when it registers. */
  private static final class Enumerator implements SplitEnumerator<Partition, Void> {
    private final SplitEnumeratorContext<Partition> context;

    Enumerator(SplitEnumeratorContext<Partition> context) {
      this.context = context;
    }

    @Override
    public void start() {}

    @Override
    public void addReader(int subtask) {
      context.assignSplit(new Partition(subtask, context.currentParallelism()), subtask);
      context.signalNoMoreSplits(subtask);
    }

    @Override
    public void handleSplitRequest(int subtask, String hostname) {}

    @Override
    public void addSplitsBack(List<Partition> splits, int subtask) {
      // a restarted reader registers again and is given its partition then
    }

    @Override
    public Void snapshotState(long checkpointId) {
      return null;
    }

    @Override
    public void close() {}
  }

  /** Reads the whole file and gives the lines of its partition. */
  private static final class Reader implements SourceReader<PacketFile.Line, Partition> {
    private final Path registryDir;
    private final Path packets;
    private final int maxParallelism;
    private final CompletableFuture<Void> partitionAssigned = new CompletableFuture<>();
    private Partition partition;
    private PacketFile file;
    private Lines lines;
    private long watermarkMinute = Long.MIN_VALUE;

    Reader(Path registryDir, Path packets, int maxParallelism) {
      this.registryDir = registryDir;
      this.packets = packets;
      this.maxParallelism = maxParallelism;
    }

    @Override
    public void start() {}

    @Override
    public void addSplits(List<Partition> splits) {
      if (partition != null || splits.size() != 1) {
        throw new IllegalStateException("a reader of the packet file reads one partition");
      }
      Partition p = splits.get(0);
      partition = p;
      int parallelism = p.count();
      int index = p.index();
      int keyGroups = maxParallelism;
      file =
          new PacketFile(
              registryDir,
              mn ->
                  KeyGroupRangeAssignment.assignKeyToParallelOperator(mn, keyGroups, parallelism)
                      == index);
      try {
        lines = new Lines(Files.newInputStream(packets));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the packet file " + packets, e);
      }
      partitionAssigned.complete(null);
    }

    @Override
    public void notifyNoMoreSplits() {
      if (partition == null) {
        // more readers than the enumerator had partitions for: nothing to read
        partitionAssigned.complete(null);
      }
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
      return partitionAssigned;
    }

    @Override
    public InputStatus pollNext(ReaderOutput<PacketFile.Line> output) throws IOException {
      if (lines == null) {
        return partitionAssigned.isDone()
            ? InputStatus.END_OF_INPUT
            : InputStatus.NOTHING_AVAILABLE;
      }
      // a batch of lines per call, so that the mailbox is checked now and then
      for (int batch = 0; batch < 256; batch++) {
        if (!lines.next()) {
          return InputStatus.END_OF_INPUT;
        }
        List<PacketFile.Line> read = file.next(lines.buffer(), lines.start(), lines.length());
        long clock = file.clock();
        if (clock != Long.MIN_VALUE) {
          long minute = Math.floorDiv(clock, Cst.MINUTE_MS);
          if (minute > watermarkMinute) {
            watermarkMinute = minute;
            output.emitWatermark(new Watermark(minute * Cst.MINUTE_MS - 1));
          }
        }
        for (PacketFile.Line line : read) {
          if (line.sample() != null) {
            output.collect(line, line.sample().receivedAt().toEpochMilli());
          } else {
            output.collect(line);
          }
        }
      }
      return InputStatus.MORE_AVAILABLE;
    }

    @Override
    public List<Partition> snapshotState(long checkpointId) {
      return partition == null ? List.of() : List.of(partition);
    }

    @Override
    public void close() throws IOException {
      if (lines != null) {
        lines.close();
      }
    }
  }

  /**
   * The lines of a stream of bytes, ended by LF, CR or CR LF as {@link
   * java.io.BufferedReader#readLine()} counts them; the bytes are given as read, without decoding.
   * A line longer than {@link #MAX_LINE_BYTES} is cut there.
   */
  static final class Lines implements AutoCloseable {
    private final InputStream in;
    private byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private boolean skipLf;
    private int start;
    private int length;

    Lines(InputStream in) {
      this.in = in;
    }

    /** Moves to the next line, {@code buffer()[start(), start() + length())}; false at the end. */
    boolean next() throws IOException {
      if (skipLf) {
        skipLf = false;
        if (pos == limit && !read()) {
          return false;
        }
        if (buf[pos] == '\n') {
          pos++;
        }
      }
      int i = pos;
      while (true) {
        for (; i < limit; i++) {
          byte b = buf[i];
          if (b == '\n' || b == '\r') {
            start = pos;
            length = Math.min(i - pos, MAX_LINE_BYTES);
            pos = i + 1;
            skipLf = b == '\r';
            return true;
          }
        }
        if (limit - pos > MAX_LINE_BYTES) {
          // no end in sight: keep the first bytes, drop the rest of the line as it comes
          limit = pos + MAX_LINE_BYTES;
          i = limit;
        }
        i -= pos;
        if (!read()) {
          start = pos;
          length = Math.min(limit - pos, MAX_LINE_BYTES);
          pos = limit;
          return length > 0;
        }
      }
    }

    /**
     * Moves the unread bytes to the front of the buffer and reads more after them; false at the end
     * of the stream.
     */
    private boolean read() throws IOException {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      limit -= pos;
      pos = 0;
      if (limit == buf.length) {
        buf = Arrays.copyOf(buf, buf.length * 2);
      }
      int n = in.read(buf, limit, buf.length - limit);
      if (n < 0) {
        return false;
      }
      limit += n;
      return true;
    }

    int start() {
      return start;
    }

    byte[] buffer() {
      return buf;
    }

    int length() {
      return length;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  private static final class PartitionSerializer implements SimpleVersionedSerializer<Partition> {
    @Override
    public int getVersion() {
      return 1;
    }

    @Override
    public byte[] serialize(Partition p) {
      return ByteBuffer.allocate(8).putInt(p.index()).putInt(p.count()).array();
    }

    @Override
    public Partition deserialize(int version, byte[] serialized) {
      ByteBuffer b = ByteBuffer.wrap(serialized);
      return new Partition(b.getInt(), b.getInt());
    }
  }

  private static final class NothingSerializer implements SimpleVersionedSerializer<Void> {
    @Override
    public int getVersion() {
      return 1;
    }

    @Override
    public byte[] serialize(Void nothing) {
      return new byte[0];
    }

    @Override
    public Void deserialize(int version, byte[] serialized) {
      return null;
    }
  }
}
