package org.emission.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class LocalStackTest {

  @Test
  void theSimulatedClockStartsAtMidnightCstYesterdayWhenItRunsFast() {
    // 2025-03-10 17:30 CST: from 2025-03-09 00:00 CST, a whole day closes after 24 simulated hours
    // and the clock reaches the present after 41.5
    Instant now = OffsetDateTime.parse("2025-03-10T17:30:00+08:00").toInstant();
    assertThat(LocalStack.simulatedStart(now, 360))
        .isEqualTo(OffsetDateTime.parse("2025-03-09T00:00:00+08:00").toInstant().toEpochMilli());
    // 00:10 CST (16:10 UTC the day before): the CST day before, not the UTC one
    Instant justAfterMidnight = OffsetDateTime.parse("2025-03-10T00:10:00+08:00").toInstant();
    assertThat(LocalStack.simulatedStart(justAfterMidnight, 360))
        .isEqualTo(OffsetDateTime.parse("2025-03-09T00:00:00+08:00").toInstant().toEpochMilli());
    // in real time it starts now
    assertThat(LocalStack.simulatedStart(now, 1)).isEqualTo(now.toEpochMilli());
  }
}
