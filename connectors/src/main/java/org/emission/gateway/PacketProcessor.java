package org.emission.gateway;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.emission.hj212.Hj212Codes;
import org.emission.hj212.Hj212Commands;
import org.emission.hj212.Hj212DecodeResult;
import org.emission.hj212.Hj212Decoder;
import org.emission.hj212.Hj212Encoder;
import org.emission.hj212.Hj212Packet;
import org.emission.hj212.Hj212Records;
import org.emission.hj212.Hj212RejectReason;
import org.emission.hj212.MnSniffer;
import org.emission.hj212.SplitPacketAssembler;
import org.emission.records.CemsSample;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, for each frame, which records go to Kafka and which packets go back to the logger once
 * Kafka has them. Shared by all connections; per-connection state is in {@link ConnectionSession}.
 *
 * <ul>
 *   <li>Every frame goes to {@code hj212.raw} as received.
 *   <li>A frame the codec rejects goes to {@code ingest.rejects} with its reason and is not
 *       answered (HJ 212-2017 Table 2: a CRC error ends processing).
 *   <li>A packet of an unknown device or with a wrong password goes to {@code ingest.rejects} and
 *       is not answered in {@link AuthMode#ENFORCE}; it passes, counted and logged, in WARN.
 *   <li>A data upload (split ones reassembled) goes to {@code cems.samples}; with the Flag A bit it
 *       is answered 9014, each sub-packet with its own QN (HJ 212-2017 §7, Tables C.14-C.18, C.50).
 *   <li>A notification (1013 time calibration, 2025 heartbeat 9015) is answered 9013 (Table C.4); a
 *       1013 is followed by a 1012 set-time command.
 *   <li>9011/9012 answers to the gateway's history requests end them (Table C.47).
 * </ul>
 */
final class PacketProcessor {
  private static final Logger LOG = LoggerFactory.getLogger(PacketProcessor.class);

  /** The decoder reuses scratch arrays: one per network thread. */
  private static final ThreadLocal<Hj212Decoder> DECODER =
      ThreadLocal.withInitial(Hj212Decoder::new);

  /** What to do with one frame. */
  record Outcome(List<ProducerRecord<String, byte[]>> records, List<Hj212Packet> replies) {
    static final Outcome NONE = new Outcome(List.of(), List.of());
  }

  private final DeviceAuthenticator authenticator;
  private final GapFiller gapFiller;
  private final ClockKeeper clockKeeper;
  private final GatewayMetrics metrics;

  PacketProcessor(
      DeviceAuthenticator authenticator,
      GapFiller gapFiller,
      ClockKeeper clockKeeper,
      GatewayMetrics metrics) {
    this.authenticator = authenticator;
    this.gapFiller = gapFiller;
    this.clockKeeper = clockKeeper;
    this.metrics = metrics;
  }

  /**
   * Whether a packet belongs on {@code cems.samples}: the codec's sample rule, widened to every
   * data upload with a DataTime but 2081 (logger power-on time, not a measurement), so that the
   * 2025 additions (2052, 2062, 2111) are kept too.
   */
  static boolean isSample(Hj212Packet p) {
    return Hj212Records.isSample(p)
        || (Hj212Codes.isDataUpload(p.cn())
            && !"2081".equals(p.cn())
            && !Hj212Commands.ST_INTERACTION.equals(p.st())
            && p.dataTimeText() != null);
  }

  Outcome onFrame(byte[] frame, Instant receivedAt, ConnectionSession session) {
    Hj212DecodeResult result = DECODER.get().decode(frame);
    if (result instanceof Hj212DecodeResult.Rejected rejected) {
      String mn = MnSniffer.find(frame);
      String code = rejected.reason().name();
      metrics.reject(code);
      logReject(session, code, mn, rejected.message());
      return new Outcome(
          List.of(
              GatewayRecords.raw(receivedAt, session.peer, mn, frame),
              GatewayRecords.reject(
                  receivedAt, session.peer, mn, code, rejected.message(), text(frame))),
          List.of());
    }
    Hj212Packet packet = result.packetOrNull();
    metrics.packetIn(packet.cn());
    List<ProducerRecord<String, byte[]>> records = new ArrayList<>(2);
    records.add(GatewayRecords.raw(receivedAt, session.peer, packet.mn(), frame));
    DeviceCheck check = authenticator.check(packet);
    if (check != DeviceCheck.OK) {
      String message = deviceMessage(check, packet);
      metrics.deviceCheckFailure(check.name());
      if (authenticator.mode() == AuthMode.ENFORCE) {
        metrics.reject(check.name());
        logReject(session, check.name() + "/" + packet.mn(), packet.mn(), message);
        records.add(
            GatewayRecords.reject(
                receivedAt, session.peer, packet.mn(), check.name(), message, text(frame)));
        return new Outcome(records, List.of());
      }
      if (session.firstTime("warn/" + check.name() + "/" + packet.mn())) {
        LOG.warn("{} from {}; passed (auth mode warn)", message, session.peer);
      }
    }
    session.mns.add(packet.mn());
    List<Hj212Packet> commands = new ArrayList<>(0);
    boolean answer = route(packet, receivedAt, session, records, commands);
    List<Hj212Packet> replies = new ArrayList<>(1 + commands.size());
    if (answer) {
      Optional<Hj212Packet> owed = Hj212Commands.answerFor(packet);
      owed.ifPresent(replies::add);
    }
    replies.addAll(commands);
    return new Outcome(records, replies);
  }

  /**
   * Adds the packet's records and commands by CN; returns whether the packet may be answered (not
   * when it could not be made into its record).
   */
  private boolean route(
      Hj212Packet packet,
      Instant receivedAt,
      ConnectionSession session,
      List<ProducerRecord<String, byte[]>> records,
      List<Hj212Packet> commands) {
    String cn = packet.cn();
    if (packet.split() || isSample(packet)) {
      boolean ok = true;
      for (SplitPacketAssembler.Event event : session.assembler.offer(packet)) {
        if (event instanceof SplitPacketAssembler.Completed done) {
          ok &= complete(done.packet(), receivedAt, session, records, commands);
        } else {
          records.add(dropped((SplitPacketAssembler.Dropped) event, receivedAt, session));
        }
      }
      return ok;
    }
    if ("9011".equals(cn) || "9012".equals(cn)) {
      commands.addAll(gapFiller.onAnswer(packet, session.id));
      return true;
    }
    commands.addAll(clockKeeper.onPacket(packet));
    commands.addAll(gapFiller.onPacket(packet, session.id));
    if (packet.ackRequested()
        && !cn.startsWith("9")
        && !Hj212Codes.isAnsweredUpload(cn)
        && session.firstTime("noanswer/" + cn)) {
      LOG.info(
          "{} (MN {}) asks for an answer to CN {}, for which the gateway has none; not answered",
          session.peer,
          packet.mn(),
          cn);
    }
    return true;
  }

  /** A whole data packet: its sample, and the gap-fill requests it calls for. */
  private boolean complete(
      Hj212Packet whole,
      Instant receivedAt,
      ConnectionSession session,
      List<ProducerRecord<String, byte[]>> records,
      List<Hj212Packet> commands) {
    if (!isSample(whole)) {
      commands.addAll(gapFiller.onPacket(whole, session.id));
      return true;
    }
    GapFiller.Decision decision = gapFiller.onData(whole, session.id);
    CemsSample sample;
    try {
      sample = Hj212Records.toCemsSample(whole, receivedAt, decision.historyAnswer());
    } catch (RuntimeException e) {
      String code = Hj212RejectReason.BAD_FIELD_VALUE.name();
      metrics.reject(code);
      logReject(session, code, whole.mn(), e.getMessage());
      records.add(
          GatewayRecords.reject(
              receivedAt,
              session.peer,
              whole.mn(),
              code,
              Hj212RejectReason.BAD_FIELD_VALUE.label() + ": " + e.getMessage(),
              Hj212Encoder.encodeToString(whole)));
      return false;
    }
    records.add(GatewayRecords.sample(sample));
    metrics.sample();
    commands.addAll(decision.commands());
    return true;
  }

  /** Split sub-packets given up (timeout or memory bound), reported once as a reject. */
  private ProducerRecord<String, byte[]> dropped(
      SplitPacketAssembler.Dropped d, Instant receivedAt, ConnectionSession session) {
    String code = d.reason().name();
    metrics.reject(code);
    logReject(session, code, d.key().mn(), d.message());
    StringBuilder parts = new StringBuilder();
    for (Hj212Packet p : d.parts()) {
      parts.append(Hj212Encoder.encodeToString(p));
    }
    return GatewayRecords.reject(
        receivedAt, session.peer, d.key().mn(), code, d.message(), parts.toString());
  }

  /** Split groups that timed out on a quiet connection. */
  Outcome onExpired(
      List<SplitPacketAssembler.Event> events, Instant now, ConnectionSession session) {
    List<ProducerRecord<String, byte[]>> records = new ArrayList<>(events.size());
    for (SplitPacketAssembler.Event e : events) {
      if (e instanceof SplitPacketAssembler.Dropped d) {
        records.add(dropped(d, now, session));
      }
    }
    return new Outcome(records, List.of());
  }

  /**
   * Bytes outside any frame: blank runs (line breaks between frames) are only counted; others go to
   * {@code ingest.rejects}, and an over-long frame to {@code hj212.raw} too.
   */
  Outcome onSkipped(Inbound.Skipped skipped, Instant receivedAt, ConnectionSession session) {
    if (skipped.blank()) {
      return Outcome.NONE;
    }
    String code = skipped.reason().name();
    String message = skipped.reason().label() + ": " + skipped.detail();
    String mn = MnSniffer.find(skipped.sample());
    metrics.reject(code);
    logReject(session, code, mn, message);
    ProducerRecord<String, byte[]> reject =
        GatewayRecords.reject(receivedAt, session.peer, mn, code, message, text(skipped.sample()));
    if (skipped.reason() == Hj212RejectReason.TOO_LONG) {
      return new Outcome(
          List.of(GatewayRecords.raw(receivedAt, session.peer, mn, skipped.sample()), reject),
          List.of());
    }
    return new Outcome(List.of(reject), List.of());
  }

  private static String deviceMessage(DeviceCheck check, Hj212Packet packet) {
    return check == DeviceCheck.UNKNOWN_DEVICE
        ? "Unknown device: MN " + packet.mn() + " is not in the device directory"
        : "Wrong password: the PW of MN " + packet.mn() + " does not match the device directory";
  }

  private static void logReject(ConnectionSession session, String kind, String mn, String message) {
    if (session.firstTime("reject/" + kind)) {
      LOG.warn(
          "rejected from {} (MN {}): {} (more of this kind on this connection are logged at debug)",
          session.peer,
          mn,
          message);
    } else if (LOG.isDebugEnabled()) {
      LOG.debug("rejected from {} (MN {}): {}", session.peer, mn, message);
    }
  }

  private static String text(byte[] bytes) {
    String t = GatewayRecords.text(bytes);
    return t != null ? t : new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
  }
}
