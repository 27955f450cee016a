package org.emission.clickhouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates and migrates the engine's ClickHouse schema from the versioned files in {@code
 * clickhouse/migrations/} (listed in order in its {@code index.txt}). Each file is applied once and
 * recorded with its checksum in {@code schema_migrations}; an applied file that has since changed
 * is an error, never silently re-run.
 */
public final class SchemaMigrations {
  private static final String DIR = "/clickhouse/migrations/";
  private static final Pattern FILE_NAME = Pattern.compile("V(\\d{3})__([a-z0-9_]+)\\.sql");

  /** One migration file. */
  public record Migration(int version, String name, String sql, String checksum) {}

  private SchemaMigrations() {}

  /** The project's migrations, in order. */
  public static List<Migration> bundled() {
    List<Migration> migrations = new ArrayList<>();
    for (String file : resource(DIR + "index.txt").split("\\R")) {
      if (file.isBlank()) {
        continue;
      }
      Matcher matcher = FILE_NAME.matcher(file.strip());
      if (!matcher.matches()) {
        throw new IllegalStateException(
            "migration file name must look like V001__name.sql: " + file);
      }
      String sql = resource(DIR + file.strip());
      migrations.add(
          new Migration(Integer.parseInt(matcher.group(1)), matcher.group(2), sql, sha256(sql)));
    }
    return migrations;
  }

  /**
   * Applies the migrations not yet applied to the settings' database, creating the database first.
   *
   * @return the versions applied by this call
   */
  public static List<Integer> apply(ClickHouseSettings settings) throws SQLException {
    try (Connection server = settings.connectToServer();
        Statement statement = server.createStatement()) {
      statement.execute("CREATE DATABASE IF NOT EXISTS " + settings.database());
    }
    List<Integer> applied = new ArrayList<>();
    try (Connection connection = settings.connect();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE IF NOT EXISTS schema_migrations (version UInt32, name String,"
              + " checksum String, applied_at DateTime64(3, 'UTC') DEFAULT now64(3))"
              + " ENGINE = MergeTree ORDER BY version");
      Map<Integer, String> done = new HashMap<>();
      try (ResultSet rows =
          statement.executeQuery("SELECT version, checksum FROM schema_migrations")) {
        while (rows.next()) {
          done.put(rows.getInt(1), rows.getString(2));
        }
      }
      for (Migration migration : bundled()) {
        String checksum = done.get(migration.version());
        if (checksum != null) {
          if (!checksum.equals(migration.checksum())) {
            throw new IllegalStateException(
                "migration V"
                    + migration.version()
                    + " ("
                    + migration.name()
                    + ") was changed after it was applied to "
                    + settings.database()
                    + "; add a new migration instead");
          }
          continue;
        }
        for (String sql : statements(migration.sql())) {
          statement.execute(sql);
        }
        try (PreparedStatement record =
            connection.prepareStatement(
                "INSERT INTO schema_migrations (version, name, checksum) VALUES (?, ?, ?)")) {
          record.setInt(1, migration.version());
          record.setString(2, migration.name());
          record.setString(3, migration.checksum());
          record.executeUpdate();
        }
        applied.add(migration.version());
      }
    }
    return applied;
  }

  /** Splits a file into statements at semicolons that end a line; drops comment-only parts. */
  static List<String> statements(String sql) {
    List<String> statements = new ArrayList<>();
    for (String part : sql.split(";\\s*(\\R|$)")) {
      String withoutComments = part.replaceAll("(?m)^\\s*--.*$", "").strip();
      if (!withoutComments.isEmpty()) {
        statements.add(part.strip());
      }
    }
    return statements;
  }

  private static String resource(String path) {
    try (InputStream in = SchemaMigrations.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
