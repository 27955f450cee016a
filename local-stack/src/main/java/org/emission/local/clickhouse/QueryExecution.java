package org.emission.local.clickhouse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Runs one HTTP request's statement on a chDB connection with the request's context, as
 * HTTPHandler::processQuery builds it: the current database, {@code readonly=2} for every method
 * but POST (src/Server/HTTP/setReadOnlyIfHTTPMethodIdempotent.cpp), the URL's settings, and the
 * {@code param_} query parameters.
 *
 * <p>Without a session the connection is fresh and is closed afterwards, so nothing the request
 * changes outlives it, as in ClickHouse. In a session the URL's database and settings apply to the
 * request only (ClickHouse applies them to the query context, not the session), so they are undone
 * afterwards; {@code readonly} cannot be undone once set, so a session's GET request is checked
 * with chDB's parser instead, allowing what {@code readonly=2} allows.
 */
final class QueryExecution {
  private static final Pattern TRAILING_FORMAT =
      Pattern.compile("(?is)\\s+FORMAT\\s+[A-Za-z0-9_]+\\s*;?\\s*$");
  private static final Pattern LEADING_COMMENTS =
      Pattern.compile("(?s)^(?:\\s+|--[^\\n]*(?:\\n|$)|/\\*.*?\\*/)*");
  private static final String READONLY_TEXT = "Cannot execute query in readonly mode.";
  private static final String READONLY_HTTP_TEXT =
      "Cannot execute query in readonly mode. For queries over HTTP, method GET implies readonly."
          + " You should use method POST for modifying queries.";

  /** Texts above this size are parsed by their start only when classifying them. */
  private static final int CLASSIFY_LIMIT = 1 << 20;

  /** What the request asks for. */
  record Spec(
      byte[] statement,
      String defaultFormat,
      String outputFormat,
      String database,
      Map<String, String> settings,
      Map<String, String> parameters,
      boolean readOnlyMethod,
      String user,
      long clientProtocolVersion) {}

  /** The outcome and what chDB's parser made of the statement. */
  record Result(ChdbEngine.QueryOutcome outcome, ChdbEngine.Classification classification) {}

  private QueryExecution() {}

  /** Runs on a connection of this request alone. */
  static Result fresh(ChdbEngine.Connection connection, Spec spec) throws InterruptedException {
    ChdbEngine.Classification classification = classify(connection, spec.statement());
    ChdbEngine.QueryOutcome failed = use(connection, spec.database());
    if (failed != null) {
      return new Result(failed, classification);
    }
    Map<String, String> settings = new LinkedHashMap<>();
    if (spec.readOnlyMethod()) {
      String readonly = spec.settings().get("readonly");
      if (readonly == null || readonly.strip().equals("0")) {
        settings.put("readonly", "2");
      }
    }
    spec.settings().forEach(settings::putIfAbsent);
    failed = set(connection, settings);
    if (failed != null) {
      return new Result(failed, classification);
    }
    return new Result(checked(run(connection, spec), classification, spec), classification);
  }

  /** Runs on a session's connection, leaving the session as it was but for the statement. */
  static Result inSession(ChdbEngine.Connection connection, Spec spec) throws InterruptedException {
    ChdbEngine.Classification classification = classify(connection, spec.statement());
    String head = leadingKeywords(spec.statement());
    if (spec.readOnlyMethod() && !readonlyTwoAllows(classification, head)) {
      throw new ClickHouseException(
          ClickHouseError.of(
              ClickHouseError.READONLY,
              "Code: 164. DB::Exception: "
                  + spec.user()
                  + ": "
                  + READONLY_HTTP_TEXT
                  + " (READONLY)"));
    }
    String previousDatabase = null;
    boolean database = spec.database() != null && !spec.database().isEmpty();
    if (database) {
      previousDatabase = scalar(connection, "SELECT currentDatabase()");
      ChdbEngine.QueryOutcome failed = use(connection, spec.database());
      if (failed != null) {
        return new Result(failed, classification);
      }
    }
    Map<String, String[]> previousSettings = currentSettings(connection, spec.settings().keySet());
    try {
      ChdbEngine.QueryOutcome failed = set(connection, spec.settings());
      if (failed != null) {
        return new Result(failed, classification);
      }
      return new Result(checked(run(connection, spec), classification, spec), classification);
    } finally {
      if (!head.startsWith("SET ")) {
        restore(connection, previousSettings);
      }
      if (database && !head.startsWith("USE ")) {
        use(connection, previousDatabase);
      }
    }
  }

