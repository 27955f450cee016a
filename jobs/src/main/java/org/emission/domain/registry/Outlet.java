package org.emission.domain.registry;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import org.emission.domain.Cst;

/**
 * An outlet (排放口) with its HJ 212 logger, one row of {@code outlets.csv}.
 *
 * @param mn the logger's HJ 212 device id (MN), unique in the registry
 * @param o2Ref reference O2 in % of the outlet's standard (基准含氧量), null for wastewater or when the
 *     standard sets none (then the dry standard concentration is compared unconverted)
 * @param statusSince the first CST day of {@code status}
 * @param flowUnit unit of the logger's flow values
 * @param minIntervalMinutes the logger's minute-data interval (HJ 212 MinInterval: one of 1, 2, 3,
 *     4, 5, 6, 10, 12, 15, 20, 30): each 2051 record covers this many minutes
 */
public record Outlet(
    String id,
    String enterpriseId,
    String name,
    OutletKind kind,
    String mn,
    String facility,
    Double o2Ref,
    OutletStatus status,
    LocalDate statusSince,
    FlowUnit flowUnit,
    int minIntervalMinutes)
    implements Serializable {

  /** HJ 212-2017 Table 4 MinInterval values (hj212.md §6). */
  public static final java.util.Set<Integer> MIN_INTERVALS =
      java.util.Set.of(1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30);

  public boolean hasReferenceO2() {
    return o2Ref != null;
  }

  /**
   * Whether the bureau's record says the outlet operates at {@code t}. Before {@code statusSince}
   * the previous status is not recorded; it is taken as operating.
   */
  public boolean operatingAt(Instant t) {
    return status == OutletStatus.OPERATING || Cst.day(t).isBefore(statusSince);
  }
}
