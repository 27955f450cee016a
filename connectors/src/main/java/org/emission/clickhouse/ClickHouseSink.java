package org.emission.clickhouse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * A Flink sink writing records into one ClickHouse table in batches.
 *
 * <p>Batches are written by a background thread, so the operator chain feeding the sink (which also
 * feeds the alerts to Kafka) never waits for ClickHouse; at most {@value #IN_FLIGHT} batches are
 * pending, beyond that the writer blocks, which is back-pressure. Every checkpoint ({@link
 * SinkWriter#flush}) waits until ClickHouse has everything written before it, so a completed
 * checkpoint means ClickHouse has the rows: at-least-once delivery into idempotent tables gives
 * exactly-once results.
 */
public final class ClickHouseSink<T> implements Sink<T> {
  private static final int IN_FLIGHT = 2;

  private final ClickHouseSettings settings;
  private final ClickHouseTable<T> table;
  private final int batchSize;

  private ClickHouseSink(ClickHouseSettings settings, ClickHouseTable<T> table, int batchSize) {
    this.settings = settings;
    this.table = table;
    this.batchSize = batchSize;
  }

  public static <T> ClickHouseSink<T> into(
      ClickHouseSettings settings, ClickHouseTable<T> table, int batchSize) {
    return new ClickHouseSink<>(settings, table, batchSize);
  }

  @Override
  public SinkWriter<T> createWriter(WriterInitContext context) {
    return new Writer<>(settings, table, batchSize);
  }

  private static final class Writer<T> implements SinkWriter<T> {
    private final ClickHouseBatchWriter<T> writer;
    private final int batchSize;
    private final ExecutorService background;
    private final List<Future<?>> pending = new ArrayList<>();
    private List<T> batch;

    Writer(ClickHouseSettings settings, ClickHouseTable<T> table, int batchSize) {
      // the batch writer buffers nothing itself here: each call writes one whole batch
      this.writer = new ClickHouseBatchWriter<>(settings, table, Integer.MAX_VALUE);
      this.batchSize = batchSize;
      this.batch = new ArrayList<>(Math.min(batchSize, 1024));
      this.background =
          Executors.newSingleThreadExecutor(
              r -> {
                Thread thread = new Thread(r, "clickhouse-" + table.table());
                thread.setDaemon(true);
                return thread;
              });
    }

    @Override
    public void write(T element, Context context) throws IOException, InterruptedException {
      batch.add(element);
      if (batch.size() >= batchSize) {
        submit();
      }
    }

    @Override
    public void flush(boolean endOfInput) throws IOException, InterruptedException {
      submit();
      awaitAll();
    }

    private void submit() throws IOException, InterruptedException {
      if (batch.isEmpty()) {
        return;
      }
      List<T> rows = batch;
      batch = new ArrayList<>(Math.min(batchSize, 1024));
      pending.removeIf(Future::isDone);
      while (pending.size() >= IN_FLIGHT) {
        await(pending.remove(0));
      }
      pending.add(
          background.submit(
              () -> {
                for (T row : rows) {
                  writer.add(row);
                }
                writer.flush();
                return null;
              }));
    }

    private void awaitAll() throws IOException, InterruptedException {
      while (!pending.isEmpty()) {
        await(pending.remove(0));
      }
    }

    private static void await(Future<?> write) throws IOException, InterruptedException {
      try {
        write.get();
      } catch (ExecutionException e) {
        throw new IOException("writing to ClickHouse failed", e.getCause());
      }
    }

    /**
     * Flink flushes before a normal end; a close without that flush is a cancellation or failure,
     * so what is not written yet is dropped here and written again from the last checkpoint.
     */
    @Override
    public void close() {
      background.shutdownNow();
      writer.discard();
    }
  }
}
