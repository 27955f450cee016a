package org.emission.domain.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emission.domain.Fixtures.cst;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Random;
import org.emission.domain.Cst;
import org.emission.domain.DataFlag;
import org.emission.domain.PollutantCodes;
import org.emission.domain.cems.PollutantMinute;
import org.emission.domain.registry.OutletKind;
import org.junit.jupiter.api.Test;

/**
 * {@link LiveState} sums its trailing window from prepared sums where it can and skips days of 0.0;
 * {@link RecountLiveState} sums everything on every minute. Random streams — minutes mostly one
 * after the other but also with gaps, late, repeated, off the minute, invalid or covering up to 70
 * minutes, hour and day masses including zero, -0.0 and none, across a year end — must give equal
 * live values at every minute.
 */
class LiveStateOracleTest {

  @Test
  void liveValuesEqualAFullRecountAtEveryMinute() {
    Random rng = new Random(20241230);
    for (int stream = 0; stream < 40; stream++) {
      LiveState live = new LiveState();
      RecountLiveState recount = new RecountLiveState();
      long now = cst("2024-12-29T18:00").toEpochMilli() + rng.nextInt(600) * Cst.MINUTE_MS;
      boolean parameter = rng.nextInt(3) == 0;
      for (int step = 0; step < 4000; step++) {
        int r = rng.nextInt(200);
        if (r == 0) {
          OutletHour h = hour(now - rng.nextInt(30) * Cst.HOUR_MS, rng, parameter);
          live.onHour(h);
          recount.onHour(h);
          continue;
        }
        if (r == 1) {
          LocalDate day = Cst.day(Instant.ofEpochMilli(now)).minusDays(1 + rng.nextInt(400));
          OutletDay d = day(day, mass(rng, parameter));
          live.onDay(d);
          recount.onDay(d);
          continue;
        }
        long start;
        if (r < 12) {
          start = now - rng.nextInt(150) * Cst.MINUTE_MS; // late or repeated
        } else if (r < 14) {
          start = now + rng.nextInt(90_000); // off the minute
        } else {
          now += (rng.nextInt(40) == 0 ? 2 + rng.nextInt(200) : 1) * Cst.MINUTE_MS;
          start = now;
        }
        PollutantMinute m = minute(Instant.ofEpochMilli(start), rng, r < 16);
        RunningHour hour = running(m.start(), rng, parameter);
        assertThat(live.onMinute(m, hour)).isEqualTo(recount.onMinute(m, hour));
      }
    }
  }

  private static PollutantMinute minute(Instant start, Random rng, boolean odd) {
    int covered = odd && rng.nextBoolean() ? 1 + rng.nextInt(70) : 1;
    DataFlag flag =
        rng.nextInt(8) == 0 ? DataFlag.C : rng.nextInt(15) == 0 ? DataFlag.T : DataFlag.N;
    Double value = rng.nextInt(30) == 0 ? null : value(rng);
    Double converted = rng.nextInt(5) == 0 ? null : value(rng);
    return new PollutantMinute(
        "OUT-1",
        PollutantCodes.SO2,
        start,
        covered,
        flag,
        value,
        converted,
        false,
        null,
        1e6,
        DataFlag.N,
        null,
        null,
        false);
  }

  private static RunningHour running(Instant minute, Random rng, boolean parameter) {
    int valid = rng.nextInt(61);
    double mass = parameter ? 0.0 : rng.nextInt(30) == 0 ? -0.0 : 40 * rng.nextDouble();
    return new RunningHour(
        Cst.hourStart(minute),
        rng.nextInt(61),
        valid,
        rng.nextInt(10),
        valid * value(rng),
        valid * value(rng),
        rng.nextInt(valid + 1),
        mass);
  }

  private static Double value(Random rng) {
    return switch (rng.nextInt(10)) {
      case 0 -> 0.0;
      case 1 -> -0.0;
      case 2 -> -rng.nextDouble();
      case 3 -> rng.nextInt(1000) / 1000.0 + 0.0005;
      default -> 100 * rng.nextDouble();
    };
  }

  private static BigDecimal mass(Random rng, boolean parameter) {
    if (parameter) {
      return rng.nextBoolean() ? null : BigDecimal.ZERO;
    }
    return switch (rng.nextInt(12)) {
      case 0 -> null;
      case 1 -> BigDecimal.ZERO;
      case 2 -> new BigDecimal("-1E-400"); // a double of -0.0
      case 3 -> new BigDecimal("0.0000005");
      default -> BigDecimal.valueOf(rng.nextInt(100_000_000), 6);
    };
  }

  private static OutletHour hour(long start, Random rng, boolean parameter) {
    OutletHour h =
        Hours.measured(PollutantCodes.SO2, Cst.hourStart(Instant.ofEpochMilli(start)), 40, 40);
    return h.withSubstitutedMass(mass(rng, parameter), null);
  }

  private static OutletDay day(LocalDate d, BigDecimal kg) {
    OutletDay x = new DayState("OUT-1", PollutantCodes.SO2, OutletKind.FLUE_GAS, d).evaluate(1);
    return new OutletDay(
        x.outletId(),
        x.pollutant(),
        x.kind(),
        x.day(),
        x.dayStart(),
        1,
        x.determination(),
        x.invalidReason(),
        24,
        0,
        0,
        20,
        null,
        null,
        null,
        null,
        null,
        null,
        kg,
        x.massDetermination(),
        24,
        0,
        null,
        1440,
        1440,
        null,
        null,
        null,
        null,
        null);
  }
}
