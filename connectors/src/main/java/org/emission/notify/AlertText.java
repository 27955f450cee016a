package org.emission.notify;

import org.emission.records.AlertEvent;

/** Builds the human text of an alert record in one language. */
interface AlertText {
  AlertMessage compose(AlertEvent event);

  /** The separator between a detail's label and value (full-width colon in Chinese). */
  String labelSeparator();
}
