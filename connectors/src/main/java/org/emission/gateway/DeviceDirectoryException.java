package org.emission.gateway;

import java.util.List;

/** The device directory cannot be loaded; each problem names its file, line, column and reason. */
public final class DeviceDirectoryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  DeviceDirectoryException(List<String> problems) {
    super(summary(problems));
    this.problems = List.copyOf(problems);
  }

  /** One message per problem, e.g. {@code registry/devices.csv:7: column pw: password is empty}. */
  public List<String> problems() {
    return problems;
  }

  private static String summary(List<String> problems) {
    StringBuilder sb =
        new StringBuilder()
            .append(problems.size())
            .append(problems.size() == 1 ? " problem" : " problems")
            .append(" in the device directory:");
    int shown = Math.min(problems.size(), 20);
    for (int i = 0; i < shown; i++) {
      sb.append(System.lineSeparator()).append("  ").append(problems.get(i));
    }
    if (shown < problems.size()) {
      sb.append(System.lineSeparator())
          .append("  ... and ")
          .append(problems.size() - shown)
          .append(" more");
    }
    return sb.toString();
  }
}
