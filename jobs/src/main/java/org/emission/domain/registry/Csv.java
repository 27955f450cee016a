package org.emission.domain.registry;

import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 reader for spreadsheet exports: comma separated, double-quoted cells may hold
 * commas, doubled quotes and line breaks; a UTF-8 BOM is dropped; CRLF and LF both end a row.
 */
public final class Csv {

  /** One row with the 1-based line on which it starts. */
  public record Row(int line, List<String> cells) {
    public boolean isBlank() {
      return cells.stream().allMatch(String::isBlank);
    }
  }

  /** A row that could not be read, e.g. an unterminated quote. */
  public record Problem(int line, String reason) {}

  public record Result(List<Row> rows, List<Problem> problems) {}

  private Csv() {}

  public static Result parse(String text) {
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    List<Row> rows = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    int line = 1;
    int rowLine = 1;
    boolean quoted = false;
    boolean any = false;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            cell.append('"');
            i += 2;
            continue;
          }
          quoted = false;
        } else {
          if (c == '\n') {
            line++;
          }
          cell.append(c);
        }
        i++;
        continue;
      }
      switch (c) {
        case '"' -> {
          quoted = true;
          any = true;
        }
        case ',' -> {
          cells.add(cell.toString());
          cell.setLength(0);
          any = true;
        }
        case '\r' -> {
          // part of CRLF; a lone CR is dropped as well
        }
        case '\n' -> {
          cells.add(cell.toString());
          rows.add(new Row(rowLine, List.copyOf(cells)));
          cells.clear();
          cell.setLength(0);
          any = false;
          line++;
          rowLine = line;
        }
        default -> {
          cell.append(c);
          any = true;
        }
      }
      i++;
    }
    if (quoted) {
      problems.add(new Problem(rowLine, "unterminated quoted cell (a \" without its closing \")"));
    } else if (any || cell.length() > 0) {
      cells.add(cell.toString());
      rows.add(new Row(rowLine, List.copyOf(cells)));
    }
    return new Result(rows, problems);
  }
}
