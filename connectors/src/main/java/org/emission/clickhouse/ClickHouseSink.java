package org.emission.clickhouse;

import java.io.IOException;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * A Flink sink writing records into one ClickHouse table in batches. Buffered rows are written at
 * every checkpoint ({@link SinkWriter#flush}), so a completed checkpoint means ClickHouse has them:
 * at-least-once delivery into idempotent tables gives exactly-once results.
 */
public final class ClickHouseSink<T> implements Sink<T> {
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
    return new Writer<>(new ClickHouseBatchWriter<>(settings, table, batchSize));
  }

  private static final class Writer<T> implements SinkWriter<T> {
    private final ClickHouseBatchWriter<T> writer;

    Writer(ClickHouseBatchWriter<T> writer) {
      this.writer = writer;
    }

    @Override
    public void write(T element, Context context) throws IOException, InterruptedException {
      writer.add(element);
    }

    @Override
    public void flush(boolean endOfInput) throws IOException, InterruptedException {
      writer.flush();
    }

    @Override
    public void close() throws Exception {
      writer.close();
    }
  }
}
