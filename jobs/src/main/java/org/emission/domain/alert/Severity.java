package org.emission.domain.alert;

/** How urgent an alert is for the duty officer. */
public enum Severity {
  INFO,
  WARNING,
  CRITICAL
}
