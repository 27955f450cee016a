package org.emission.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.emission.hj212.Hj212Commands;
import org.emission.hj212.Hj212DecodeResult;
import org.emission.hj212.Hj212Decoder;
import org.emission.hj212.Hj212Encoder;
import org.emission.hj212.Hj212Packet;
import org.emission.hj212.Hj212RejectReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A data logger on its own TCP connection to the gateway (live mode). Its thread sends the logger's
 * uploads when the simulated clock reaches them and answers host commands in between; a reader
 * thread takes the gateway's packets off the socket.
 *
 * <ul>
 *   <li>Packets with the Flag A bit wait for the 9014 answer with their QN; without it within the
 *       timeout they are sent again, up to the retry count (HJ 212-2017 §6.2, Table 1: 10 s, 3;
 *       changed by host command 1000).
 *   <li>History requests (CN 2051/2061 with BeginTime/EndTime, HJ 212-2017 Table C.47): 9011
 *       (QnRtn=1), the stored uploads of the window with the request's QN ({@code RF=1} from a 2025
 *       logger), then 9012 (ExeRtn=1, or 100 when it holds none).
 *   <li>1012 set time, 1000 timeout/retries, 1062 real-time interval, 1064 minute interval: 9011
 *       and 9012. 1011, 1061, 1063 (get time / intervals): 9011, the value, 9012. 2011 / 2012
 *       switch real-time uploads on / off. Other commands: 9011 QnRtn=2 (refused).
 *   <li>On (re)connection a logger that asks for answers sends a 1013 time-calibration request (HJ
 *       212-2017 §6.7); the gateway answers 9013 and sets the time.
 *   <li>Incidents: offline (the socket is closed for the window; the gateway's gap fill asks for
 *       the data afterwards), damaged frames, and spoofed copies sent on a second connection.
 * </ul>
 *
 * The logger's clock is the simulated clock: a 1012 is acknowledged but does not move it.
 */
final class LiveLogger {

  private static final Logger LOG = LoggerFactory.getLogger(LiveLogger.class);
  private static final DateTimeFormatter N14 = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
  private static final byte[] CRLF = {'\r', '\n'};
  private static final long RECONNECT_MILLIS = 2_000;

  private final DataLogger logger;
  private final DeviceSpec spec;
  private final Incident incident;
  private final boolean unregistered;
  private final String host;
  private final int port;
  private final SimClock clock;
  private final LiveCounters counters;
  private final SplittableRandom rnd;
  private final FrameDamage damage = new FrameDamage();
  private final LinkedBlockingQueue<String> answers = new LinkedBlockingQueue<>();
  private final LinkedBlockingQueue<Hj212Packet> commands = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile boolean running = true;
  private volatile long answerTimeout;
  private volatile int retries;
  private volatile Connection connection;
  private Socket impostor;
  private long nextConnect;

