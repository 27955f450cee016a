package org.emission.gateway;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one line of a CSV file as spreadsheets write them (RFC 4180): fields separated by commas,
 * a field in double quotes may hold commas and doubled quotes. Line breaks inside quotes are not
 * supported: the registry's fields never need them.
 */
final class CsvLines {
  private CsvLines() {}

  /**
   * The fields of a line, each trimmed of surrounding spaces.
   *
   * @throws IllegalArgumentException when a quote is not closed, or text follows a closing quote
   */
  static List<String> split(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int i = 0;
    int n = line.length();
    while (true) {
      while (i < n && line.charAt(i) == ' ') {
        i++;
      }
      if (i < n && line.charAt(i) == '"') {
        i++;
        while (true) {
          if (i >= n) {
            throw new IllegalArgumentException("a quoted field is not closed");
          }
          char c = line.charAt(i++);
          if (c == '"') {
            if (i < n && line.charAt(i) == '"') {
              field.append('"');
              i++;
            } else {
              break;
            }
          } else {
            field.append(c);
          }
        }
        while (i < n && line.charAt(i) == ' ') {
          i++;
        }
        if (i < n && line.charAt(i) != ',') {
          throw new IllegalArgumentException(
              "text after a closing quote in field " + (fields.size() + 1));
        }
      } else {
        while (i < n && line.charAt(i) != ',') {
          field.append(line.charAt(i++));
        }
      }
      fields.add(field.toString().trim());
      field.setLength(0);
      if (i >= n) {
        return fields;
      }
      i++;
    }
  }
}
