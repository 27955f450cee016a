package org.emission.simulator;

import java.util.List;
import org.emission.domain.registry.Enterprise;
import org.emission.domain.registry.Outlet;
import org.emission.hj212.Hj212Edition;

/**
 * One data logger of the simulated region: a row of {@code devices.csv} with its outlet and the
 * simulator's columns.
 *
 * @param index position in devices.csv (tie-break of equal send times)
 * @param primary whether it is the outlet's own logger (the MN in outlets.csv); a second device of
 *     an outlet measures another flue of a shared stack
 * @param designFlow full-load flow of this device's flue (m3/h dry standard) or effluent (L/s)
 * @param ack whether it sets the Flag A bit and re-sends unanswered packets (HJ 212-2017 §6.2)
 * @param maxSegment longest data segment it sends before splitting into sub-packets (PNUM/PNO)
 * @param scenario the incident it carries, or null when clean
 */
record DeviceSpec(
    int index,
    String mn,
    String pw,
    Outlet outlet,
    Enterprise enterprise,
    ProcessKind process,
    double designFlow,
    Hj212Edition edition,
    boolean ack,
    int maxSegment,
    IncidentKind scenario,
    boolean primary,
    List<Channel> channels) {

  boolean wastewater() {
    return process.wastewater();
  }

  /** HJ 212 system code: 31 flue gas, 32 wastewater (HJ 212-2017 Table 5). */
  String st() {
    return wastewater() ? "32" : "31";
  }

  /** Minutes one 2051 record covers: the outlet's MinInterval. */
  int recordMinutes() {
    return outlet.minIntervalMinutes();
  }

  boolean clean() {
    return scenario == null;
  }

  /** The same logger under another MN and password (an unregistered or spoofing sender). */
  DeviceSpec impostor(String otherMn, String otherPw, int otherIndex) {
    return new DeviceSpec(
        otherIndex,
        otherMn,
        otherPw,
        outlet,
        enterprise,
        process,
        designFlow,
        edition,
        false,
        maxSegment,
        null,
        false,
        channels);
  }
}
