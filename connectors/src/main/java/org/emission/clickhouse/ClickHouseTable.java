package org.emission.clickhouse;

import java.io.Serializable;
import java.util.List;
import java.util.function.Function;

/**
 * How records of one type become rows of one ClickHouse table: the table, its columns in order, and
 * a function giving a record's values in that order (Java values the JDBC driver binds: String,
 * Number, Boolean, java.time types, or null).
 */
public record ClickHouseTable<T>(
    String table, List<String> columns, SerializableRowFunction<T> values) implements Serializable {

  public ClickHouseTable {
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("table " + table + " needs at least one column");
    }
    columns = List.copyOf(columns);
  }

  String insertSql() {
    return "INSERT INTO "
        + table
        + " ("
        + String.join(", ", columns)
        + ") VALUES ("
        + String.join(", ", java.util.Collections.nCopies(columns.size(), "?"))
        + ")";
  }

  /** A row function that Flink can ship to its task managers. */
  @FunctionalInterface
  public interface SerializableRowFunction<T> extends Function<T, Object[]>, Serializable {}
}
