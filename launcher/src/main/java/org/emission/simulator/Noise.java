package org.emission.simulator;

import java.util.SplittableRandom;

/**
 * Deterministic randomness of the simulator: one {@link SplittableRandom} per source, seeded from
 * the run's seed and a name (a device MN, a meter id), so a device's values do not depend on which
 * other devices run or in which order.
 */
final class Noise {

  private Noise() {}

  /** The generator of one named source under a seed. */
  static SplittableRandom source(long seed, String name) {
    long h = 1125899906842597L;
    for (int i = 0; i < name.length(); i++) {
      h = 31 * h + name.charAt(i);
    }
    return new SplittableRandom(mix(seed ^ mix(h)));
  }

  /** SplitMix64 finaliser. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** A standard normal variate (Box-Muller; one of the pair is dropped for simplicity). */
  static double gaussian(SplittableRandom r) {
    double u = 1.0 - r.nextDouble();
    double v = r.nextDouble();
    return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** First-order autoregressive noise {@code x = phi × x + sigma × N(0,1)}. */
  static final class Ar1 {
    private final double phi;
    private final double sigma;
    private double x;

    Ar1(double phi, double sigma) {
      this.phi = phi;
      this.sigma = sigma;
    }

    double next(SplittableRandom r) {
      x = phi * x + sigma * gaussian(r);
      return x;
    }

    double current() {
      return x;
    }
  }
}
