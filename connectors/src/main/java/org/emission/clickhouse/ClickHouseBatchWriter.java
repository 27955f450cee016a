package org.emission.clickhouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buffers rows for one table and writes them as one batched INSERT. A failed write is retried with
 * exponential backoff for as long as it takes: the caller blocks, which in Flink is back-pressure,
 * so nothing is lost while ClickHouse is down. The tables are idempotent (ReplacingMergeTree with a
 * version), so a batch written twice after a restart changes nothing.
 */
public final class ClickHouseBatchWriter<T> implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ClickHouseBatchWriter.class);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  private final ClickHouseSettings settings;
  private final ClickHouseTable<T> table;
  private final int batchSize;
  private final List<Object[]> buffer = new ArrayList<>();
  private Connection connection;
  private long rowsWritten;

  public ClickHouseBatchWriter(
      ClickHouseSettings settings, ClickHouseTable<T> table, int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
    }
    this.settings = settings;
    this.table = table;
    this.batchSize = batchSize;
  }

  public void add(T record) throws InterruptedException {
    buffer.add(table.values().apply(record));
    if (buffer.size() >= batchSize) {
      flush();
    }
  }

  /** Writes what is buffered, retrying until ClickHouse has it. */
  public void flush() throws InterruptedException {
    if (buffer.isEmpty()) {
      return;
    }
    long backoffMillis = 200;
    for (int attempt = 1; ; attempt++) {
      try {
        write();
        rowsWritten += buffer.size();
        buffer.clear();
        return;
      } catch (SQLException | RuntimeException e) {
        closeConnection();
        LOG.warn(
            "writing {} rows to {} failed (attempt {}), retrying in {} ms: {}",
            buffer.size(),
            table.table(),
            attempt,
            backoffMillis,
            e.getMessage());
        Thread.sleep(backoffMillis);
        backoffMillis = Math.min(backoffMillis * 2, MAX_BACKOFF.toMillis());
      }
    }
  }

  public long rowsWritten() {
    return rowsWritten;
  }

  private void write() throws SQLException {
    if (connection == null) {
      connection = settings.connect();
    }
    try (PreparedStatement insert = connection.prepareStatement(table.insertSql())) {
      for (Object[] row : buffer) {
        for (int i = 0; i < row.length; i++) {
          insert.setObject(i + 1, row[i]);
        }
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private void closeConnection() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        LOG.debug("closing a broken connection failed", e);
      }
      connection = null;
    }
  }

  /** Drops what is buffered and closes the connection, without writing. */
  public void discard() {
    buffer.clear();
    closeConnection();
  }

  @Override
  public void close() throws InterruptedException {
    try {
      flush();
    } finally {
      closeConnection();
    }
  }
}