  /**
   * chDB answers a text that holds no statement (blank, only comments, or bytes its lexer skips)
   * with an empty success; the server refuses it as an empty query or a syntax error.
   */
  private static ChdbEngine.QueryOutcome checked(
      ChdbEngine.QueryOutcome outcome, ChdbEngine.Classification classification, Spec spec) {
    if (outcome.failed()
        || spec.statement().length > CLASSIFY_LIMIT
        || classification.statements() > 0
        || outcome.body().length > 0
        || outcome.writtenRows() > 0) {
      return outcome;
    }
    String text =
        LEADING_COMMENTS
            .matcher(
                new String(
                    spec.statement(),
                    0,
                    Math.min(spec.statement().length, 100),
                    StandardCharsets.UTF_8))
            .replaceFirst("");
    if (text.isEmpty()) {
      return ChdbEngine.QueryOutcome.failure(
          "Code: 62. DB::Exception: Empty query. (SYNTAX_ERROR)");
    }
    return ChdbEngine.QueryOutcome.failure(
        "Code: 62. DB::Exception: Syntax error: failed at position 1 ("
            + text
            + "): "
            + text
            + ". Unrecognized token. (SYNTAX_ERROR)");
  }

  /** chDB runs every statement of a text; ClickHouse's HTTP interface refuses more than one. */
  private static ChdbEngine.Classification classify(
      ChdbEngine.Connection connection, byte[] statement) {
    byte[] text =
        statement.length <= CLASSIFY_LIMIT
            ? statement
            : java.util.Arrays.copyOf(statement, CLASSIFY_LIMIT);
    ChdbEngine.Classification classification = connection.classify(text);
    if (classification.statements() > 1) {
      throw new ClickHouseException(
          ClickHouseError.of(
              ClickHouseError.SYNTAX_ERROR,
              "Code: 62. DB::Exception: Syntax error (Multi-statements are not allowed). "
                  + "(SYNTAX_ERROR)"));
    }
    return classification;
  }

  private static ChdbEngine.QueryOutcome run(ChdbEngine.Connection connection, Spec spec)
      throws InterruptedException {
    ChdbEngine.QueryOutcome outcome =
        connection.query(spec.statement(), spec.defaultFormat(), spec.parameters());
    if (outcome.failed()) {
      return spec.readOnlyMethod() ? httpReadonlyMessage(outcome, spec.user()) : outcome;
    }
    if (spec.clientProtocolVersion() > 0
        && spec.outputFormat().equals("Native")
        && outcome.body().length > 0) {
      NativeTranscoder transcoder =
          new NativeTranscoder(spec.clientProtocolVersion(), () -> describe(connection, spec));
      return new ChdbEngine.QueryOutcome(
          transcoder.transcode(outcome.body()),
          null,
          outcome.resultRows(),
          outcome.resultBytes(),
          outcome.readRows(),
          outcome.readBytes(),
          outcome.writtenRows(),
          outcome.writtenBytes(),
          outcome.elapsedNanos());
    }
    return outcome;
  }

