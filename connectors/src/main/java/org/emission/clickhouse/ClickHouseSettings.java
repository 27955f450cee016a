package org.emission.clickhouse;

import java.io.Serializable;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Where and as whom the engine writes to ClickHouse: its HTTP URL (e.g. {@code
 * http://127.0.0.1:8123}), the database of the engine's tables, and the credentials.
 */
public record ClickHouseSettings(String url, String database, String user, String password)
    implements Serializable {

  public ClickHouseSettings {
    URI uri = URI.create(url);
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
      throw new IllegalArgumentException(
          "ClickHouse URL must start with http:// or https://, got " + url);
    }
    if (database == null || !database.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("not a ClickHouse database name: " + database);
    }
    user = user == null || user.isEmpty() ? "default" : user;
    password = password == null ? "" : password;
  }

  public static ClickHouseSettings local(String url) {
    return new ClickHouseSettings(url, "emission", "default", "");
  }

  public String jdbcUrl() {
    String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    return "jdbc:clickhouse:" + base + "/" + database;
  }

  /** A JDBC connection to the engine's database (which must exist). */
  public Connection connect() throws SQLException {
    return connect(jdbcUrl());
  }

  /** A JDBC connection to the server's default database, for creating ours. */
  public Connection connectToServer() throws SQLException {
    String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    return connect("jdbc:clickhouse:" + base + "/default");
  }

  private Connection connect(String jdbcUrl) throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", user);
    props.setProperty("password", password);
    return DriverManager.getConnection(jdbcUrl, props);
  }

  @Override
  public String toString() {
    return "ClickHouseSettings[url=" + url + ", database=" + database + ", user=" + user + "]";
  }
}
