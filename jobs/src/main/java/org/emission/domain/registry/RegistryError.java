package org.emission.domain.registry;

import java.io.Serializable;

/**
 * One problem in the registry files, precise enough for a bureau clerk to fix it in a spreadsheet.
 *
 * @param file file name, e.g. {@code outlets.csv}
 * @param line 1-based line number in the file (1 = header), 0 for the file as a whole
 * @param column the column name, or empty when the problem is not in one cell
 * @param reason what is wrong and what is expected
 */
public record RegistryError(String file, int line, String column, String reason)
    implements Serializable {

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder(file);
    if (line > 0) {
      b.append(':').append(line);
    }
    if (!column.isEmpty()) {
      b.append(" [").append(column).append(']');
    }
    return b.append(": ").append(reason).toString();
  }
}
