package org.emission.gateway;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.emission.hj212.Hj212Commands;
import org.emission.hj212.Hj212Packet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the loggers' clocks right (HJ 212-2017 §6.7: the host sets the logger time). A CN 1013
 * time-calibration request is answered with 9013 (done by the codec's answer rule) and then a CN
 * 1012 set-time command; a CN 1011 clock report ({@code SystemTime}) more than the tolerance off
 * the gateway's clock also gets a 1012.
 */
final class ClockKeeper {
  private static final Logger LOG = LoggerFactory.getLogger(ClockKeeper.class);
  private static final DateTimeFormatter N14 = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

  private final QnSource qns;
  private final Duration tolerance;
  private final GatewayMetrics metrics;

  ClockKeeper(QnSource qns, Duration tolerance, GatewayMetrics metrics) {
    this.qns = qns;
    this.tolerance = tolerance;
    this.metrics = metrics;
  }

  /** Commands owed for a packet: a 1012 after 1013 or after a clock report too far off. */
  List<Hj212Packet> onPacket(Hj212Packet packet) {
    String cn = packet.cn();
    if ("1013".equals(cn)) {
      LOG.info("logger {} asks for the time (CN 1013): setting it with CN 1012", packet.mn());
      return List.of(setTime(packet));
    }
    if ("1011".equals(cn)) {
      return onClockReport(packet);
    }
    return List.of();
  }

  private List<Hj212Packet> onClockReport(Hj212Packet packet) {
    String text = packet.value("SystemTime");
    if (text == null || text.length() < 14) {
      return List.of();
    }
    LocalDateTime logger;
    try {
      logger = LocalDateTime.parse(text.substring(0, 14), N14);
    } catch (RuntimeException e) {
      return List.of();
    }
    LocalDateTime now = qns.now();
    Duration drift = Duration.between(now, logger);
    if (drift.abs().compareTo(tolerance) <= 0) {
      return List.of();
    }
    LOG.warn(
        "logger {} clock is off by {} s (reports {}, gateway {}): setting it with CN 1012",
        packet.mn(),
        drift.toSeconds(),
        text,
        now.format(N14));
    return List.of(setTime(packet));
  }

  private Hj212Packet setTime(Hj212Packet to) {
    metrics.clockCorrection();
    return Hj212Commands.setTime(to.edition(), qns.next(), to.st(), to.pw(), to.mn(), qns.now());
  }
}
