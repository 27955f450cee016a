package org.emission.domain.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The recent mean of {@link EarlyWarningRule} is exactly the mean of a {@code DoubleStream}. */
class EarlyWarningAverageTest {

  @Test
  void averageEqualsTheStreamAverage() {
    Random rng = new Random(10);
    for (int i = 0; i < 200_000; i++) {
      List<Double> values = new ArrayList<>();
      for (int n = 1 + rng.nextInt(60); n > 0; n--) {
        values.add(
            switch (rng.nextInt(30)) {
              case 0 -> Double.NaN;
              case 1 -> Double.POSITIVE_INFINITY;
              case 2 -> Double.NEGATIVE_INFINITY;
              case 3 -> -0.0;
              case 4 -> 1e300 * rng.nextDouble();
              default -> (rng.nextDouble() - 0.2) * Math.pow(10, rng.nextInt(12) - 4);
            });
      }
      double expected = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
      // the same double (which NaN a NaN is, Java leaves open: any NaN is NaN)
      assertThat(Double.doubleToLongBits(EarlyWarningRule.average(values)))
          .as("%s", values)
          .isEqualTo(Double.doubleToLongBits(expected));
    }
  }
}
