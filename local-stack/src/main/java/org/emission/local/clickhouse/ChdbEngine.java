package org.emission.local.clickhouse;

import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * ClickHouse as a library: chDB over one persistent data directory.
 *
 * <p>Every chDB connection is a ClickHouse session of its own (its settings, current database and
 * temporary tables), and opening one costs well under a millisecond. The HTTP interface therefore
 * {@link #open opens} a fresh connection for each request, exactly as ClickHouse's HTTP handler
 * makes a fresh query context for each request, and keeps a connection across requests only for an
 * HTTP session ({@code session_id}). One anchor connection stays open for the life of the engine,
 * because closing the last connection shuts chDB down (chdb.h). A semaphore bounds how many
 * statements run at once.
 */
public final class ChdbEngine implements AutoCloseable {
  /** Statements running at once: enough for the job's writers, dashboards and a test. */
  public static final int DEFAULT_CONCURRENCY = 6;

  private static ChdbEngine shared;
  private static Path sharedDataDir;

  private final ChdbNative chdb;
  private final String[] argv;
  private final Pointer anchor;
  private final Semaphore running;
  private final Set<Pointer> open = ConcurrentHashMap.newKeySet();
  private boolean closed;

  public ChdbEngine(Path library, Path dataDir, int concurrency) {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
    }
    this.chdb = ChdbNative.load(library);
    chdb.chdb_set_signal_handlers_enabled(0);
    this.argv = new String[] {"clickhouse", "--path=" + dataDir.toAbsolutePath()};
    this.running = new Semaphore(concurrency, true);
    this.anchor = connect();
    if (anchor == null) {
      throw new IllegalStateException("chDB could not open data directory " + dataDir);
    }
  }

  /**
   * The engine of this process. chDB boots once per process with one data directory (chdb.h), so
   * every caller shares it; asking for another directory while it runs is an error.
   */
  public static synchronized ChdbEngine shared(Path library, Path dataDir) {
    Path normalized = dataDir.toAbsolutePath().normalize();
    if (shared == null) {
      shared = new ChdbEngine(library, normalized, DEFAULT_CONCURRENCY);
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

  /** Opens a new connection: a session with default settings on database {@code default}. */
  public Connection open() {
    Pointer handle = connect();
    if (handle == null) {
      throw new IllegalStateException("chDB refused a new connection");
    }
    return new Connection(handle);
  }

  /** Runs one statement on a connection of its own. */
  public QueryOutcome execute(String statement, String format) throws InterruptedException {
    try (Connection connection = open()) {
      return connection.query(statement.getBytes(StandardCharsets.UTF_8), format, Map.of());
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (Pointer handle : open) {
      chdb.chdb_close_conn(handle);
    }
    open.clear();
    chdb.chdb_close_conn(anchor);
  }

  private synchronized Pointer connect() {
    if (closed) {
      throw new IllegalStateException("the chDB engine is closed");
    }
    Pointer handle = chdb.chdb_connect(argv.length, argv);
    if (handle == null || handle.getPointer(0) == null) {
      return null;
    }
    if (anchor != null) {
      open.add(handle);
    }
    return handle;
  }

  private synchronized void disconnect(Pointer handle) {
    if (open.remove(handle)) {
      chdb.chdb_close_conn(handle);
    }
  }

  /** What chDB's parser says a statement is ({@code chdb_query_class} of chdb.h). */
  public enum QueryClass {
    /** SELECT, SHOW, DESCRIBE, EXPLAIN, EXISTS, CHECK. */
    READ_ONLY,
    /** INSERT, CREATE, ALTER, DROP, TRUNCATE, RENAME, UPDATE, DELETE, OPTIMIZE. */
    MUTATING,
    /** Functions, access entities, named collections, writes into {@code system}. */
    MUTATING_GLOBAL,
    /** USE, SET, SYSTEM, KILL, BACKUP, ... . */
    CONTROL,
    /** Did not parse. */
    UNKNOWN
  }

  /** The parser's verdict on a text: its class and how many statements it holds. */
  public record Classification(QueryClass queryClass, int statements) {}

  /** One connection, that is one ClickHouse session; not for concurrent use. */
  public final class Connection implements AutoCloseable {
    private final Pointer handle;
    private boolean released;

    private Connection(Pointer handle) {
      this.handle = handle;
    }

    /**
     * Runs one statement (for INSERT: the statement followed by its data) with {name:Type} query
     * parameters bound for this call, and returns the output in the given ClickHouse format.
     */
    public QueryOutcome query(byte[] statement, String format, Map<String, String> parameters)
        throws InterruptedException {
      running.acquire();
      try {
        return collect(run(statement, format, parameters));
      } finally {
        running.release();
      }
    }

    /** Parses without executing. */
    public Classification classify(byte[] statement) {
      int[] analysis = {16, 0, 0, 4};
      int state =
          chdb.chdb_classify_query_n(
              handle.getPointer(0), statement, statement.length, null, 0, analysis);
      if (state != 0 || analysis[3] < 0 || analysis[3] >= QueryClass.values().length) {
        return new Classification(QueryClass.UNKNOWN, analysis[1]);
      }
      return new Classification(QueryClass.values()[analysis[3]], analysis[1]);
    }

    @Override
    public void close() {
      if (!released) {
        released = true;
        disconnect(handle);
      }
    }

    private Pointer run(byte[] statement, String format, Map<String, String> parameters) {
      byte[] formatBytes = format.getBytes(StandardCharsets.US_ASCII);
      Pointer connection = handle.getPointer(0);
      if (parameters.isEmpty()) {
        return chdb.chdb_query_n(
            connection, statement, statement.length, formatBytes, formatBytes.length);
      }
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
      return chdb.chdb_query_with_params_n(
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
            chdb.chdb_result_storage_rows_read(result),
            chdb.chdb_result_storage_bytes_read(result),
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
   * DB::Exception: Syntax error ...}), with the statistics chDB counted: the result's rows and
   * bytes, what was read from storage and what was written.
   */
  public record QueryOutcome(
      byte[] body,
      String error,
      long resultRows,
      long resultBytes,
      long readRows,
      long readBytes,
      long writtenRows,
      long writtenBytes,
      long elapsedNanos) {

    static QueryOutcome failure(String error) {
      return new QueryOutcome(new byte[0], error, 0, 0, 0, 0, 0, 0, 0);
    }

    public boolean failed() {
      return error != null;
    }
  }
}
