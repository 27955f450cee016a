package org.emission.domain.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.emission.domain.Cst;
import org.junit.jupiter.api.Test;

/** {@link Registry#findLimit} picks what a filter over all the outlet's rows picks. */
class RegistryFindLimitTest {

  /** The definition: the strictest covering row of the outlet, the first of equals. */
  private static Optional<LimitInForce> byTheBook(
      Registry registry, String outletId, String pollutant, Averaging averaging, Instant at) {
    return registry.limitsOf(outletId).stream()
        .filter(r -> r.pollutant().equals(pollutant))
        .filter(r -> r.averaging() == averaging)
        .filter(r -> r.covers(at))
        .min(Registry.STRICTEST_FIRST)
        .map(r -> LimitInForce.of(outletId, r));
  }

  @Test
  void findsTheStrictestRowInForceAsAFilterWould() {
    Random rng = new Random(11);
    String[] pollutants = {"a21026", "a21002", "a34013"};
    for (int round = 0; round < 200; round++) {
      List<Enterprise> enterprises =
          List.of(
              new Enterprise("E1", "one", "r", "d", "", "power"),
              new Enterprise("E2", "two", "r", "d", "", "steel"));
      List<Outlet> outlets = new ArrayList<>();
      for (int o = 0; o < 4; o++) {
        outlets.add(
            new Outlet(
                "O" + o,
                o % 2 == 0 ? "E1" : "E2",
                "outlet " + o,
                OutletKind.FLUE_GAS,
                "MN" + o,
                "",
                6.0,
                OutletStatus.OPERATING,
                LocalDate.of(2020, 1, 1),
                FlowUnit.M3_PER_HOUR,
                1));
      }
      List<LimitRule> limits = new ArrayList<>();
      int rows = rng.nextInt(25);
      for (int line = 2; line < 2 + rows; line++) {
        boolean sector = rng.nextBoolean();
        String outlet = "O" + rng.nextInt(5);
        String sectorName = rng.nextBoolean() ? "power" : "steel";
        LocalDate from = LocalDate.of(2023, 1, 1).plusDays(rng.nextInt(700));
        LocalDate to = rng.nextBoolean() ? null : from.plusDays(1 + rng.nextInt(300));
        limits.add(
            new LimitRule(
                sector ? LimitRule.SECTOR_PREFIX + sectorName : outlet,
                sector ? null : outlet,
                sector ? sectorName : null,
                pollutants[rng.nextInt(pollutants.length)],
                LimitKind.values()[rng.nextInt(LimitKind.values().length)],
                BigDecimal.valueOf(10 + rng.nextInt(4) * 10L),
                "mg/m3",
                rng.nextBoolean() ? Averaging.HOUR : Averaging.DAY,
                from,
                to,
                "line " + line,
                line));
      }
      Registry registry = Registry.of(enterprises, outlets, limits);
      for (int q = 0; q < 200; q++) {
        String outlet = "O" + rng.nextInt(5);
        String pollutant = pollutants[rng.nextInt(pollutants.length)];
        Averaging averaging = rng.nextBoolean() ? Averaging.HOUR : Averaging.DAY;
        Instant at =
            Cst.startOf(LocalDate.of(2023, 1, 1).plusDays(rng.nextInt(1100)))
                .plusSeconds(3600L * rng.nextInt(24) - (rng.nextInt(10) == 0 ? 1 : 0));
        assertThat(registry.findLimit(outlet, pollutant, averaging, at))
            .isEqualTo(byTheBook(registry, outlet, pollutant, averaging, at));
        assertThat(registry.limitFor(outlet, pollutant, averaging, at))
            .isEqualTo(byTheBook(registry, outlet, pollutant, averaging, at).orElse(null));
      }
    }
  }
}
