/**
 * Alerts as pure state machines. Each rule class is the state of one key (an outlet, or an outlet
 * and pollutant); its methods take an input (a minute, an hour, a day, a processing-time tick) and
 * return the alert changes it causes: OPENED, UPDATED, CLOSED records of {@link
 * org.emission.domain.alert.Alert}, whose id is a UUID v5 of (outlet, pollutant, kind, start).
 *
 * <p>Sequence rules (flat line, dilution, zero flow, calibration/maintenance, out of range, stopped
 * but emitting, operating but silent, early warning) judge minutes in event-time order: a minute
 * older than the last one they judged is ignored by them, since backfilled data is judged by the
 * hour and day values, the exceedance rule and DATA_GAP.
 */
package org.emission.domain.alert;
