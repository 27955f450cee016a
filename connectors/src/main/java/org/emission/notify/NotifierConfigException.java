package org.emission.notify;

import java.util.List;

/** A notifier configuration that cannot be used, with every problem found (one per bad value). */
public final class NotifierConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient List<String> problems;

  public NotifierConfigException(String origin, List<String> problems) {
    super(message(origin, problems));
    this.problems = List.copyOf(problems);
  }

  /** Each problem as {@code path: what is wrong (and what is allowed)}. */
  public List<String> problems() {
    return problems;
  }

  private static String message(String origin, List<String> problems) {
    StringBuilder s =
        new StringBuilder(origin)
            .append(": ")
            .append(problems.size())
            .append(problems.size() == 1 ? " problem" : " problems");
    for (String p : problems) {
      s.append("\n  ").append(p);
    }
    return s.toString();
  }
}
