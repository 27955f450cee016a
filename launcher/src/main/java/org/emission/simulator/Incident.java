package org.emission.simulator;

/**
 * One injected incident, a row of the incidents file.
 *
 * @param id stable id within a run, e.g. {@code INC-003}
 * @param outletId the outlet, empty for an unregistered logger or a meter incident
 * @param mn the logger's MN, empty for a meter incident
 * @param pollutant the HJ 212 code concerned, empty when the whole device is concerned
 * @param start first instant of the injected behaviour (epoch ms)
 * @param end first instant after it (epoch ms)
 * @param detectedBy the alert kinds or reject reasons that should report it, ';'-separated
 * @param subject a meter id or enterprise id for meter incidents, empty otherwise
 * @param level the shape parameter: peak multiple of the limit for exceedance and creep, the factor
 *     applied to the logger's hourly value for hour_mismatch; unused otherwise
 */
public record Incident(
    String id,
    IncidentKind kind,
    String outletId,
    String mn,
    String pollutant,
    long start,
    long end,
    String detectedBy,
    String subject,
    double level) {

  boolean covers(long t) {
    return t >= start && t < end;
  }

  /** Whether the CST day starting at {@code dayStart} overlaps the incident. */
  boolean touchesDay(long dayStart) {
    return start < dayStart + CstTime.DAY && end > dayStart;
  }

  Incident withId(String newId) {
    return new Incident(
        newId, kind, outletId, mn, pollutant, start, end, detectedBy, subject, level);
  }
}
