package org.emission.domain.bench;

import java.time.LocalDate;

/** Prints the output digests of the mixed scenario and of a small bench input (for comparisons). */
public final class ScenarioDigestMain {

  private ScenarioDigestMain() {}

  public static void main(String[] args) {
    long start = System.nanoTime();
    OutputDigest mixed = MixedScenario.run(MixedScenario.pipeline());
    System.out.printf(
        "mixed: %s (%.1f s)%n  %s%n",
        mixed.hex(), (System.nanoTime() - start) / 1e9, mixed.summary());
    PipelineBench.Result bench = PipelineBench.run(3, 3, LocalDate.of(2024, 12, 30), true);
    System.out.printf("bench 3x3: %s%n  %s%n", bench.digest(), bench.summary());
  }
}
