package org.emission.domain.bench;

import java.time.LocalDate;

/**
 * Prints the output digests of the scenarios that {@code PipelineEquivalenceTest} checks: to record
 * them from a reference version of the domain rules and compare another version with them.
 */
public final class ScenarioDigestMain {

  private ScenarioDigestMain() {}

  public static void main(String[] args) {
    long start = System.nanoTime();
    OutputDigest mixed = MixedScenario.run(MixedScenario.pipeline());
    System.out.printf(
        "mixed: %s (%.1f s)%n  %s%n",
        mixed.hex(), (System.nanoTime() - start) / 1e9, mixed.summary());
    for (long seed = 1; seed <= 3; seed++) {
      OutputDigest random = RandomScenario.run(MixedScenario.pipeline(), seed, 12_000);
      System.out.printf("random %d: %s%n  %s%n", seed, random.hex(), random.summary());
    }
    PipelineBench.Result bench = PipelineBench.run(3, 3, LocalDate.of(2024, 12, 30), true);
    System.out.printf("bench 3x3: %s%n  %s%n", bench.digest(), bench.summary());
  }
}
