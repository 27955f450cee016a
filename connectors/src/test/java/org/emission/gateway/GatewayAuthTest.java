package org.emission.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emission.gateway.TopicProbe.mn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import org.emission.kafka.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Devices are checked by MN and PW against the registry's devices.csv. */
class GatewayAuthTest {
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final LocalDateTime T0 = LocalDateTime.of(2025, 1, 15, 10, 0);

  @TempDir Path registry;
  private final String known = Packets.newMn();
  private TopicProbe probe;
  private Hj212Gateway gateway;

  @BeforeEach
  void writeRegistry() throws IOException {
    Files.writeString(
        registry.resolve("devices.csv"), "mn,pw,outlet_id\n" + known + ",123456,OUT-1\n");
    probe = new TopicProbe(TestKafka.bootstrap());
  }

  @AfterEach
  void stop() {
    if (gateway != null) {
      gateway.close();
    }
    probe.close();
  }

  private void start(AuthMode mode) {
    gateway =
        Hj212Gateway.builder()
            .port(0)
            .metricsPort(-1)
            .kafkaBootstrap(TestKafka.bootstrap())
            .authMode(mode)
            .deviceDirectory(DeviceDirectory.load(registry))
            .registryReloadInterval(Duration.ofMillis(100))
            .build()
            .start();
  }

  @Test
  void enforceRejectsUnknownDevicesAndWrongPasswords() {
    start(AuthMode.ENFORCE);
    String stranger = Packets.newMn();
    String unknown = Packets.minute(stranger, Packets.PW, T0, 5);
    String wrongPw = Packets.minute(known, "654321", T0, 5);
    String good = Packets.minute(known, Packets.PW, T0.plusMinutes(1), 5);
    try (LoggerClient logger = new LoggerClient(gateway.port())) {
      logger.send(unknown).send(wrongPw).send(good);
      // Only the known device with its password is answered.
      assertThat(logger.next(WAIT))
          .isEqualTo(Packets.dataAnswer(known, Packets.PW, Packets.qnOf(good)));
      logger.assertSilent(Duration.ofMillis(300));
    }
    TopicProbe.Rec unknownReject = probe.await(Topics.INGEST_REJECTS, mn(stranger), 1, WAIT).get(0);
    assertThat(unknownReject.text("reason_code")).isEqualTo("UNKNOWN_DEVICE");
    assertThat(unknownReject.text("text")).isEqualTo(unknown);
    TopicProbe.Rec wrongReject = probe.await(Topics.INGEST_REJECTS, mn(known), 1, WAIT).get(0);
    assertThat(wrongReject.text("reason_code")).isEqualTo("WRONG_PASSWORD");
    assertThat(wrongReject.text("reason")).doesNotContain("123456");

    assertThat(probe.settle(Topics.CEMS_SAMPLES, mn(stranger), Duration.ofMillis(500))).isEmpty();
    assertThat(probe.await(Topics.CEMS_SAMPLES, mn(known), 1, WAIT))
        .extracting(r -> r.text("data_time"))
        .containsExactly("2025-01-15T10:01:00+08:00");
    // Every packet is kept for audit, rejected or not.
    assertThat(probe.await(Topics.HJ212_RAW, mn(stranger), 1, WAIT)).hasSize(1);
    assertThat(gateway.metrics().rejects("UNKNOWN_DEVICE")).isEqualTo(1);
    assertThat(gateway.metrics().rejects("WRONG_PASSWORD")).isEqualTo(1);
  }

  @Test
  void warnLetsThemPassButCountsThem() {
    start(AuthMode.WARN);
    String stranger = Packets.newMn();
    String unknown = Packets.minute(stranger, Packets.PW, T0, 5);
    try (LoggerClient logger = new LoggerClient(gateway.port())) {
      logger.send(unknown);
      assertThat(logger.next(WAIT))
          .isEqualTo(Packets.dataAnswer(stranger, Packets.PW, Packets.qnOf(unknown)));
    }
    assertThat(probe.await(Topics.CEMS_SAMPLES, mn(stranger), 1, WAIT)).hasSize(1);
    assertThat(probe.settle(Topics.INGEST_REJECTS, mn(stranger), Duration.ofMillis(300))).isEmpty();
    assertThat(gateway.metrics().deviceCheckFailures("UNKNOWN_DEVICE")).isEqualTo(1);
    assertThat(gateway.metrics().rejects("UNKNOWN_DEVICE")).isZero();
  }

  @Test
  void acceptsADeviceAddedToTheRegistryWhileRunning() throws IOException {
    start(AuthMode.ENFORCE);
    String added = Packets.newMn();
    Path csv = registry.resolve("devices.csv");
    Files.writeString(
        csv, "mn,pw,outlet_id\n" + known + ",123456,OUT-1\n" + added + ",abcdef,OUT-2\n");
    Files.setLastModifiedTime(csv, FileTime.from(Instant.now().plusSeconds(5)));
    Await.until(
        "the registry is reloaded",
        WAIT,
        () -> gateway.config().deviceDirectory().find(added) != null);
    String packet = Packets.minute(added, "abcdef", T0, 5);
    try (LoggerClient logger = new LoggerClient(gateway.port())) {
      logger.send(packet);
      assertThat(logger.next(WAIT))
          .isEqualTo(Packets.dataAnswer(added, "abcdef", Packets.qnOf(packet)));
    }
  }
}
