package org.emission.deploy;

import java.io.PrintStream;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.emission.clickhouse.ClickHouseSettings;
import org.emission.clickhouse.SchemaMigrations;

/**
 * The one-shot {@code clickhouse-migrate} service of docker-compose.yml: creates the engine's
 * database and applies the project's versioned migrations with {@link SchemaMigrations} (the code
 * local mode and the tests use), so the server's schema and {@code schema_migrations} are exactly
 * what the project's runner makes.
 *
 * <p>Configured by the environment: {@code CLICKHOUSE_URL} (default {@code
 * http://clickhouse:8123}), {@code CLICKHOUSE_DATABASE} ({@code emission}), {@code CLICKHOUSE_USER}
 * ({@code default}), {@code CLICKHOUSE_PASSWORD}, {@code MIGRATE_ATTEMPTS} (30, two seconds apart,
 * while the server is not reachable yet). Exit status 0 when the schema is current, 1 when the
 * server stayed unreachable or a statement failed, 2 when an applied migration was changed
 * afterwards (never retried: add a new migration instead).
 *
 * <p>Compiled into the app image by deploy/app/Dockerfile against the connectors jar.
 */
public final class ApplyMigrations {
  private static final long RETRY_DELAY_MILLIS = 2_000;

  private ApplyMigrations() {}

  public static void main(String[] args) throws InterruptedException {
    System.exit(run(System.getenv(), System.out, System.err));
  }

  /** Applies the migrations; returns the process exit status. */
  public static int run(Map<String, String> env, PrintStream out, PrintStream err)
      throws InterruptedException {
    ClickHouseSettings settings =
        new ClickHouseSettings(
            env.getOrDefault("CLICKHOUSE_URL", "http://clickhouse:8123"),
            env.getOrDefault("CLICKHOUSE_DATABASE", "emission"),
            env.getOrDefault("CLICKHOUSE_USER", "default"),
            env.getOrDefault("CLICKHOUSE_PASSWORD", ""));
    int attempts = Integer.parseInt(env.getOrDefault("MIGRATE_ATTEMPTS", "30"));
    for (int attempt = 1; ; attempt++) {
      try {
        List<Integer> applied = SchemaMigrations.apply(settings);
        out.printf(
            "schema of %s is current: %d migration(s) bundled, applied now: %s%n",
            settings, SchemaMigrations.bundled().size(), applied);
        return 0;
      } catch (IllegalStateException e) {
        err.println("migration refused: " + e.getMessage());
        return 2;
      } catch (SQLException e) {
        if (attempt >= attempts) {
          err.printf("migration failed after %d attempt(s): %s%n", attempt, e.getMessage());
          return 1;
        }
        err.printf("attempt %d/%d: %s; retrying%n", attempt, attempts, e.getMessage());
        Thread.sleep(RETRY_DELAY_MILLIS);
      }
    }
  }
}
