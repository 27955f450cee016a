package org.emission.simulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.emission.hj212.Hj212RejectReason;

/**
 * A logger's connection as recorded in file mode: what went on the wire, in order, with the answers
 * of a gateway assumed (every intact packet with the A bit is answered at once).
 *
 * <ul>
 *   <li>Stop-and-wait: a packet is sent after the previous one and its answer.
 *   <li>A damaged frame (bad CRC, bad length) is not answered (HJ 212-2017 Table 2): a logger that
 *       asks for answers sends it again after the timeout (Table 1: 10 s, up to 3 times); one that
 *       does not has lost it.
 *   <li>Rarely an answer is lost on a clean line and the packet is sent twice.
 *   <li>Offline: packets due while the logger is offline are not sent; minute and hour data are
 *       kept and sent after reconnection (补传), right after the first live minute record — as the
 *       gateway asks once it sees the jump — each with a new QN ({@code RF=1} for 2025 loggers).
 *       Real-time data of the offline period are lost.
 *   <li>Spoofed copies (wrong password) and damaged frames carry their sender and reason.
 * </ul>
 */
final class RecordedLink {

  private static final double DAMAGED_SHARE = 0.35;
  private static final double LOST_ANSWER = 0.0005;

  private final DataLogger logger;
  private final DeviceSpec spec;
  private final Incident incident;
  private final SplittableRandom rnd;
  private final FrameDamage damage = new FrameDamage();
  private final long timeout;
  private final int retries;
  private final String sender;
  private final ArrayDeque<Line> out = new ArrayDeque<>();
  private final List<Upload> stored = new ArrayList<>();
  private long channelFree = Long.MIN_VALUE;
  private long lastEmitted = Long.MIN_VALUE;
  private boolean backfilled;
  private boolean done;

  RecordedLink(DataLogger logger, long seed, long timeoutMillis, int retries, String sender) {
    this.logger = logger;
    this.spec = logger.spec();
    this.incident = null;
    this.rnd = Noise.source(seed, "link/" + spec.mn());
    this.timeout = timeoutMillis;
    this.retries = retries;
    this.sender = sender;
  }

  RecordedLink(DataLogger logger, Incident incident, long seed, long timeoutMillis, int retries) {
    this.logger = logger;
    this.spec = logger.spec();
    this.incident = incident;
    this.rnd = Noise.source(seed, "link/" + spec.mn());
    this.timeout = timeoutMillis;
    this.retries = retries;
    this.sender = "logger";
  }

  /** Send time of the next line; Long.MAX_VALUE when the logger is done. */
  long peekTime() {
    fill();
    return out.isEmpty() ? Long.MAX_VALUE : out.peekFirst().time();
  }

  Line poll() {
    fill();
    return out.pollFirst();
  }

  int order() {
    return spec.index();
  }

  private void fill() {
    while (out.isEmpty() && !done) {
      Upload u = logger.next();
      if (u == null) {
        done = true;
        return;
      }
      handle(u);
    }
  }

  private void handle(Upload u) {
    if (u.spoof()) {
      for (PacketText p : u.parts()) {
        emit(u.time(), p.line(), u.cn(), null, "impostor");
      }
      return;
    }
    if (is(IncidentKind.OFFLINE_BACKFILL) && incident.covers(u.time())) {
      if (u.stored()) {
        stored.add(u);
      }
      return;
    }
    send(u);
    if (!backfilled && !stored.isEmpty() && u.cn().equals("2051")) {
      backfilled = true;
      for (Upload s : stored) {
        long at = Math.max(channelFree, u.time());
        send(logger.factory().resend(s, at, null, true));
      }
      stored.clear();
    }
  }

  private void send(Upload u) {
    for (PacketText p : u.parts()) {
      long t = Math.max(u.time(), channelFree);
      byte[] bytes = p.line();
      Hj212RejectReason reason = damageReason(t);
      if (reason != null && rnd.nextDouble() < DAMAGED_SHARE) {
        emit(t, damage.damage(bytes, reason, rnd), u.cn(), reason, sender);
        if (!spec.ack() || retries == 0) {
          channelFree = t + 30;
          continue;
        }
        t += timeout;
        for (int attempt = 1; attempt < retries && rnd.nextDouble() < DAMAGED_SHARE; attempt++) {
          emit(t, damage.damage(bytes, reason, rnd), u.cn(), reason, sender);
          t += timeout;
        }
        // the last re-send the retry count allows gets through
      }
      emit(t, bytes, u.cn(), null, sender);
      if (spec.ack() && rnd.nextDouble() < LOST_ANSWER) {
        t += timeout;
        emit(t, bytes, u.cn(), null, sender);
      }
      channelFree = t + (spec.ack() ? 80 : 30);
    }
  }

  private Hj212RejectReason damageReason(long t) {
    if (incident == null || !incident.covers(t)) {
      return null;
    }
    return switch (incident.kind()) {
      case BAD_CRC -> Hj212RejectReason.CRC_MISMATCH;
      case BAD_LENGTH -> Hj212RejectReason.LENGTH_MISMATCH;
      default -> null;
    };
  }

  private boolean is(IncidentKind kind) {
    return incident != null && incident.kind() == kind;
  }

  private void emit(long t, byte[] bytes, String cn, Hj212RejectReason reason, String who) {
    long at = Math.max(t, lastEmitted);
    lastEmitted = at;
    out.addLast(new Line(at, spec.index(), bytes, cn, reason, who));
  }
}
