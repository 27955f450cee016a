package org.emission.domain.registry;

import java.io.Serializable;

/**
 * A further logger of an outlet, a row of {@code devices.csv} whose MN is not the outlet's own: it
 * measures one flue of a shared stack (一塔多室 — two boilers, units or batteries into one chimney,
 * each flue with its own CEMS). Each flue is a monitoring point (监测点位) of its own: its own flow, O2
 * and concentrations, hours, masses and alerts, judged against its outlet's limits.
 *
 * @param label how the bureau names the flue (the {@code flue} column), may be empty
 */
public record FlueDevice(String mn, String outletId, String label) implements Serializable {

  /** Separates an outlet id from a flue's number in the flue's id: {@code WH01-DA001-F2}. */
  public static final String ID_SEPARATOR = "-F";

  /**
   * The monitoring point as an outlet: the outlet's rows with this logger's MN, the id {@code
   * <outlet_id>-F<number>} (the outlet's own logger being flue 1) and the flue named after the
   * outlet.
   */
  public Outlet asOutlet(Outlet stack, int number) {
    String name = label.isBlank() ? "flue " + number : label;
    return new Outlet(
        stack.id() + ID_SEPARATOR + number,
        stack.enterpriseId(),
        stack.name() + " (" + name + ")",
        stack.kind(),
        mn,
        stack.facility(),
        stack.o2Ref(),
        stack.status(),
        stack.statusSince(),
        stack.flowUnit(),
        stack.minIntervalMinutes());
  }
}
