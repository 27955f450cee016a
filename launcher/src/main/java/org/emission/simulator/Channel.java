package org.emission.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.emission.domain.registry.LimitRule;
import org.emission.domain.registry.Outlet;
import org.emission.domain.registry.Registry;

/**
 * One value a logger reports for its outlet: a pollutant or a flue-gas / effluent parameter, with
 * its HJ 212-2017 code, its HJ/T 212-2005 code (hj212.md §12) and the decimals sent.
 *
 * @param scale decimals of the value
 * @param couScale decimals of the amount ({@code -Cou}: m3 of flow, kg of pollutant)
 */
record Channel(String code, String code2005, Role role, int scale, int couScale) {

  /** What the value is. */
  enum Role {
    POLLUTANT,
    O2,
    FLOW,
    TEMPERATURE,
    PRESSURE,
    MOISTURE,
    PH,
    WATER_FLOW
  }

  private static final Map<String, String> CODES_2005 =
      Map.ofEntries(
          Map.entry("a34013", "01"),
          Map.entry("a21026", "02"),
          Map.entry("a21002", "03"),
          Map.entry("a19001", "S01"),
          Map.entry("a00000", "B02"),
          Map.entry("a01012", "S03"),
          Map.entry("a01013", "S08"),
          Map.entry("a01014", "S05"),
          Map.entry("w00000", "B01"),
          Map.entry("w01001", "001"),
          Map.entry("w01018", "011"),
          Map.entry("w21003", "060"));

  boolean pollutant() {
    return role == Role.POLLUTANT;
  }

  /** The code a logger of {@code edition2005} sends. */
  String codeFor(boolean edition2005) {
    return edition2005 ? code2005 : code;
  }

  /**
   * The channels of an outlet: its pollutants — those with a limit row, so every value sent can be
   * judged — then O2 (only where the standard sets a reference O2: a stack without one is often a
   * baghouse outlet at near-ambient O2, which would look like dilution), flow, temperature, static
   * pressure and moisture; for wastewater pH and flow.
   */
  static List<Channel> of(Registry registry, Outlet outlet, ProcessKind process) {
    TreeSet<String> limited = new TreeSet<>();
    for (LimitRule r : registry.limitsOf(outlet.id())) {
      limited.add(r.pollutant());
    }
    List<Channel> out = new ArrayList<>();
    if (process.wastewater()) {
      for (String code : limited) {
        out.add(pollutant(code, code.equals("w21003") ? 3 : 2));
      }
      out.add(new Channel("w01001", CODES_2005.get("w01001"), Role.PH, 2, -1));
      out.add(new Channel("w00000", CODES_2005.get("w00000"), Role.WATER_FLOW, 2, 2));
      return List.copyOf(out);
    }
    for (String code : List.of("a34013", "a21026", "a21002")) {
      if (limited.contains(code)) {
        out.add(pollutant(code, 2));
      }
    }
    if (outlet.hasReferenceO2()) {
      out.add(new Channel("a19001", CODES_2005.get("a19001"), Role.O2, 2, -1));
    }
    out.add(new Channel("a00000", CODES_2005.get("a00000"), Role.FLOW, 1, 1));
    out.add(new Channel("a01012", CODES_2005.get("a01012"), Role.TEMPERATURE, 2, -1));
    out.add(new Channel("a01013", CODES_2005.get("a01013"), Role.PRESSURE, 3, -1));
    out.add(new Channel("a01014", CODES_2005.get("a01014"), Role.MOISTURE, 2, -1));
    return List.copyOf(out);
  }

  private static Channel pollutant(String code, int scale) {
    String c2005 = CODES_2005.get(code);
    if (c2005 == null) {
      throw new IllegalArgumentException("no simulator model for pollutant " + code);
    }
    return new Channel(code, c2005, Role.POLLUTANT, scale, 4);
  }
}
