package org.emission.gateway;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GatewayConfigTest {
  @Test
  void reportsEveryInvalidSettingAtOnce() {
    assertThatThrownBy(
            () ->
                Hj212Gateway.builder()
                    .port(70000)
                    .idleTimeout(Duration.ZERO)
                    .maxDataSegment(20000)
                    .producerProperty("acks", "1")
                    .defaultMinuteInterval(Duration.ofMinutes(45))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("port: must be 0..65535 (0 picks a free port), got 70000")
        .hasMessageContaining("kafkaBootstrap: Kafka bootstrap servers are required")
        .hasMessageContaining("producerProperties: acks cannot be changed")
        .hasMessageContaining("deviceDirectory: auth mode ENFORCE needs a device directory")
        .hasMessageContaining("idleTimeout: must be a positive duration, got PT0S")
        .hasMessageContaining("maxDataSegment: must be 1..9999")
        .hasMessageContaining("defaultMinuteInterval: must be 1..30 min");
  }

  @Test
  void keepsTheInFlightBoundBelowTheProducerBuffer() {
    assertThatThrownBy(
            () ->
                Hj212Gateway.builder()
                    .kafkaBootstrap("127.0.0.1:9092")
                    .authMode(AuthMode.OFF)
                    .producerProperty("buffer.memory", "1000000")
                    .build())
        .hasMessageContaining(
            "maxInFlightBytes: must be between 1 and the producer's buffer.memory (1000000)");
  }
}
