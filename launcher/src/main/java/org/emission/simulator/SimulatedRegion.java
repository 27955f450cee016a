package org.emission.simulator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.emission.domain.registry.Enterprise;
import org.emission.domain.registry.Outlet;
import org.emission.domain.registry.Registry;
import org.emission.domain.registry.RegistryException;
import org.emission.domain.registry.RegistryLoader;
import org.emission.hj212.Hj212Edition;

/**
 * The simulated region read from a registry directory: the registry the jobs load ({@link
 * RegistryLoader}: enterprises, outlets, limits), the loggers of {@code devices.csv} and the meters
 * of {@code meters.csv}, with the simulator's own columns (registry/README.md): {@code process} and
 * {@code design_flow} in outlets.csv; {@code protocol}, {@code ack}, {@code max_segment} and {@code
 * scenario} in devices.csv; {@code rate}, {@code form} and {@code register_max} in meters.csv.
 * Columns a loader does not know are ignored by it, so these files stay valid registry files.
 */
final class SimulatedRegion {

  static final String DEVICES = "devices.csv";
  static final String METERS = "meters.csv";

  private final Path dir;
  private final Registry registry;
  private final List<DeviceSpec> devices;
  private final List<MeterSpec> meters;

  private SimulatedRegion(
      Path dir, Registry registry, List<DeviceSpec> devices, List<MeterSpec> meters) {
    this.dir = dir;
    this.registry = registry;
    this.devices = devices;
    this.meters = meters;
  }

  /**
   * Loads a registry directory.
   *
   * @throws IllegalArgumentException listing what is wrong (the registry loader's errors, unknown
   *     outlets of devices, bad simulator columns)
   */
  static SimulatedRegion load(Path dir) {
    Registry registry;
    try {
      registry = RegistryLoader.load(dir);
    } catch (RegistryException e) {
      throw new IllegalArgumentException(
          "the registry in " + dir + " has errors:\n" + e.getMessage(), e);
    }
    Map<String, String[]> outletExtras = outletExtras(dir.resolve(RegistryLoader.OUTLETS));
    List<DeviceSpec> devices = devices(dir, registry, outletExtras);
    List<MeterSpec> meters =
        Files.isRegularFile(dir.resolve(METERS)) ? meters(dir.resolve(METERS)) : List.of();
    return new SimulatedRegion(dir, registry, devices, meters);
  }

  Path dir() {
    return dir;
  }

  Registry registry() {
    return registry;
  }

  /** The loggers in devices.csv order. */
  List<DeviceSpec> devices() {
    return devices;
  }

  List<MeterSpec> meters() {
    return meters;
  }

  private static Map<String, String[]> outletExtras(Path file) {
    CsvTable t = CsvTable.read(file);
    Map<String, String[]> out = new HashMap<>();
    for (int i = 0; i < t.size(); i++) {
      out.put(t.get(i, "outlet_id"), new String[] {t.get(i, "process"), t.get(i, "design_flow")});
    }
    return out;
  }

  private static List<DeviceSpec> devices(
      Path dir, Registry registry, Map<String, String[]> outletExtras) {
    Path file = dir.resolve(DEVICES);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          dir + " has no " + DEVICES + " (columns mn, pw, outlet_id)");
    }
    CsvTable t = CsvTable.read(file);
    List<DeviceSpec> out = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Map<String, Integer> perOutlet = new HashMap<>();
    for (int i = 0; i < t.size(); i++) {
      String where = file + ": row " + (i + 2) + ": ";
      try {
        String mn = t.require(i, "mn");
        if (!seen.add(mn)) {
          throw new IllegalArgumentException("MN " + mn + " appears twice");
        }
        String outletId = t.require(i, "outlet_id");
        Outlet outlet =
            registry
                .outlet(outletId)
                .orElseThrow(() -> new IllegalArgumentException("unknown outlet " + outletId));
        Enterprise enterprise =
            registry
                .enterprise(outlet.enterpriseId())
                .orElseThrow(() -> new IllegalArgumentException("no enterprise of " + outletId));
        String[] extra = outletExtras.getOrDefault(outletId, new String[] {"", ""});
        if (extra[0].isEmpty()) {
          throw new IllegalArgumentException(
              "outlet " + outletId + " has no process in outlets.csv (needed to simulate it)");
        }
        ProcessKind process = ProcessKind.parse(extra[0]);
        double design = extra[1].isEmpty() ? defaultFlow(process) : Double.parseDouble(extra[1]);
        int flue = perOutlet.merge(outletId, 1, Integer::sum);
        boolean primary = outlet.mn().equals(mn);
        // a second flue of a shared stack carries a similar but not equal share of the gas
        double share = primary ? 1.0 : 0.86 + 0.03 * (flue % 4);
        Hj212Edition edition = edition(t.get(i, "protocol"));
        boolean ack = edition != Hj212Edition.HJT212_2005 && flag(t.get(i, "ack"));
        String seg = t.get(i, "max_segment");
        int maxSegment = seg.isEmpty() ? 1024 : Integer.parseInt(seg);
        if (maxSegment < 200 || maxSegment > 1024) {
          throw new IllegalArgumentException("max_segment must be 200..1024 (HJ 212-2017 Table 2)");
        }
        IncidentKind scenario = IncidentKind.parseScenario(t.get(i, "scenario"));
        out.add(
            new DeviceSpec(
                i,
                mn,
                t.require(i, "pw"),
                outlet,
                enterprise,
                process,
                design * share,
                edition,
                ack,
                maxSegment,
                scenario,
                primary,
                Channel.of(registry, outlet, process)));
      } catch (RuntimeException e) {
        problems.add(where + e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("\n", problems));
    }
    return List.copyOf(out);
  }

  private static List<MeterSpec> meters(Path file) {
    CsvTable t = CsvTable.read(file);
    List<MeterSpec> out = new ArrayList<>();
    for (int i = 0; i < t.size(); i++) {
      String form = t.get(i, "form").toLowerCase(Locale.ROOT);
      String kind = t.require(i, "kind");
      boolean register =
          form.isEmpty()
              ? !kind.equals("production") && !kind.equals("coal")
              : form.equals("register");
      String max = t.get(i, "register_max");
      String rate = t.get(i, "rate");
      out.add(
          new MeterSpec(
              t.require(i, "meter_id"),
              t.require(i, "enterprise_id"),
              kind,
              t.require(i, "unit"),
              t.get(i, "product"),
              rate.isEmpty() ? 100 : Double.parseDouble(rate),
              register,
              max.isEmpty() ? 0 : Double.parseDouble(max)));
    }
    return List.copyOf(out);
  }

  private static Hj212Edition edition(String protocol) {
    return switch (protocol.trim()) {
      case "2005" -> Hj212Edition.HJT212_2005;
      case "", "2017" -> Hj212Edition.HJ212_2017;
      case "2025" -> Hj212Edition.HJ212_2025;
      default -> throw new IllegalArgumentException("protocol must be 2005, 2017 or 2025");
    };
  }

  private static boolean flag(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    return t.equals("1") || t.equals("yes") || t.equals("true");
  }

  private static double defaultFlow(ProcessKind p) {
    return p.wastewater() ? 200 : 300_000;
  }
}
