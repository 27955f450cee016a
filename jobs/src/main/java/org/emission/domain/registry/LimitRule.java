package org.emission.domain.registry;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.emission.domain.Cst;

/**
 * One row of {@code limits.csv}: a limit for one outlet or for all outlets of a sector, valid on
 * CST days {@code [effectiveFrom, effectiveTo)}.
 *
 * @param target the cell as written: an outlet id or {@code sector:<sector>}
 * @param outletId the outlet, or null for a sector row
 * @param sector the sector, or null for an outlet row
 * @param unit {@code mg/m3} (flue gas, dry standard state) or {@code mg/L} (wastewater)
 * @param effectiveTo first day no longer covered, or null when open-ended
 * @param line line of the row in {@code limits.csv}, to cite in results
 */
public record LimitRule(
    String target,
    String outletId,
    String sector,
    String pollutant,
    LimitKind kind,
    BigDecimal value,
    String unit,
    Averaging averaging,
    LocalDate effectiveFrom,
    LocalDate effectiveTo,
    String source,
    int line)
    implements Serializable {

  /** Prefix of a sector target in the {@code outlet_id} column. */
  public static final String SECTOR_PREFIX = "sector:";

  /** 00:00 +08:00 of {@code effectiveFrom}: the first instant covered (inclusive). */
  public Instant validFrom() {
    return Cst.startOf(effectiveFrom);
  }

  /** 00:00 +08:00 of {@code effectiveTo}: the first instant no longer covered, or null. */
  public Instant validTo() {
    return effectiveTo == null ? null : Cst.startOf(effectiveTo);
  }

  /** Whether the period starting at {@code periodStart} is covered. */
  public boolean covers(Instant periodStart) {
    return !periodStart.isBefore(validFrom())
        && (effectiveTo == null || periodStart.isBefore(validTo()));
  }

  /** Whether two rows' validity periods share at least one day. */
  public boolean overlaps(LimitRule other) {
    boolean startsBeforeOtherEnds =
        other.effectiveTo == null || effectiveFrom.isBefore(other.effectiveTo);
    boolean otherStartsBeforeThisEnds =
        effectiveTo == null || other.effectiveFrom.isBefore(effectiveTo);
    return startsBeforeOtherEnds && otherStartsBeforeThisEnds;
  }
}
