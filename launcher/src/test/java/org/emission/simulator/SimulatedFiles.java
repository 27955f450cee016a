package org.emission.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * File-mode runs shared by the tests of one JVM: a run over the test range is written once and
 * reused. The range is 36 hours from a CST midnight, long enough for every incident (a whole day
 * for the wastewater daily exceedance, a midnight for the long calibration).
 */
final class SimulatedFiles {

  static final Path REGISTRY = Path.of("..", "registry");
  static final long FROM = CstTime.parse("2025-01-14");
  static final long TO = CstTime.parse("2025-01-15T12:00");
  static final long SEED = 20250114L;

  /** One written run. */
  record Run(FileRun result, Path packets, Path incidents, Path meters) {}

  private static final Map<Long, Run> RUNS = new HashMap<>();
  private static Path dir;

  private SimulatedFiles() {}

  static synchronized Run standard() {
    return RUNS.computeIfAbsent(SEED, s -> write(s, "standard"));
  }

  /** A fresh run of the standard range into a new directory. */
  static Run write(long seed, String name) {
    try {
      Path d = dir().resolve(name + "-" + System.nanoTime());
      Files.createDirectories(d);
      Path packets = d.resolve("packets.txt");
      Path incidents = d.resolve("incidents.csv");
      Path meters = d.resolve("meters.jsonl");
      FileRun r = RegionSimulator.toFile(REGISTRY, FROM, TO, seed, packets, incidents, meters);
      return new Run(r, packets, incidents, meters);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static synchronized Path dir() throws IOException {
    if (dir == null) {
      dir = Files.createTempDirectory("simulated-region");
      Path root = dir;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try (Stream<Path> s = Files.walk(root)) {
                      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                    } catch (IOException e) {
                      // best effort: a temp directory
                    }
                  }));
    }
    return dir;
  }
}