  LiveLogger(
      DataLogger logger,
      Incident incident,
      boolean unregistered,
      String host,
      int port,
      SimClock clock,
      LiveCounters counters,
      long answerTimeoutMillis,
      int retries,
      long seed) {
    this.logger = logger;
    this.spec = logger.spec();
    this.incident = incident;
    this.unregistered = unregistered;
    this.host = host;
    this.port = port;
    this.clock = clock;
    this.counters = counters;
    this.answerTimeout = answerTimeoutMillis;
    this.retries = retries;
    this.rnd = Noise.source(seed, "live/" + spec.mn());
    this.thread = new Thread(this::run, "logger-" + spec.mn());
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  void stop() {
    running = false;
    thread.interrupt();
    disconnect();
    closeImpostor();
  }

  void join(long millis) throws InterruptedException {
    thread.join(millis);
  }

  private void run() {
    try {
      if (unregistered) {
        waitUntil(incident.start());
      }
      while (running) {
        long due = logger.peekTime();
        if (due == Long.MAX_VALUE) {
          break;
        }
        waitUntil(due);
        if (!running) {
          break;
        }
        Upload u = logger.next();
        if (u.spoof()) {
          sendImpostor(u);
          continue;
        }
        if (offline(u.time())) {
          disconnect();
          counters.notSent.incrementAndGet();
          continue;
        }
        if (!ensureConnected()) {
          counters.notSent.incrementAndGet();
          continue;
        }
        send(u);
        drainCommands();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.error("logger {} stopped: {}", spec.mn(), e.toString(), e);
    } finally {
      disconnect();
      closeImpostor();
    }
  }

  private boolean offline(long t) {
    return incident != null
        && incident.kind() == IncidentKind.OFFLINE_BACKFILL
        && incident.covers(t);
  }

  /** Waits for the simulated time {@code t}, answering host commands meanwhile. */
  private void waitUntil(long t) throws InterruptedException {
    while (running) {
      long wait = clock.realMillisUntil(t);
      if (wait <= 0) {
        return;
      }
      Hj212Packet cmd = commands.poll(Math.min(wait, 500), TimeUnit.MILLISECONDS);
      if (cmd != null) {
        handle(cmd);
      }
    }
  }

  private void drainCommands() throws InterruptedException {
    Hj212Packet cmd;
    while ((cmd = commands.poll()) != null) {
      handle(cmd);
    }
  }

  private void send(Upload u) throws InterruptedException {
    for (PacketText p : u.parts()) {
      sendPart(p, u.time());
    }
  }

  private void sendPart(PacketText p, long time) throws InterruptedException {
    byte[] wire = p.wire();
    Hj212RejectReason reason = damageReason(time);
    if (reason != null && rnd.nextDouble() < 0.35) {
      byte[] line = java.util.Arrays.copyOf(wire, wire.length - 2);
      byte[] bad = damage.damage(line, reason, rnd);
      if (!write(concat(bad, CRLF))) {
        return;
      }
      counters.damaged.incrementAndGet();
      if (!p.ackRequested() || retries == 0) {
        return;
      }
      awaitAnswer(p.qn());
    }
    if (!write(wire)) {
      return;
    }
    if (unregistered) {
      counters.unregistered.incrementAndGet();
    }
    if (!p.ackRequested()) {
      return;
    }
    for (int attempt = 0; ; attempt++) {
      if (awaitAnswer(p.qn())) {
        counters.answers.incrementAndGet();
        return;
      }
      if (attempt >= retries || connection == null) {
        counters.unanswered.incrementAndGet();
        return;
      }
      counters.resends.incrementAndGet();
      if (!write(wire)) {
        return;
      }
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

  private boolean awaitAnswer(String qn) throws InterruptedException {
    long deadline = System.nanoTime() + answerTimeout * 1_000_000;
    while (true) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      String a = answers.poll(left, TimeUnit.NANOSECONDS);
      if (a == null) {
        return false;
      }
      if (a.equals(qn)) {
        return true;
      }
    }
  }

  // ---- host commands (HJ 212-2017 §7, Appendix C) ----

  private void handle(Hj212Packet cmd) throws InterruptedException {
    String cn = cmd.cn();
    boolean window = cmd.hasField("BeginTime") && cmd.hasField("EndTime");
    switch (cn) {
      case "2051", "2061", "2031", "2041" -> {
        if (window) {
          history(cmd);
        } else {
          refuse(cmd);
        }
      }
      case "1012" -> {
        counters.clockSets.incrementAndGet();
        done(cmd);
      }
      case "1000" -> {
        Integer over = integer(cmd.value("OverTime"));
        Integer count = integer(cmd.value("ReCount"));
        if (over != null && over > 0 && over <= 99) {
          answerTimeout = over * 1000L;
        }
        if (count != null && count > 0 && count <= 99) {
          retries = count;
        }
        done(cmd);
      }
      case "1062" -> {
        Integer s = integer(cmd.value("RtdInterval"));
        if (s != null) {
          logger.rtdInterval(s);
        }
        done(cmd);
      }
      case "1064", "1072" -> done(cmd);
      case "1011" -> report(cmd, "SystemTime", logger.factory().n14(clock.now()));
      case "1061" -> report(cmd, "RtdInterval", Integer.toString(logger.rtdIntervalSeconds()));
      case "1063" -> report(cmd, "MinInterval", Integer.toString(spec.recordMinutes()));
      case "2011" -> {
        logger.realtime(true);
        reply(Hj212Commands.requestAnswer(cmd, Hj212Commands.QnRtn.READY));
      }
      case "2012" -> {
        logger.realtime(false);
        reply(Hj212Commands.notificationAnswer(cmd));
      }
      default -> {
        if (!cn.startsWith("9")) {
          refuse(cmd);
        }
      }
    }
  }

  /** Table C.47: 9011, the stored data of the window, 9012. */
  private void history(Hj212Packet cmd) throws InterruptedException {
    counters.historyRequests.incrementAndGet();
    long begin;
    long end;
    try {
      begin = CstTime.millis(LocalDateTime.parse(cmd.value("BeginTime"), N14));
      end = CstTime.millis(LocalDateTime.parse(cmd.value("EndTime"), N14));
    } catch (RuntimeException e) {
      reply(Hj212Commands.requestAnswer(cmd, Hj212Commands.QnRtn.REFUSED));
      return;
    }
    reply(Hj212Commands.requestAnswer(cmd, Hj212Commands.QnRtn.READY));
    List<Upload> stored = logger.history(cmd.cn(), begin, end);
    LOG.info(
        "logger {}: history request CN {} {} .. {}: {} uploads",
        spec.mn(),
        cmd.cn(),
        cmd.value("BeginTime"),
        cmd.value("EndTime"),
        stored.size());
    for (Upload u : stored) {
      Upload again = logger.factory().resend(u, clock.now(), cmd.qn(), true);
      send(again);
      counters.historyPackets.incrementAndGet();
      if (connection == null) {
        return;
      }
    }
    reply(
        Hj212Commands.executionResult(
            cmd, stored.isEmpty() ? Hj212Commands.ExeRtn.NO_DATA : Hj212Commands.ExeRtn.SUCCESS));
  }

  private void report(Hj212Packet cmd, String name, String value) {
    reply(Hj212Commands.requestAnswer(cmd, Hj212Commands.QnRtn.READY));
    reply(logger.factory().header(cmd.cn(), cmd.qn(), false).item(name, value).build());
    reply(Hj212Commands.executionResult(cmd, Hj212Commands.ExeRtn.SUCCESS));
  }

  private void done(Hj212Packet cmd) {
    reply(Hj212Commands.requestAnswer(cmd, Hj212Commands.QnRtn.READY));
    reply(Hj212Commands.executionResult(cmd, Hj212Commands.ExeRtn.SUCCESS));
  }

  private void refuse(Hj212Packet cmd) {
    reply(Hj212Commands.requestAnswer(cmd, Hj212Commands.QnRtn.REFUSED));
  }

  private void reply(Hj212Packet p) {
    write(Hj212Encoder.encode(p));
  }

  private static Integer integer(String text) {
    try {
      return text == null ? null : Integer.valueOf(text.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  // ---- connection ----

  private boolean ensureConnected() {
    if (connection != null) {
      return true;
    }
    long now = System.currentTimeMillis();
    if (now < nextConnect) {
      return false;
    }
    try {
      Socket s = new Socket();
      s.connect(new InetSocketAddress(host, port), 5_000);
      s.setTcpNoDelay(true);
      Connection c = new Connection(s);
      connection = c;
      c.startReading();
      counters.connects.incrementAndGet();
      if (spec.ack()) {
        long t = clock.now();
        write(
            Hj212Encoder.encode(
                logger.factory().header("1013", logger.factory().nextQn(t), true).build()));
      }
      return connection != null;
    } catch (IOException e) {
      counters.connectFailures.incrementAndGet();
      nextConnect = now + RECONNECT_MILLIS;
      LOG.debug("logger {}: cannot connect to {}:{}: {}", spec.mn(), host, port, e.toString());
      return false;
    }
  }

  private boolean write(byte[] bytes) {
    Connection c = connection;
    if (c == null) {
      return false;
    }
    try {
      c.out.write(bytes);
      c.out.flush();
      counters.packets.incrementAndGet();
      counters.bytes.addAndGet(bytes.length);
      return true;
    } catch (IOException e) {
      LOG.debug("logger {}: connection lost: {}", spec.mn(), e.toString());
      disconnect();
      nextConnect = System.currentTimeMillis() + RECONNECT_MILLIS;
      return false;
    }
  }

  private void disconnect() {
    Connection c = connection;
    connection = null;
    if (c != null) {
      c.close();
    }
  }

  private void sendImpostor(Upload u) {
    try {
      if (impostor == null) {
        impostor = new Socket();
        impostor.connect(new InetSocketAddress(host, port), 5_000);
      }
      OutputStream out = impostor.getOutputStream();
      for (PacketText p : u.parts()) {
        out.write(p.wire());
        counters.impostor.incrementAndGet();
      }
      out.flush();
    } catch (IOException e) {
      closeImpostor();
    }
    if (!incident.covers(u.time() + 60_000)) {
      closeImpostor();
    }
  }

  private void closeImpostor() {
    Socket s = impostor;
    impostor = null;
    if (s != null) {
      try {
        s.close();
      } catch (IOException e) {
        LOG.debug("closing impostor connection: {}", e.toString());
      }
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** One TCP connection and its reader thread. */
  private final class Connection {
    final Socket socket;
    final OutputStream out;

    Connection(Socket socket) throws IOException {
      this.socket = socket;
      this.out = socket.getOutputStream();
    }

    void startReading() {
      Thread reader = new Thread(this::read, "logger-reader-" + spec.mn());
      reader.setDaemon(true);
      reader.start();
    }

    private void read() {
      Hj212Decoder decoder = new Hj212Decoder();
      try {
        FrameReader frames = new FrameReader(socket.getInputStream());
        byte[] frame;
        while ((frame = frames.next()) != null) {
          Hj212DecodeResult r = decoder.decode(frame);
          Hj212Packet p = r.packetOrNull();
          if (p == null) {
            continue;
          }
          String cn = p.cn();
          if (cn.equals("9014") || cn.equals("9013")) {
            answers.offer(p.qn() == null ? "" : p.qn());
          } else {
            counters.commands.incrementAndGet();
            commands.offer(p);
          }
        }
      } catch (IOException e) {
        LOG.debug("logger {}: reading stopped: {}", spec.mn(), e.toString());
      } finally {
        if (connection == this) {
          connection = null;
        }
        close();
      }
    }

    void close() {
      try {
        socket.close();
      } catch (IOException e) {
        LOG.debug("closing connection of {}: {}", spec.mn(), e.toString());
      }
    }
  }
}
