package org.emission.local.clickhouse;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * ClickHouse for local mode and tests: chDB (installed into the cache on first use) with a
 * persistent data directory, served on ClickHouse's HTTP interface on 127.0.0.1.
 */
public final class EmbeddedClickHouse implements AutoCloseable {
  /** Users of local mode: the default user with an empty password, as a fresh server has. */
  public static final Map<String, String> LOCAL_USERS = Map.of("default", "");

  private final ChdbEngine engine;
  private final ClickHouseHttpServer server;

  private EmbeddedClickHouse(ChdbEngine engine, ClickHouseHttpServer server) {
    this.engine = engine;
    this.server = server;
  }

  /**
   * @param cacheDir where chDB is installed
   * @param dataDir ClickHouse's data directory
   * @param host listen address (127.0.0.1 in local mode)
   * @param port HTTP port; 0 picks a free one
   */
  public static EmbeddedClickHouse start(
      Path cacheDir, Path dataDir, String host, int port, Map<String, String> users)
      throws IOException, InterruptedException {
    Path library = new ChdbInstaller(cacheDir).install();
    ChdbEngine engine = ChdbEngine.shared(library, dataDir);
    return new EmbeddedClickHouse(engine, new ClickHouseHttpServer(engine, host, port, users, 16));
  }

  public String url() {
    return server.url();
  }

  public int port() {
    return server.port();
  }

  public String version() {
    return server.version();
  }

  public ClickHouseHttpServer server() {
    return server;
  }

  public ChdbEngine engine() {
    return engine;
  }

  /** Stops serving HTTP; the engine stays booted for the life of the process (see chdb.h). */
  @Override
  public void close() {
    server.close();
  }
}
