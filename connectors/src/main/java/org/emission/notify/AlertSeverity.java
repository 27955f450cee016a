package org.emission.notify;

/** How urgent an alert is, in increasing order (the {@code severity} of the alert record). */
public enum AlertSeverity {
  INFO,
  WARNING,
  CRITICAL;

  /** The severity named by {@code text}, or null. */
  static AlertSeverity parse(String text) {
    for (AlertSeverity s : values()) {
      if (s.name().equals(text)) {
        return s;
      }
    }
    return null;
  }
}
