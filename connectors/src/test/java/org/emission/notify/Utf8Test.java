package org.emission.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class Utf8Test {
  @Test
  void cutsAtACharacterBoundaryWithinTheByteLimit() {
    String chinese = "超标".repeat(1000);

    String cut = Utf8.truncate(chinese, WeComProtocol.TEXT_MAX_BYTES);

    assertThat(cut.getBytes(StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(WeComProtocol.TEXT_MAX_BYTES);
    assertThat(cut).endsWith("…").startsWith("超标超标");
    assertThat(cut.substring(0, cut.length() - 1)).matches("(超标)*超?");
    assertThat(Utf8.truncate("short", 10)).isEqualTo("short");
  }

  @Test
  void weComMarkdownStaysWithinItsLimit() {
    TargetConfig target =
        new TargetConfig(
            "w",
            TargetType.WECOM,
            URI.create("http://127.0.0.1/w"),
            "url",
            null,
            MessageFormat.MARKDOWN,
            Language.ZH,
            new AlertFilter(Set.of(), AlertSeverity.INFO, Set.of(Lifecycle.OPENED)),
            null,
            new RetryPolicy(1, Duration.ofSeconds(1), Duration.ofSeconds(1), 1),
            Duration.ofMinutes(1),
            Duration.ofSeconds(1),
            1,
            List.of(),
            false);
    AlertMessage huge =
        new AlertMessage(
            "【超标告警】", "s", "说明".repeat(3000), List.of(new AlertMessage.Detail("a", "b")), false);

    String content = new WeComProtocol(target).body(huge).path("markdown").path("content").asText();

    assertThat(content.getBytes(StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(WeComProtocol.MARKDOWN_MAX_BYTES);
  }
}
