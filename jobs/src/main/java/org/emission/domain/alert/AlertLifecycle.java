package org.emission.domain.alert;

/** Alert state change carried by one alert record (design: alerts lifecycle). */
public enum AlertLifecycle {
  OPENED,
  UPDATED,
  CLOSED
}
