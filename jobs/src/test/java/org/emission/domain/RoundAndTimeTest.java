package org.emission.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Round}'s shortcut and {@link Cst}'s millisecond forms give exactly what their plain
 * definitions give.
 */
class RoundAndTimeTest {

  /** The definition: HALF_UP on the decimal text of the double. */
  private static BigDecimal byTheBook(double v, int scale) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return null;
    }
    return BigDecimal.valueOf(v).setScale(scale, RoundingMode.HALF_UP);
  }

  private static void check(double v) {
    for (int scale : new int[] {0, 1, 3, 6, 9, 12}) {
      BigDecimal expected = byTheBook(v, scale);
      BigDecimal actual = Round.of(v, scale);
      // equal value and scale, hence equal text
      assertThat(actual).as("%s at scale %d", v, scale).isEqualTo(expected);
    }
  }

  @Test
  void roundingEqualsHalfUpOnTheDecimalText() {
    double[] special = {
      0.0,
      -0.0,
      Double.NaN,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY,
      Double.MIN_VALUE,
      -Double.MIN_VALUE,
      Double.MAX_VALUE,
      0.5,
      -0.5,
      0.0005,
      -0.0005,
      1.0005,
      2.0000005,
      0.2013585,
      0.20407649999999997,
      1e15,
      1e16,
      0x1p50,
      0x1p53,
      123456789.0005,
      0.1 + 0.2
    };
    for (double v : special) {
      check(v);
      check(Math.nextUp(v));
      check(Math.nextDown(v));
    }
    Random rng = new Random(7);
    for (int i = 0; i < 60_000; i++) {
      // decimals of up to 9 digits after the point: many exact ties and their neighbours
      long digits = rng.nextLong() % 1_000_000_000_000L;
      double v = digits / Math.pow(10, rng.nextInt(10));
      check(v);
      check(Math.nextUp(v));
      check(Math.nextDown(v));
      // any double of moderate size, and any bit pattern at all
      check((rng.nextDouble() - 0.5) * Math.pow(10, rng.nextInt(24) - 8));
      check(Double.longBitsToDouble(rng.nextLong()));
    }
    assertThat(Round.value((Double) null)).isNull();
    assertThat(Round.mass(Double.valueOf(2.5))).isEqualTo(new BigDecimal("2.500000"));
  }

  @Test
  void millisecondHourAndDayStartsEqualTheInstantOnes() {
    Random rng = new Random(8);
    long[] special = {
      0,
      -1,
      1,
      Cst.HOUR_MS,
      Cst.DAY_MS,
      -Cst.DAY_MS,
      16 * Cst.HOUR_MS,
      16 * Cst.HOUR_MS - 1,
      Long.MAX_VALUE - 172_799_999L,
      Long.MAX_VALUE - 3 * Cst.DAY_MS,
      Long.MIN_VALUE + 3 * Cst.DAY_MS
    };
    for (long t : special) {
      checkTime(t);
    }
    for (int i = 0; i < 200_000; i++) {
      long t = (long) ((rng.nextDouble() - 0.5) * 2e13); // about ±300 years
      checkTime(t);
      checkTime(Math.floorDiv(t, Cst.HOUR_MS) * Cst.HOUR_MS + rng.nextInt(3) - 1);
    }
  }

  private static void checkTime(long t) {
    Instant instant = Instant.ofEpochMilli(t);
    assertThat(Cst.hourStart(t)).as("%d", t).isEqualTo(Cst.hourStart(instant).toEpochMilli());
    assertThat(Cst.dayStart(t)).as("%d", t).isEqualTo(Cst.dayStart(instant).toEpochMilli());
  }
}
