package org.emission.notify;

/** The verdict on one delivery attempt. */
record Outcome(Kind kind, String reason) {
  enum Kind {
    SENT,
    FAILED,
    /** The vendor said "too many": hold back before the next attempt. */
    RATE_LIMITED
  }

  static final Outcome SENT = new Outcome(Kind.SENT, "ok");

  static Outcome failed(String reason) {
    return new Outcome(Kind.FAILED, reason);
  }

  static Outcome rateLimited(String reason) {
    return new Outcome(Kind.RATE_LIMITED, reason);
  }

  boolean sent() {
    return kind == Kind.SENT;
  }
}
