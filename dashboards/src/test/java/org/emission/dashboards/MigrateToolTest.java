package org.emission.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.emission.clickhouse.ClickHouseSettings;
import org.emission.clickhouse.SchemaMigrations;
import org.emission.local.SharedServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compose stack's clickhouse-migrate (deploy/app/migrate, compiled into the app image):
 * compiled here as the Dockerfile compiles it, and run against ClickHouse like the service runs.
 */
class MigrateToolTest {
  private static final String DATABASE = "migrate_tool_test";
  private static final String PASSWORD = System.getenv().getOrDefault("CLICKHOUSE_PASSWORD", "");

  @TempDir static Path classes;
  private static Method run;
  private static ClickHouseSettings server;

  @BeforeAll
  static void compile() throws Exception {
    Path source = RepoRoot.resolve("deploy/app/migrate/org/emission/deploy/ApplyMigrations.java");
    String connectors =
        Path.of(SchemaMigrations.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .toString();
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int status =
        javac.run(
            null,
            null,
            errors,
            "--release",
            "17",
            "-Xlint:all",
            "-Werror",
            "-cp",
            connectors,
            "-d",
            classes.toString(),
            source.toString());
    assertThat(status).as(errors.toString(StandardCharsets.UTF_8)).isZero();
    URLClassLoader loader =
        new URLClassLoader(
            new URL[] {classes.toUri().toURL()}, MigrateToolTest.class.getClassLoader());
    run =
        loader
            .loadClass("org.emission.deploy.ApplyMigrations")
            .getMethod("run", Map.class, PrintStream.class, PrintStream.class);
    server = new ClickHouseSettings(SharedServices.clickHouseUrl(), DATABASE, "default", PASSWORD);
    dropDatabase();
  }

  @AfterAll
  static void dropDatabase() throws SQLException {
    try (Connection connection = server.connectToServer();
        Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + DATABASE);
    }
  }

  @Test
  void appliesEveryBundledMigrationOnceAndIsIdempotent() throws Exception {
    Map<String, String> env =
        Map.of(
            "CLICKHOUSE_URL",
            SharedServices.clickHouseUrl(),
            "CLICKHOUSE_DATABASE",
            DATABASE,
            "CLICKHOUSE_USER",
            "default",
            "CLICKHOUSE_PASSWORD",
            PASSWORD);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(invoke(env, out)).isZero();
    List<Integer> bundled =
        SchemaMigrations.bundled().stream().map(SchemaMigrations.Migration::version).toList();
    assertThat(recordedVersions()).isEqualTo(bundled);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("applied now: " + bundled);

    ByteArrayOutputStream again = new ByteArrayOutputStream();
    assertThat(invoke(env, again)).isZero();
    assertThat(again.toString(StandardCharsets.UTF_8)).contains("applied now: []");
    assertThat(recordedVersions()).isEqualTo(bundled);
  }

  @Test
  void failsWhenClickHouseStaysUnreachable() throws Exception {
    Map<String, String> env =
        Map.of("CLICKHOUSE_URL", "http://127.0.0.1:1", "MIGRATE_ATTEMPTS", "1");
    assertThat(invoke(env, new ByteArrayOutputStream())).isEqualTo(1);
  }

  private static int invoke(Map<String, String> env, ByteArrayOutputStream out) throws Exception {
    PrintStream stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream stderr = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    return (int) run.invoke(null, env, stdout, stderr);
  }

  private static List<Integer> recordedVersions() throws SQLException {
    List<Integer> versions = new ArrayList<>();
    try (Connection connection = server.connect();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery("SELECT version FROM schema_migrations ORDER BY version")) {
      while (rows.next()) {
        versions.add(rows.getInt(1));
      }
    }
    return versions;
  }
}
