package org.emission.dashboards;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns a panel's {@code rawSql} into the SQL ClickHouse receives, as Grafana with the {@code
 * grafana-clickhouse-datasource} plugin 4.20.0 does it, in the same three steps:
 *
 * <ol>
 *   <li>Frontend, {@code applyConditionalAll}: {@code $__conditionalAll(condition, $var)} becomes
 *       {@code 1=1} when {@code $var} is "All" (or nothing is selected), else the condition.
 *   <li>Frontend, Grafana's template service with the plugin's formatter: {@code
 *       ${var:singlequote}} becomes {@code 'v1','v2'} (a {@code '} in a value escaped as {@code
 *       \'}); a bare {@code $var}/{@code ${var}} becomes {@code 'v1','v2'} for a multi-value
 *       variable and the raw value for a single-value one. "All" without a custom all value means
 *       every option of the variable.
 *   <li>Backend, the plugin's macros (pkg/macros/macros.go), with the range's instants in Unix
 *       seconds {@code F}, {@code T} (milliseconds {@code Fms}, {@code Tms}) and UTC dates {@code
 *       DF}, {@code DT}:
 *       <ul>
 *         <li>{@code $__timeFilter(c)} → {@code c >= toDateTime(F) AND c <= toDateTime(T)}
 *         <li>{@code $__timeFilter_ms(c)} → {@code c >= fromUnixTimestamp64Milli(Fms) AND c <=
 *             fromUnixTimestamp64Milli(Tms)}
 *         <li>{@code $__fromTime}, {@code $__toTime} → {@code toDateTime(F)}, {@code
 *             toDateTime(T)}; {@code $__fromTime_ms}, {@code $__toTime_ms} → {@code
 *             fromUnixTimestamp64Milli(Fms)}, {@code fromUnixTimestamp64Milli(Tms)}
 *         <li>{@code $__timeFrom(c)} → {@code c >= toDateTime(F)}; {@code $__timeTo(c)} → {@code c
 *             <= toDateTime(T)}
 *         <li>{@code $__dateFilter(c)} → {@code c >= toDate('DF') AND c <= toDate('DT')}
 *         <li>{@code $__dateTimeFilter(d, t)} (alias {@code $__dt}) → {@code (d >= toDate('DF') AND
 *             d <= toDate('DT')) AND (t >= toDateTime(F) AND t <= toDateTime(T))}
 *         <li>{@code $__timeInterval(c)} → {@code toStartOfInterval(toDateTime(c), INTERVAL N
 *             second)}; {@code $__timeInterval_ms(c)} → {@code toStartOfInterval(toDateTime64(c,
 *             3), INTERVAL Nms millisecond)}; {@code $__interval_s} → {@code N} (the panel
 *             interval, at least 1)
 *       </ul>
 * </ol>
 *
 * Any other {@code $__} macro is rejected here (the plugin would pass it to ClickHouse unchanged),
 * so a dashboard can only use what the plugin expands.
 */
final class GrafanaExpansion {
  private static final String CONDITIONAL_ALL = "$__conditionalAll(";
  private static final String ALL = "$__all";
  private static final Pattern CONDITIONAL_ALL_VARIABLE =
      Pattern.compile("(?<=\\$\\{)[\\w\\d]+(?=\\})|(?<=\\$)[\\w\\d]+");
  private static final Pattern MACRO_ARGUMENT_TOKENS = Pattern.compile("\\(|\\)|,");

  /** Grafana's template variable syntax (public/app/features/variables/utils.ts, variableRegex). */
  private static final Pattern VARIABLE =
      Pattern.compile(
          "\\$(\\w+)|\\[\\[(\\w+?)(?::(\\w+))?\\]\\]|\\$\\{(\\w+)(?:\\.([^:^\\}]+))?(?::([^\\}]+))?\\}");

  private static final Pattern MACRO = Pattern.compile("\\$__(\\w+)");
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

  private GrafanaExpansion() {}

  /**
   * A template variable's current selection.
   *
   * @param all "All" is selected (Grafana's {@code $__all})
   * @param values the selected values, or for "All" every option of the variable
   * @param multi whether the variable is multi-value (its value is then a list)
   */
  record Selection(boolean all, List<String> values, boolean multi) {
    static Selection all(List<String> options) {
      return new Selection(true, List.copyOf(options), true);
    }

    static Selection of(String... values) {
      return new Selection(false, List.of(values), true);
    }

    static Selection single(String value) {
      return new Selection(false, List.of(value), false);
    }

    /** {@code current.value.toString()} in the browser: an array joins with commas. */
    String currentValueText() {
      return all ? ALL : String.join(",", values);
    }
  }

  /** The dashboard's time range and the panel's interval. */
  record TimeRange(Instant from, Instant to, Duration interval) {}

  static String expand(String rawSql, Map<String, Selection> variables, TimeRange range) {
    String sql = applyConditionalAll(rawSql, variables);
    sql = replaceVariables(sql, variables);
    return applyMacros(sql, range);
  }

  /** The plugin's {@code applyConditionalAll} (src/data/CHDatasource.ts). */
  static String applyConditionalAll(String rawQuery, Map<String, Selection> variables) {
    String query = rawQuery;
    int macroIndex = query.lastIndexOf(CONDITIONAL_ALL);
    while (macroIndex != -1) {
      List<String> params = macroArgs(query, macroIndex + CONDITIONAL_ALL.length() - 1);
      if (params.size() != 2) {
        return query;
      }
      Matcher name = CONDITIONAL_ALL_VARIABLE.matcher(params.get(1).trim());
      String phrase = params.get(0);
      if (name.find()) {
        Selection selection = variables.get(name.group());
        String value = selection == null ? null : selection.currentValueText();
        if ("".equals(value) || ALL.equals(value)) {
          phrase = "1=1";
        }
      }
      String macro = CONDITIONAL_ALL + params.get(0) + "," + params.get(1) + ")";
      int at = query.indexOf(macro);
      query = query.substring(0, at) + phrase + query.substring(at + macro.length());
      macroIndex = query.lastIndexOf(CONDITIONAL_ALL);
    }
    return query;
  }

  /**
   * The plugin's {@code getMacroArgs}: arguments between the parenthesis at argsIndex and its
   * match.
   */
  static List<String> macroArgs(String query, int argsIndex) {
    List<String> args = new ArrayList<>();
    String rest = query.substring(argsIndex);
    Matcher token = MACRO_ARGUMENT_TOKENS.matcher(rest);
    int depth = 0;
    int argStart = 1;
    while (token.find()) {
      String found = token.group();
      if (found.equals("(")) {
        depth++;
      } else if (found.equals(")")) {
        depth--;
      }
      if (found.equals(",") && depth == 1) {
        args.add(rest.substring(argStart, token.end() - 1));
        argStart = token.end();
      }
      if (depth == 0) {
        args.add(rest.substring(argStart, token.end() - 1));
        return args;
      }
    }
    return List.of();
  }

  /** Grafana's template service replace(), with the plugin's {@code format} as the formatter. */
  static String replaceVariables(String sql, Map<String, Selection> variables) {
    Matcher match = VARIABLE.matcher(sql);
    StringBuilder out = new StringBuilder();
    while (match.find()) {
      String name = firstNonNull(match.group(1), match.group(2), match.group(4));
      String format = firstNonNull(match.group(3), match.group(6));
      Selection selection = variables.get(name);
      String replacement =
          selection == null ? match.group() : formatted(selection, format, match.group());
      match.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    match.appendTail(out);
    return out.toString();
  }

  private static String formatted(Selection selection, String format, String text) {
    if (format == null) {
      return selection.multi()
          ? selection.values().stream().map(v -> "'" + v + "'").collect(Collectors.joining(","))
          : selection.values().get(0);
    }
    if (format.equals("singlequote")) {
      return selection.values().stream()
          .map(v -> "'" + v.replace("'", "\\'") + "'")
          .collect(Collectors.joining(","));
    }
    throw new IllegalArgumentException("variable format not expanded by this test: " + text);
  }

  /** The plugin's backend macros (pkg/macros/macros.go). */
  static String applyMacros(String sql, TimeRange range) {
    StringBuilder out = new StringBuilder();
    Matcher macro = MACRO.matcher(sql);
    int copied = 0;
    while (macro.find(copied)) {
      out.append(sql, copied, macro.start());
      int end = macro.end();
      List<String> args = List.of();
      if (end < sql.length() && sql.charAt(end) == '(') {
        List<String> raw = macroArgs(sql, end);
        if (raw.isEmpty()) {
          throw new IllegalArgumentException("unbalanced parentheses after " + macro.group());
        }
        args = raw.stream().map(String::strip).filter(a -> !a.isEmpty()).toList();
        end = closingParenthesis(sql, end) + 1;
      }
      out.append(expandMacro(macro.group(1), args, range));
      copied = end;
    }
    out.append(sql.substring(copied));
    return out.toString();
  }

  private static int closingParenthesis(String sql, int open) {
    int depth = 0;
    for (int i = open; i < sql.length(); i++) {
      if (sql.charAt(i) == '(') {
        depth++;
      } else if (sql.charAt(i) == ')' && --depth == 0) {
        return i;
      }
    }
    throw new IllegalArgumentException("unbalanced parentheses at " + open);
  }

  private static String expandMacro(String name, List<String> args, TimeRange range) {
    String from = "toDateTime(" + range.from().getEpochSecond() + ")";
    String to = "toDateTime(" + range.to().getEpochSecond() + ")";
    String fromMs = "fromUnixTimestamp64Milli(" + range.from().toEpochMilli() + ")";
    String toMs = "fromUnixTimestamp64Milli(" + range.to().toEpochMilli() + ")";
    String fromDate = "toDate('" + DATE.format(range.from()) + "')";
    String toDate = "toDate('" + DATE.format(range.to()) + "')";
    long seconds = Math.max(range.interval().toSeconds(), 1);
    long millis = Math.max(range.interval().toMillis(), 1);
    return switch (name) {
      case "timeFilter" -> between(one(name, args), from, to);
      case "timeFilter_ms" -> between(one(name, args), fromMs, toMs);
      case "fromTime" -> none(name, args, from);
      case "toTime" -> none(name, args, to);
      case "fromTime_ms" -> none(name, args, fromMs);
      case "toTime_ms" -> none(name, args, toMs);
      case "timeFrom" -> one(name, args) + " >= " + from;
      case "timeTo" -> one(name, args) + " <= " + to;
      case "dateFilter" -> between(one(name, args), fromDate, toDate);
      case "dateTimeFilter", "dt" -> {
        if (args.size() != 2) {
          throw new IllegalArgumentException("$__" + name + " takes 2 arguments, got " + args);
        }
        yield "("
            + between(args.get(0), fromDate, toDate)
            + ") AND ("
            + between(args.get(1), from, to)
            + ")";
      }
      case "timeInterval" ->
          "toStartOfInterval(toDateTime(" + one(name, args) + "), INTERVAL " + seconds + " second)";
      case "timeInterval_ms" ->
          "toStartOfInterval(toDateTime64("
              + one(name, args)
              + ", 3), INTERVAL "
              + millis
              + " millisecond)";
      case "interval_s" -> none(name, args, Long.toString(seconds));
      default -> throw new IllegalArgumentException("macro $__" + name + " is not expanded here");
    };
  }

  private static String between(String column, String from, String to) {
    return column + " >= " + from + " AND " + column + " <= " + to;
  }

  private static String one(String name, List<String> args) {
    if (args.size() != 1) {
      throw new IllegalArgumentException("$__" + name + " takes 1 argument, got " + args);
    }
    return args.get(0);
  }

  private static String none(String name, List<String> args, String expansion) {
    if (!args.isEmpty()) {
      throw new IllegalArgumentException("$__" + name + " takes no argument, got " + args);
    }
    return expansion;
  }

  @SafeVarargs
  private static <T> T firstNonNull(T... values) {
    for (T value : values) {
      if (value != null) {
        return value;
      }
    }
    return null;
  }
}
