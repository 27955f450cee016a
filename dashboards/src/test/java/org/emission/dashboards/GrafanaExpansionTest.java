package org.emission.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.emission.dashboards.GrafanaExpansion.Selection;
import org.emission.dashboards.GrafanaExpansion.TimeRange;
import org.junit.jupiter.api.Test;

/** The expansion matches the plugin's own documented examples and code paths. */
class GrafanaExpansionTest {
  private static final TimeRange RANGE =
      new TimeRange(
          Instant.ofEpochSecond(1415792726),
          Instant.ofEpochSecond(1447328726),
          Duration.ofSeconds(20));

  @Test
  void timeMacrosExpandAsThePluginBackendDoes() {
    assertThat(GrafanaExpansion.applyMacros("WHERE $__timeFilter(time)", RANGE))
        .isEqualTo("WHERE time >= toDateTime(1415792726) AND time <= toDateTime(1447328726)");
    assertThat(GrafanaExpansion.applyMacros("$__fromTime, $__toTime()", RANGE))
        .isEqualTo("toDateTime(1415792726), toDateTime(1447328726)");
    assertThat(GrafanaExpansion.applyMacros("$__timeFilter_ms(t)", RANGE))
        .isEqualTo(
            "t >= fromUnixTimestamp64Milli(1415792726000) AND t <= fromUnixTimestamp64Milli(1447328726000)");
    assertThat(GrafanaExpansion.applyMacros("$__dateFilter(day)", RANGE))
        .isEqualTo("day >= toDate('2014-11-12') AND day <= toDate('2015-11-12')");
    assertThat(GrafanaExpansion.applyMacros("$__timeInterval(ts) $__interval_s", RANGE))
        .isEqualTo("toStartOfInterval(toDateTime(ts), INTERVAL 20 second) 20");
    assertThat(GrafanaExpansion.applyMacros("$__timeFilter(toDateTime(a, 'UTC'))", RANGE))
        .startsWith("toDateTime(a, 'UTC') >= toDateTime(1415792726)");
  }

  @Test
  void unknownMacrosAreRejected() {
    assertThatThrownBy(() -> GrafanaExpansion.applyMacros("$__timeGroupAlias(t)", RANGE))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void conditionalAllIsOneEqualsOneForAllAndTheConditionOtherwise() {
    String sql = "WHERE $__conditionalAll(d IN (${district:singlequote}), $district) AND x";
    assertThat(
            GrafanaExpansion.expand(
                sql, Map.of("district", Selection.all(List.of("海南区", "乌达区"))), RANGE))
        .isEqualTo("WHERE 1=1 AND x");
    assertThat(GrafanaExpansion.expand(sql, Map.of("district", Selection.of("海南区", "乌达区")), RANGE))
        .isEqualTo("WHERE d IN ('海南区','乌达区') AND x");
    assertThat(GrafanaExpansion.expand(sql, Map.of("district", Selection.of()), RANGE))
        .isEqualTo("WHERE 1=1 AND x");
  }

  @Test
  void variablesAreFormattedAsGrafanaAndThePluginFormatThem() {
    Map<String, Selection> variables =
        Map.of(
            "park", Selection.of("O'Brien park", "蒙西工业园区"),
            "minutes", Selection.single("60"));
    assertThat(GrafanaExpansion.replaceVariables("IN (${park:singlequote})", variables))
        .isEqualTo("IN ('O\\'Brien park','蒙西工业园区')");
    assertThat(GrafanaExpansion.replaceVariables("IN ($park) / [[park]]", variables))
        .isEqualTo("IN ('O'Brien park','蒙西工业园区') / 'O'Brien park','蒙西工业园区'");
    assertThat(
            GrafanaExpansion.replaceVariables(
                "INTERVAL $minutes MINUTE $__timeFilter(t)", variables))
        .isEqualTo("INTERVAL 60 MINUTE $__timeFilter(t)");
  }

  @Test
  void macroArgumentsAreSplitAtTopLevelCommas() {
    assertThat(GrafanaExpansion.macroArgs("f(a IN (1, 2), $b) tail", 1))
        .containsExactly("a IN (1, 2)", " $b");
  }
}
