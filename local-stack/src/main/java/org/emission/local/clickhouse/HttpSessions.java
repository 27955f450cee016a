package org.emission.local.clickhouse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * ClickHouse's HTTP sessions ({@code session_id}), after NamedSessionsStorage in
 * src/Interpreters/Session.cpp: a session belongs to one user, keeps its own chDB connection (so
 * SET, USE and temporary tables persist between its requests), serves one request at a time
 * (another one meanwhile gets 373 SESSION_IS_LOCKED), and closes {@code session_timeout} seconds
 * (default 60, at most 3600) after its last request ends, or at once with {@code close_session=1}.
 * {@code session_check=1} asks for an existing session only (372 SESSION_NOT_FOUND).
 *
 * <p>Each session holds a connection while idle, so their number is bounded ({@link #maxSessions});
 * queries of sessions run under the engine's concurrency limit like any other.
 */
final class HttpSessions implements AutoCloseable {
  static final int DEFAULT_TIMEOUT_SECONDS = 60;
  static final int MAX_TIMEOUT_SECONDS = 3600;

  private final ChdbEngine engine;
  private final int maxSessions;
  private final Map<Key, Session> sessions = new HashMap<>();
  private final ScheduledExecutorService reaper;

  HttpSessions(ChdbEngine engine, int maxSessions) {
    this.engine = engine;
    this.maxSessions = maxSessions;
    this.reaper =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "clickhouse-http-sessions");
              thread.setDaemon(true);
              return thread;
            });
    reaper.scheduleWithFixedDelay(this::closeExpired, 1, 1, TimeUnit.SECONDS);
  }

  /** Parses {@code session_timeout} as HTTPHandler's parseSessionTimeout does. */
  static Duration timeout(String parameter) {
    if (parameter == null) {
      return Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS);
    }
    long seconds;
    try {
      seconds = Long.parseUnsignedLong(parameter);
    } catch (NumberFormatException e) {
      throw invalidTimeout("Invalid session timeout: '" + parameter + "'");
    }
    if (seconds > MAX_TIMEOUT_SECONDS) {
      throw invalidTimeout(
          "Session timeout '"
              + parameter
              + "' is larger than max_session_timeout: "
              + MAX_TIMEOUT_SECONDS
              + ". Maximum session timeout could be modified in configuration file.");
    }
    return Duration.ofSeconds(seconds);
  }

  /** Takes the session for one request, creating it unless {@code mustExist}. */
  Lease acquire(String user, String id, Duration timeout, boolean mustExist) {
    Key key = new Key(user, id);
    List<ChdbEngine.Connection> expired;
    Session session;
    synchronized (this) {
      expired = removeExpired(System.nanoTime());
      session = sessions.get(key);
      if (session == null) {
        if (mustExist) {
          closeAll(expired);
          throw error(
              ClickHouseError.SESSION_NOT_FOUND,
              "Session " + id + " not found",
              "SESSION_NOT_FOUND");
        }
        if (sessions.size() >= maxSessions) {
          closeAll(expired);
          throw error(
              ClickHouseError.TOO_MANY_SIMULTANEOUS_QUERIES,
              "Too many HTTP sessions open at once (" + maxSessions + ")",
              "TOO_MANY_SIMULTANEOUS_QUERIES");
        }
        session = new Session(engine.open());
        sessions.put(key, session);
      } else if (session.inUse) {
        closeAll(expired);
        throw error(
            ClickHouseError.SESSION_IS_LOCKED,
            "Session " + id + " is locked by a concurrent client",
            "SESSION_IS_LOCKED");
      }
      session.inUse = true;
      session.timeout = timeout;
    }
    closeAll(expired);
    return new Lease(key, session);
  }

  @Override
  public void close() {
    reaper.shutdownNow();
    List<ChdbEngine.Connection> all = new ArrayList<>();
    synchronized (this) {
      for (Session session : sessions.values()) {
        all.add(session.connection);
      }
      sessions.clear();
    }
    closeAll(all);
  }

  synchronized int size() {
    return sessions.size();
  }

  private void closeExpired() {
    List<ChdbEngine.Connection> expired;
    synchronized (this) {
      expired = removeExpired(System.nanoTime());
    }
    closeAll(expired);
  }

  private List<ChdbEngine.Connection> removeExpired(long now) {
    List<ChdbEngine.Connection> expired = new ArrayList<>();
    Iterator<Session> it = sessions.values().iterator();
    while (it.hasNext()) {
      Session session = it.next();
      if (!session.inUse && now - session.releasedAt >= session.timeout.toNanos()) {
        it.remove();
        expired.add(session.connection);
      }
    }
    return expired;
  }

  private static void closeAll(List<ChdbEngine.Connection> connections) {
    connections.forEach(ChdbEngine.Connection::close);
  }

  private static ClickHouseException invalidTimeout(String message) {
    return error(ClickHouseError.INVALID_SESSION_TIMEOUT, message, "INVALID_SESSION_TIMEOUT");
  }

  private static ClickHouseException error(int code, String message, String name) {
    return new ClickHouseException(
        ClickHouseError.of(
            code, "Code: " + code + ". DB::Exception: " + message + ". (" + name + ")"));
  }

  private record Key(String user, String id) {}

  private static final class Session {
    final ChdbEngine.Connection connection;
    boolean inUse;
    Duration timeout = Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS);
    long releasedAt = System.nanoTime();

    Session(ChdbEngine.Connection connection) {
      this.connection = connection;
    }
  }

  /** One request's hold on a session; closing it releases the session. */
  final class Lease implements AutoCloseable {
    private final Key key;
    private final Session session;
    private boolean closeSession;

    private Lease(Key key, Session session) {
      this.key = key;
      this.session = session;
    }

    ChdbEngine.Connection connection() {
      return session.connection;
    }

    /** Ends the session when the request ends ({@code close_session=1}). */
    void closeSessionAfterwards() {
      closeSession = true;
    }

    @Override
    public void close() {
      boolean remove;
      synchronized (HttpSessions.this) {
        session.inUse = false;
        session.releasedAt = System.nanoTime();
        remove = closeSession && sessions.remove(key, session);
      }
      if (remove) {
        session.connection.close();
      }
    }
  }
}
