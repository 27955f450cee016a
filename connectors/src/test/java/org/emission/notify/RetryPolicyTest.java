package org.emission.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  @Test
  void backoffGrowsExponentiallyUpToTheMaximum() {
    RetryPolicy p = new RetryPolicy(8, Duration.ofSeconds(2), Duration.ofSeconds(30), 2.0);

    assertThat(p.backoff(1)).isEqualTo(Duration.ofSeconds(2));
    assertThat(p.backoff(2)).isEqualTo(Duration.ofSeconds(4));
    assertThat(p.backoff(3)).isEqualTo(Duration.ofSeconds(8));
    assertThat(p.backoff(4)).isEqualTo(Duration.ofSeconds(16));
    assertThat(p.backoff(5)).isEqualTo(Duration.ofSeconds(30));
    assertThat(p.backoff(500)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void multiplierOneIsAConstantBackoff() {
    RetryPolicy p = new RetryPolicy(3, Duration.ofMillis(250), Duration.ofSeconds(1), 1.0);

    assertThat(p.backoff(1)).isEqualTo(p.backoff(7)).isEqualTo(Duration.ofMillis(250));
  }
}
