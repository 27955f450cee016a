package org.emission.notify;

/** The alert state change a record carries ({@code lifecycle} of the alert record). */
public enum Lifecycle {
  OPENED,
  UPDATED,
  CLOSED;

  /** The lifecycle named by {@code text}, or null. */
  static Lifecycle parse(String text) {
    for (Lifecycle l : values()) {
      if (l.name().equals(text)) {
        return l;
      }
    }
    return null;
  }
}
