package org.emission.local.clickhouse;

/** A request the HTTP interface refuses with a ClickHouse error code, before or after chDB. */
final class ClickHouseException extends RuntimeException {
  private final transient ClickHouseError error;

  ClickHouseException(ClickHouseError error) {
    super(error.message());
    this.error = error;
  }

  ClickHouseError error() {
    return error;
  }
}
