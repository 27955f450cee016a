package org.emission.jobs.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * The end of a replay: one writer (parallelism 1) gathers every result and reject into a {@link
 * ReplayCsvWriter} and writes the CSV files when the input ends.
 */
final class ReplayCsvSink implements Sink<ReplayJob.Item> {
  private static final long serialVersionUID = 1L;

  private final String outDir;

  ReplayCsvSink(Path outDir) {
    this.outDir = outDir.toAbsolutePath().toString();
  }

  @Override
  public SinkWriter<ReplayJob.Item> createWriter(WriterInitContext context) {
    return new Writer(Path.of(outDir));
  }

  private static final class Writer implements SinkWriter<ReplayJob.Item> {
    private final Path outDir;
    private final ReplayCsvWriter csv = new ReplayCsvWriter();

    Writer(Path outDir) {
      this.outDir = outDir;
    }

    @Override
    public void write(ReplayJob.Item item, Context context) {
      if (item.result() != null) {
        csv.accept(item.result());
      } else {
        csv.reject(item.reject());
      }
    }

    @Override
    public void flush(boolean endOfInput) {
      if (endOfInput) {
        try {
          csv.write(outDir);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot write the replay's CSV files to " + outDir, e);
        }
      }
    }

    /** Deletes the writer's temporary files when the input did not end (a failed replay). */
    @Override
    public void close() {
      csv.close();
    }
  }
}
