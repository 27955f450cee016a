package org.emission.local.clickhouse;

import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * ClickHouse as a library: a pool of chDB connections over one persistent data directory.
 *
 * <p>chDB runs one statement per connection at a time, so concurrent callers each {@link #borrow}
 * their own connection. The engine boots once per process; closing the last connection shuts it
 * down, which {@link #close()} does only at the very end.
 */
public final class ChdbEngine implements AutoCloseable {
  /** {@code CHDB_QUERY_READ_ONLY} of chdb.h: SELECT, SHOW, DESCRIBE, EXPLAIN, EXISTS, CHECK. */
  private static final int QUERY_CLASS_READ_ONLY = 0;

  /** Connections in the pool: enough for the job's writers, dashboards and a test at once. */
  public static final int DEFAULT_POOL_SIZE = 6;

  private static ChdbEngine shared;
  private static Path sharedDataDir;

  private final ChdbNative chdb;
  private final List<Pointer> connections = new ArrayList<>();
  private final BlockingQueue<Pointer> idle;

  public ChdbEngine(Path library, Path dataDir, int poolSize) {
    if (poolSize < 1) {
      throw new IllegalArgumentException("pool size must be at least 1, got " + poolSize);
    }
    this.chdb = ChdbNative.load(library);
    chdb.chdb_set_signal_handlers_enabled(0);
    this.idle = new ArrayBlockingQueue<>(poolSize);
    String[] argv = {"clickhouse", "--path=" + dataDir.toAbsolutePath()};
    for (int i = 0; i < poolSize; i++) {
      Pointer handle = chdb.chdb_connect(argv.length, argv);
      if (handle == null || handle.getPointer(0) == null) {
        close();
        throw new IllegalStateException("chDB could not open data directory " + dataDir);
      }
      connections.add(handle);
      idle.add(handle);
    }
  }

  /**
   * The engine of this process. chDB boots once per process with one data directory (chdb.h), so
   * every caller shares it; asking for another directory while it runs is an error.
   */
  public static synchronized ChdbEngine shared(Path library, Path dataDir) {
    Path normalized = dataDir.toAbsolutePath().normalize();
    if (shared == null) {
      shared = new ChdbEngine(library, normalized, DEFAULT_POOL_SIZE);
      sharedDataDir = normalized;
      Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "chdb-shutdown"));
    } else if (!sharedDataDir.equals(normalized)) {
      throw new IllegalStateException(
          "chDB already runs on "
              + sharedDataDir
              + " in this process and cannot open "
              + normalized
              + " as well; use another database instead");
    }
    return shared;
  }

  /** Waits for an idle connection; the caller must close the lease to give it back. */
  public Connection borrow() throws InterruptedException {
    return new Connection(idle.take());
  }

  /** Runs one statement on any idle connection. */
  public QueryOutcome execute(String statement, String format) throws InterruptedException {
    try (Connection connection = borrow()) {
      return connection.query(statement.getBytes(StandardCharsets.UTF_8), format, Map.of());
    }
  }

  @Override
  public synchronized void close() {
    for (Pointer handle : connections) {
      chdb.chdb_close_conn(handle);
    }
    connections.clear();
    idle.clear();
  }

  /** One borrowed connection; session state (USE, SET) persists on it until changed back. */
  public final class Connection implements AutoCloseable {
    private final Pointer handle;

    private Connection(Pointer handle) {
      this.handle = handle;
    }

    /**
     * Runs one statement (for INSERT: the statement followed by its data) with {name:Type} query
     * parameters bound for this call, and returns the output in the given ClickHouse format.
     */
    public QueryOutcome query(byte[] statement, String format, Map<String, String> parameters) {
      byte[] formatBytes = format.getBytes(StandardCharsets.US_ASCII);
      Pointer connection = handle.getPointer(0);
      Pointer result;
      if (parameters.isEmpty()) {
        result =
            chdb.chdb_query_n(
                connection, statement, statement.length, formatBytes, formatBytes.length);
      } else {
        int n = parameters.size();
        String[] names = new String[n];
        String[] values = new String[n];
        long[] nameLengths = new long[n];
        long[] valueLengths = new long[n];
        int i = 0;
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
          names[i] = parameter.getKey();
          values[i] = parameter.getValue();
          nameLengths[i] = parameter.getKey().getBytes(StandardCharsets.UTF_8).length;
          valueLengths[i] = parameter.getValue().getBytes(StandardCharsets.UTF_8).length;
          i++;
        }
        result =
            chdb.chdb_query_with_params_n(
                connection,
                statement,
                statement.length,
                formatBytes,
                formatBytes.length,
                names,
                nameLengths,
                values,
                valueLengths,
                n);
      }
      return collect(result);
    }

    /** Whether the parser classifies the text as read-only (what a GET request may run). */
    public boolean isReadOnly(byte[] statement) {
      int[] analysis = {16, 0, 0, 0};
      int state =
          chdb.chdb_classify_query_n(
              handle.getPointer(0), statement, statement.length, null, 0, analysis);
      return state == 0 && analysis[1] > 0 && analysis[3] == QUERY_CLASS_READ_ONLY;
    }

    @Override
    public void close() {
      idle.add(handle);
    }

    private QueryOutcome collect(Pointer result) {
      if (result == null) {
        return QueryOutcome.failure("Code: 1001. DB::Exception: chDB returned no result");
      }
      try {
        String error = chdb.chdb_result_error(result);
        if (error != null && !error.isEmpty()) {
          return QueryOutcome.failure(error);
        }
        long length = chdb.chdb_result_length(result);
        Pointer buffer = chdb.chdb_result_buffer(result);
        byte[] body =
            length == 0 || buffer == null ? new byte[0] : buffer.getByteArray(0, (int) length);
        return new QueryOutcome(
            body,
            null,
            chdb.chdb_result_rows_read(result),
            chdb.chdb_result_bytes_read(result),
            chdb.chdb_result_rows_written(result),
            chdb.chdb_result_bytes_written(result),
            (long) (chdb.chdb_result_elapsed(result) * 1e9));
      } finally {
        chdb.chdb_destroy_query_result(result);
      }
    }
  }

  /**
   * The output of one statement, or the error text ClickHouse gave (e.g. {@code Code: 62.
   * DB::Exception: Syntax error ...}).
   */
  public record QueryOutcome(
      byte[] body,
      String error,
      long readRows,
      long readBytes,
      long writtenRows,
      long writtenBytes,
      long elapsedNanos) {

    static QueryOutcome failure(String error) {
      return new QueryOutcome(new byte[0], error, 0, 0, 0, 0, 0);
    }

    public boolean failed() {
      return error != null;
    }
  }
}
