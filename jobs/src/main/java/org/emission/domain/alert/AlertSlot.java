package org.emission.domain.alert;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.emission.domain.Round;
import org.emission.domain.registry.LimitInForce;
import org.emission.domain.registry.Outlet;

/**
 * One alert episode of one key and kind: the last record emitted while it is open (part of a rule's
 * state). Opening, updating and closing produce the records with the next revision.
 */
public final class AlertSlot implements Serializable {

  private static final long serialVersionUID = 1L;

  private final AlertKind kind;
  private Alert current;

  public AlertSlot(AlertKind kind) {
    this.kind = kind;
  }

  public boolean isOpen() {
    return current != null;
  }

  /** The open alert's last record, or null. */
  public Alert current() {
    return current;
  }

  /** Start of the open alert, or null. */
  public Instant start() {
    return current == null ? null : current.start();
  }

  /** Peak of the open alert as a double, or null. */
  public Double peak() {
    return current == null || current.peakValue() == null
        ? null
        : current.peakValue().doubleValue();
  }

  /** Opens an alert against a limit in force. */
  public Alert open(
      Outlet outlet,
      String pollutant,
      Instant start,
      Instant at,
      Double peak,
      LimitInForce limit,
      String detail) {
    return open(
        outlet,
        pollutant,
        start,
        at,
        peak,
        limit == null ? null : limit.value(),
        limit == null ? null : limit.kind().code(),
        limit == null ? null : limit.source(),
        detail);
  }

  /** Opens an alert against a configured threshold ({@code limitKind = "threshold"}). */
  public Alert openAgainstThreshold(
      Outlet outlet,
      String pollutant,
      Instant start,
      Instant at,
      Double peak,
      Double threshold,
      String thresholdName,
      String detail) {
    return open(
        outlet,
        pollutant,
        start,
        at,
        peak,
        threshold == null ? null : BigDecimal.valueOf(threshold),
        threshold == null ? null : "threshold",
        thresholdName,
        detail);
  }

  private Alert open(
      Outlet outlet,
      String pollutant,
      Instant start,
      Instant at,
      Double peak,
      BigDecimal limitValue,
      String limitKind,
      String limitSource,
      String detail) {
    if (current != null) {
      throw new IllegalStateException(kind + " is already open since " + current.start());
    }
    BigDecimal peakValue = Round.value(peak);
    current =
        new Alert(
            AlertIds.of(outlet.id(), pollutant, kind, start),
            kind,
            kind.defaultSeverity(),
            AlertLifecycle.OPENED,
            1,
            outlet.id(),
            outlet.enterpriseId(),
            outlet.mn(),
            pollutant,
            start,
            null,
            at,
            peakValue,
            limitValue,
            limitKind,
            limitSource,
            multiple(peakValue, limitValue, limitKind),
            detail);
    return current;
  }

  /**
   * An UPDATED record with a new peak (and the limit it was judged against), or empty when nothing
   * changed.
   */
  public Optional<Alert> update(Instant at, Double peak, LimitInForce limit, String detail) {
    BigDecimal limitValue = limit == null ? current.limitValue() : limit.value();
    String limitKind = limit == null ? current.limitKind() : limit.kind().code();
    String limitSource = limit == null ? current.limitSource() : limit.source();
    return update(at, Round.value(peak), limitValue, limitKind, limitSource, detail);
  }

  /** An UPDATED record with a new peak against the same threshold, or empty when unchanged. */
  public Optional<Alert> update(Instant at, Double peak, String detail) {
    return update(
        at,
        Round.value(peak),
        current.limitValue(),
        current.limitKind(),
        current.limitSource(),
        detail);
  }

  private Optional<Alert> update(
      Instant at,
      BigDecimal peakValue,
      BigDecimal limitValue,
      String limitKind,
      String limitSource,
      String detail) {
    requireOpen();
    if (Objects.equals(peakValue, current.peakValue())
        && Objects.equals(limitValue, current.limitValue())
        && Objects.equals(detail, current.detail())) {
      return Optional.empty();
    }
    current =
        new Alert(
            current.id(),
            kind,
            current.severity(),
            AlertLifecycle.UPDATED,
            current.revision() + 1,
            current.outletId(),
            current.enterpriseId(),
            current.mn(),
            current.pollutant(),
            current.start(),
            null,
            at,
            peakValue,
            limitValue,
            limitKind,
            limitSource,
            multiple(peakValue, limitValue, limitKind),
            detail);
    return Optional.of(current);
  }

  /** Closes the open alert; the slot is free again. */
  public Alert close(Instant end, Instant at, String detail) {
    requireOpen();
    Alert closed =
        new Alert(
            current.id(),
            kind,
            current.severity(),
            AlertLifecycle.CLOSED,
            current.revision() + 1,
            current.outletId(),
            current.enterpriseId(),
            current.mn(),
            current.pollutant(),
            current.start(),
            end,
            at,
            current.peakValue(),
            current.limitValue(),
            current.limitKind(),
            current.limitSource(),
            current.exceedanceMultiple(),
            detail == null ? current.detail() : detail);
    current = null;
    return closed;
  }

  private void requireOpen() {
    if (current == null) {
      throw new IllegalStateException(kind + " is not open");
    }
  }

  /** Exceedance multiple {@code (C − L) / L} (超标倍数) against a limit (not a threshold). */
  static BigDecimal multiple(BigDecimal peak, BigDecimal limit, String limitKind) {
    if (peak == null || limit == null || limit.signum() == 0 || "threshold".equals(limitKind)) {
      return null;
    }
    return Round.value((peak.doubleValue() - limit.doubleValue()) / limit.doubleValue());
  }
}
