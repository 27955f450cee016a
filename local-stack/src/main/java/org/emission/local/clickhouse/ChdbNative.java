package org.emission.local.clickhouse;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.file.Path;

/**
 * The subset of chDB's C API ({@code chdb.h}, chDB 26.x) that the embedded server uses, bound with
 * JNA. A connection runs one statement at a time; several connections to the same data path may be
 * open at once.
 */
interface ChdbNative extends Library {

  static ChdbNative load(Path library) {
    return Native.load(library.toAbsolutePath().toString(), ChdbNative.class);
  }

  /** Must be called before the first connect: the JVM owns SIGSEGV and friends, not chDB. */
  void chdb_set_signal_handlers_enabled(int enabled);

  /** Returns a pointer to a connection handle, or null on failure. */
  Pointer chdb_connect(int argc, String[] argv);

  void chdb_close_conn(Pointer connectionHandlePointer);

  Pointer chdb_query_n(
      Pointer connection, byte[] query, long queryLength, byte[] format, long formatLength);

  /** Binds {name:Type} query parameters for this one call only. */
  Pointer chdb_query_with_params_n(
      Pointer connection,
      byte[] query,
      long queryLength,
      byte[] format,
      long formatLength,
      String[] paramNames,
      long[] paramNameLengths,
      String[] paramValues,
      long[] paramValueLengths,
      long paramCount);

  /**
   * Parses without executing; {@code analysis} is {@code chdb_query_analysis_v1}: struct_size,
   * statement_count, flags, query_class (uint32 each).
   */
  int chdb_classify_query_n(
      Pointer connection,
      byte[] sql,
      long sqlLength,
      String targetDatabase,
      long targetDatabaseLength,
      int[] analysis);

  Pointer chdb_result_buffer(Pointer result);

  long chdb_result_length(Pointer result);

  double chdb_result_elapsed(Pointer result);

  /** Rows in the query result, as counted by the output format (chdb.h). */
  long chdb_result_rows_read(Pointer result);

  /** Bytes of the query result in memory, as counted by the output format. */
  long chdb_result_bytes_read(Pointer result);

  /** Rows read from storage: ClickHouse's {@code read_rows}. */
  long chdb_result_storage_rows_read(Pointer result);

  /** Bytes read from storage: ClickHouse's {@code read_bytes}. */
  long chdb_result_storage_bytes_read(Pointer result);

  long chdb_result_rows_written(Pointer result);

  long chdb_result_bytes_written(Pointer result);

  String chdb_result_error(Pointer result);

  void chdb_destroy_query_result(Pointer result);
}