  /**
   * The result's column types as a server names them, from {@code DESCRIBE TABLE (<query>)}: the
   * analyzer's answer without running the query again. Null when the statement cannot be described
   * (not a SELECT); the caller then keeps the types chDB gave.
   */
  private static List<String> describe(ChdbEngine.Connection connection, Spec spec) {
    if (spec.statement().length > CLASSIFY_LIMIT) {
      return null;
    }
    String sql = new String(spec.statement(), StandardCharsets.UTF_8);
    sql = TRAILING_FORMAT.matcher(sql).replaceFirst("").strip();
    while (sql.endsWith(";")) {
      sql = sql.substring(0, sql.length() - 1).strip();
    }
    byte[] describe = ("DESCRIBE TABLE (\n" + sql + "\n)").getBytes(StandardCharsets.UTF_8);
    try {
      ChdbEngine.QueryOutcome outcome = connection.query(describe, "Native", spec.parameters());
      return outcome.failed() ? null : firstColumnPairs(outcome.body()).get(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Reads the first two String columns (name, type) of revision-0 Native output. */
  private static List<List<String>> firstColumnPairs(byte[] native0) {
    List<String> names = new ArrayList<>();
    List<String> types = new ArrayList<>();
    NativeReader in = new NativeReader(native0);
    while (!in.atEnd()) {
      long columns = in.readVarUInt();
      long rows = in.readVarUInt();
      for (int column = 0; column < columns; column++) {
        in.readString();
        NativeType type = NativeType.parse(in.readString());
        if (rows == 0) {
          continue;
        }
        if (column < 2 && type.kind() == NativeType.Kind.STRING) {
          for (long row = 0; row < rows; row++) {
            (column == 0 ? names : types).add(in.readString());
          }
        } else {
          type.skipPrefix(in);
          type.skipData(in, rows);
        }
      }
    }
    return List.of(names, types);
  }

  private static ChdbEngine.QueryOutcome httpReadonlyMessage(
      ChdbEngine.QueryOutcome outcome, String user) {
    String error = outcome.error();
    if (!error.startsWith("Code: 164.") || !error.contains(READONLY_TEXT)) {
      return outcome;
    }
    String text =
        error
            .replace("default: " + READONLY_TEXT, user + ": " + READONLY_TEXT)
            .replace(READONLY_TEXT, READONLY_HTTP_TEXT);
    return ChdbEngine.QueryOutcome.failure(text);
  }

  /**
   * What {@code readonly=2} lets through: reads, and changing settings, the current database or
   * temporary tables (InterpreterSetQuery, ContextAccess::checkAccessImpl); not the readonly
   * setting.
   */
  private static boolean readonlyTwoAllows(ChdbEngine.Classification classification, String head) {
    if (classification.queryClass() == ChdbEngine.QueryClass.READ_ONLY) {
      return true;
    }
    if (head.startsWith("SET ")) {
      return !head.startsWith("SET READONLY");
    }
    return head.startsWith("USE ") || head.startsWith("CREATE TEMPORARY TABLE ");
  }

  /** The statement's first words, upper case, single-spaced, without leading comments. */
  static String leadingKeywords(byte[] statement) {
    String start =
        new String(statement, 0, Math.min(statement.length, 4096), StandardCharsets.UTF_8);
    start = LEADING_COMMENTS.matcher(start).replaceFirst("");
    String[] words = start.split("\\s+", 5);
    return String.join(" ", java.util.Arrays.copyOf(words, Math.min(words.length, 4)))
            .toUpperCase(Locale.ROOT)
        + " ";
  }

  private static ChdbEngine.QueryOutcome use(ChdbEngine.Connection connection, String database)
      throws InterruptedException {
    if (database == null || database.isEmpty()) {
      return null;
    }
    ChdbEngine.QueryOutcome outcome = sql(connection, "USE " + quoteIdentifier(database));
    return outcome.failed() ? outcome : null;
  }

  private static ChdbEngine.QueryOutcome set(
      ChdbEngine.Connection connection, Map<String, String> settings) throws InterruptedException {
    for (Map.Entry<String, String> setting : settings.entrySet()) {
      ChdbEngine.QueryOutcome outcome =
          sql(
              connection,
              "SET " + quoteIdentifier(setting.getKey()) + " = " + quote(setting.getValue()));
      if (outcome.failed()) {
        return outcome;
      }
    }
    return null;
  }

  /** Each setting's value and whether the session changed it, to put back afterwards. */
  private static Map<String, String[]> currentSettings(
      ChdbEngine.Connection connection, Iterable<String> names) throws InterruptedException {
    Map<String, String[]> values = new LinkedHashMap<>();
    for (String name : names) {
      ChdbEngine.QueryOutcome outcome =
          sql(connection, "SELECT value, changed FROM system.settings WHERE name = " + quote(name));
      String[] row = new String(outcome.body(), StandardCharsets.UTF_8).strip().split("\t", -1);
      if (!outcome.failed() && row.length == 2) {
        values.put(name, row);
      }
    }
    return values;
  }

  private static void restore(ChdbEngine.Connection connection, Map<String, String[]> previous)
      throws InterruptedException {
    for (Map.Entry<String, String[]> setting : previous.entrySet()) {
      String name = quoteIdentifier(setting.getKey());
      String[] value = setting.getValue();
      sql(
          connection,
          value[1].equals("1")
              ? "SET " + name + " = " + quote(unescapeTsv(value[0]))
              : "SET " + name + " = DEFAULT");
    }
  }

  private static String scalar(ChdbEngine.Connection connection, String query)
      throws InterruptedException {
    ChdbEngine.QueryOutcome outcome = sql(connection, query);
    return outcome.failed()
        ? null
        : unescapeTsv(new String(outcome.body(), StandardCharsets.UTF_8).strip());
  }

  private static ChdbEngine.QueryOutcome sql(ChdbEngine.Connection connection, String text)
      throws InterruptedException {
    return connection.query(text.getBytes(StandardCharsets.UTF_8), "TabSeparated", Map.of());
  }

  private static String unescapeTsv(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' && i + 1 < value.length()) {
        char next = value.charAt(++i);
        out.append(
            switch (next) {
              case 't' -> '\t';
              case 'n' -> '\n';
              case 'r' -> '\r';
              case '0' -> '\0';
              default -> next;
            });
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  static String quoteIdentifier(String name) {
    return "`" + name.replace("\\", "\\\\").replace("`", "\\`") + "`";
  }

  static String quote(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
