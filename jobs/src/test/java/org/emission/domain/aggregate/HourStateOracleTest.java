package org.emission.domain.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emission.domain.Fixtures.cst;

import java.time.Instant;
import java.util.Random;
import org.emission.domain.DataFlag;
import org.emission.domain.PollutantCodes;
import org.emission.domain.cems.LoggerAggregate;
import org.emission.domain.cems.PacketKind;
import org.emission.domain.cems.PollutantMinute;
import org.emission.domain.registry.OutletKind;
import org.junit.jupiter.api.Test;

/**
 * {@link HourState} keeps its totals up to date record by record; {@link RecountHourState} recounts
 * them on every call. Random hours — records mostly in order but also late, repeated, corrected,
 * overlapping, of any flag and coverage, with the logger's own values and a close somewhere — must
 * give equal results after every step.
 */
class HourStateOracleTest {

  private static final Instant H = cst("2024-03-01T10:00");
  private static final DataFlag[] FLAGS = DataFlag.values();

  @Test
  void keptTotalsEqualARecountAfterEveryStep() {
    Random rng = new Random(20240301);
    for (int hour = 0; hour < 3000; hour++) {
      OutletKind kind = rng.nextInt(4) == 0 ? OutletKind.WASTEWATER : OutletKind.FLUE_GAS;
      String pollutant =
          kind == OutletKind.WASTEWATER
              ? (rng.nextBoolean() ? PollutantCodes.COD : PollutantCodes.WASTEWATER_FLOW)
              : (rng.nextInt(3) == 0 ? PollutantCodes.O2 : PollutantCodes.SO2);
      HourState kept = new HourState("OUT-1", pollutant, kind, H);
      RecountHourState recount = new RecountHourState("OUT-1", pollutant, kind, H);
      int steps = 1 + rng.nextInt(90);
      int closeAt = rng.nextInt(steps + 10);
      int next = rng.nextInt(3);
      PollutantMinute last = null;
      for (int step = 0; step < steps; step++) {
        if (step == closeAt) {
          assertThat(kept.close()).isEqualTo(recount.close());
        }
        int r = rng.nextInt(20);
        if (r == 0 && last != null) {
          // the same record again (an equal copy)
          PollutantMinute again = last.withCoveredMinutes(last.coveredMinutes());
          assertThat(kept.onMinute(again)).isEqualTo(recount.onMinute(again));
        } else if (r == 1) {
          LoggerAggregate logger = logger(pollutant, rng);
          assertThat(kept.onLogger(logger)).isEqualTo(recount.onLogger(logger));
        } else {
          int offset;
          if (r < 5 || next >= 60) {
            offset = rng.nextInt(60); // late, corrected or overlapping
          } else {
            offset = next;
            next += 1 + (rng.nextInt(6) == 0 ? rng.nextInt(12) : 0);
          }
          last = minute(pollutant, kind, offset, rng);
          assertThat(kept.onMinute(last)).isEqualTo(recount.onMinute(last));
        }
        assertThat(kept.running()).isEqualTo(recount.running());
        assertThat(kept.evaluate(7)).isEqualTo(recount.evaluate(7));
        assertThat(kept.recordCount()).isEqualTo(recount.recordCount());
        assertThat(kept.version()).isEqualTo(recount.version());
      }
      assertThat(kept.close()).isEqualTo(recount.close());
      assertThat(kept.lastEmitted()).isEqualTo(recount.lastEmitted());
    }
  }

  private static PollutantMinute minute(String pollutant, OutletKind kind, int offset, Random rng) {
    int covered = rng.nextInt(4) == 0 ? 1 + rng.nextInt(15) : 1;
    DataFlag flag = rng.nextInt(3) == 0 ? FLAGS[rng.nextInt(FLAGS.length)] : DataFlag.N;
    Double value = rng.nextInt(25) == 0 ? null : value(rng);
    Double converted = rng.nextInt(6) == 0 ? null : value(rng);
    Double flow = rng.nextInt(10) == 0 ? null : rng.nextInt(20) == 0 ? 0.0 : 1e6 * rng.nextDouble();
    DataFlag flowFlag = rng.nextInt(10) == 0 ? null : rng.nextInt(8) == 0 ? DataFlag.D : DataFlag.N;
    boolean wastewater = kind == OutletKind.WASTEWATER;
    Double volume = wastewater && rng.nextInt(5) != 0 ? 10 * rng.nextDouble() : null;
    Double mass = wastewater && rng.nextInt(5) != 0 ? rng.nextDouble() : null;
    return new PollutantMinute(
        "OUT-1",
        pollutant,
        H.plusSeconds(60L * offset),
        covered,
        flag,
        value,
        converted,
        converted == null,
        rng.nextBoolean() ? 9.0 : null,
        flow,
        flowFlag,
        volume,
        mass,
        false);
  }

  private static Double value(Random rng) {
    return switch (rng.nextInt(12)) {
      case 0 -> 0.0;
      case 1 -> -0.0;
      case 2 -> -rng.nextDouble() * 5;
      case 3 -> (double) rng.nextInt(100);
      case 4 -> rng.nextInt(1000) / 1000.0 + 0.0005;
      default -> 100 * rng.nextDouble();
    };
  }

  private static LoggerAggregate logger(String pollutant, Random rng) {
    return new LoggerAggregate(
        "OUT-1",
        pollutant,
        PacketKind.HOUR,
        H,
        rng.nextBoolean() ? null : value(rng),
        rng.nextBoolean() ? null : value(rng),
        null,
        null,
        rng.nextBoolean() ? null : value(rng),
        rng.nextBoolean() ? DataFlag.N : DataFlag.T);
  }
}
