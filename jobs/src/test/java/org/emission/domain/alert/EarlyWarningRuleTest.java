package org.emission.domain.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emission.domain.Fixtures.cst;
import static org.emission.domain.Fixtures.so2;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.emission.domain.Fixtures;
import org.emission.domain.PollutantCodes;
import org.emission.domain.aggregate.HourState;
import org.emission.domain.cems.PollutantMinute;
import org.emission.domain.registry.LimitInForce;
import org.emission.domain.registry.Outlet;
import org.emission.domain.registry.OutletKind;
import org.junit.jupiter.api.Test;

class EarlyWarningRuleTest {

  private static final Instant H = cst("2024-03-01T10:00");
  private final Outlet outlet = Fixtures.stack();
  private final LimitInForce limit = Limits.so2UltraLow();
  private final AlertThresholds t = AlertThresholds.defaults();
  private final EarlyWarningRule rule = new EarlyWarningRule();
  private final HourState hour = new HourState("OUT-1", PollutantCodes.SO2, OutletKind.FLUE_GAS, H);

  private List<Alert> feed(int minute, double value) {
    PollutantMinute m = so2(H.plusSeconds(60L * minute), value);
    hour.onMinute(m);
    return rule.onMinute(outlet, m, hour.running(), limit, t);
  }

  @Test
  void projectedHourMeanOpensAndClosesTheWarning() {
    // limit 35, factor 0.9 -> warn when P > 31.5, after >= 15 valid minutes; r = mean of last 10
    List<Alert> all = new ArrayList<>();
    for (int m = 0; m < 15; m++) {
      all.addAll(feed(m, 30));
    }
    // after minute 14: k = 15, S = 450, R = 45, r = 30 -> P = (450 + 45 × 30) / 60 = 30: no warning
    assertThat(all).isEmpty();

    // minute 15 at 90: k = 16, S = 540, R = 44, r = (9 × 30 + 90) / 10 = 36
    // P = (540 + 44 × 36) / (16 + 44) = 2124 / 60 = 35.4 > 31.5 -> OPENED at 10:16
    List<Alert> opened = feed(15, 90);
    assertThat(opened)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(AlertKind.EARLY_WARNING);
              assertThat(a.lifecycle()).isEqualTo(AlertLifecycle.OPENED);
              assertThat(a.start()).isEqualTo(cst("2024-03-01T10:16"));
              assertThat(a.peakValue()).isEqualByComparingTo("35.4");
              // (35.4 − 35) / 35 = 0.0114 -> 0.011
              assertThat(a.exceedanceMultiple()).isEqualByComparingTo("0.011");
              assertThat(a.id())
                  .isEqualTo(
                      AlertIds.of(
                          "OUT-1", "a21026", AlertKind.EARLY_WARNING, cst("2024-03-01T10:16")));
              assertThat(a.severity()).isEqualTo(Severity.WARNING);
            });
    // minute 16 at 30: S = 570, R = 43, r = 36 -> P = (570 + 1548) / 60 = 35.3: still warning, no
    // new peak
    assertThat(feed(16, 30)).isEmpty();
    // minutes 17..24 at 30: at minute 24, S = 810, R = 35, r = 36 -> P = 2070 / 60 = 34.5
    for (int m = 17; m < 25; m++) {
      assertThat(feed(m, 30)).isEmpty();
    }
    // minute 25 at 30: the 90 leaves the last 10 -> r = 30, S = 840, R = 34
    // P = (840 + 34 × 30) / 60 = 1860 / 60 = 31.0 <= 31.5 -> CLOSED at 10:26
    List<Alert> closed = feed(25, 30);
    assertThat(closed)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.lifecycle()).isEqualTo(AlertLifecycle.CLOSED);
              assertThat(a.id()).isEqualTo(opened.get(0).id());
              assertThat(a.end()).isEqualTo(cst("2024-03-01T10:26"));
            });
  }

  @Test
  void anOpenWarningClosesWhenTheHourEnds() {
    for (int m = 0; m < 20; m++) {
      feed(m, 50);
    }
    // k = 20, S = 1000, R = 40, r = 50 -> P = 50 > 31.5 (opened at minute 14, k = 15)
    assertThat(rule.isOpen()).isTrue();
    List<Alert> closed = rule.onHourEnd(cst("2024-03-01T11:00"));
    assertThat(closed)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.lifecycle()).isEqualTo(AlertLifecycle.CLOSED);
              assertThat(a.start()).isEqualTo(cst("2024-03-01T10:15"));
              assertThat(a.end()).isEqualTo(cst("2024-03-01T11:00"));
            });
  }

  @Test
  void estimatorFormula() {
    for (int m = 0; m < 30; m++) {
      feed(m, 20);
    }
    // k = 30, S = 600, elapsed 30, R = 30, recent r = 20 -> P = (600 + 600) / 60 = 20
    assertThat(EarlyWarningRule.project(hour.running(), List.of(20.0))).isEqualTo(20.0);
    // with recent mean 40: (600 + 30 × 40) / 60 = 30
    assertThat(EarlyWarningRule.project(hour.running(), List.of(40.0))).isEqualTo(30.0);
  }
}
