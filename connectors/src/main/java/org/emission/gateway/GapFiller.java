package org.emission.gateway;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.emission.hj212.Hj212Commands;
import org.emission.hj212.Hj212Edition;
import org.emission.hj212.Hj212Packet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks loggers for minute (CN 2051) and hourly (CN 2061) data they hold but did not send: after a
 * reconnect, or whenever the DataTime of live data jumps past the expected interval.
 *
 * <p>The request is the host's history retrieval of HJ 212-2017 Table C.47: the data CN with {@code
 * BeginTime} and {@code EndTime}, answer requested; the logger answers 9011 ({@code QnRtn}),
 * uploads the data, then 9012 ({@code ExeRtn}) (HJ 212-2017 §7, Tables 6 and 7). Data with a
 * DataTime inside the window of a request in flight answers it ({@code backfill=true}).
 *
 * <p>Bounded: one request in flight per device and CN, a window of at most {@code maxSpan} (the
 * most recent part is asked for), a request timeout after which the window is asked again on the
 * device's next packet, up to {@code maxAttempts} times. State is in memory and per MN, so it
 * survives reconnects but not a gateway restart. Thread-safe: each device's state is locked.
 */
final class GapFiller {
  private static final Logger LOG = LoggerFactory.getLogger(GapFiller.class);

  static final String MINUTE = "2051";
  static final String HOUR = "2061";

  /** Longest minute interval (HJ 212-2017 §6.2: MinInterval is 1..30 min). */
  private static final Duration MAX_MINUTE_INTERVAL = Duration.ofMinutes(30);

  /** What a data packet means for gap fill. */
  record Decision(boolean historyAnswer, List<Hj212Packet> commands) {
    static final Decision NONE = new Decision(false, List.of());
  }

  /** A span of DataTimes to ask for, both ends included. */
  record Window(LocalDateTime begin, LocalDateTime end, int attempt) {
    boolean contains(LocalDateTime t) {
      return !t.isBefore(begin) && !t.isAfter(end);
    }
  }

  private record Request(String qn, Window window, long sentNanos, long connectionId) {}

  /** One series (minute or hour) of one device. */
  private static final class Series {
    final String cn;
    LocalDateTime lastLive;
    Duration interval;
    Request inFlight;
    Window queued;

    Series(String cn) {
      this.cn = cn;
    }
  }

  private static final class Track {
    final String mn;
    final Series minute = new Series(MINUTE);
    final Series hour = new Series(HOUR);
    String st;
    String pw;
    Hj212Edition edition;
    long connectionId;

    Track(String mn) {
      this.mn = mn;
    }

    Series series(String cn) {
      return MINUTE.equals(cn) ? minute : HOUR.equals(cn) ? hour : null;
    }
  }

  private final GapFillSettings settings;
  private final QnSource qns;
  private final GatewayMetrics metrics;
  private final Map<String, Track> tracks = new ConcurrentHashMap<>();

  GapFiller(GapFillSettings settings, QnSource qns, GatewayMetrics metrics) {
    this.settings = settings;
    this.qns = qns;
    this.metrics = metrics;
  }

  /**
   * A whole (reassembled) data packet of an accepted device: whether it answers a request in
   * flight, and the requests to send now.
   */
  Decision onData(Hj212Packet packet, long connectionId) {
    if (!settings.enabled()) {
      return Decision.NONE;
    }
    Track track = track(packet.mn());
    if (track == null) {
      return Decision.NONE;
    }
    synchronized (track) {
      remember(track, packet, connectionId);
      Series series = track.series(packet.cn());
      LocalDateTime t = packet.dataTime();
      if (series == null || t == null) {
        return new Decision(false, trySend(track));
      }
      if (series.inFlight != null && series.inFlight.window.contains(t)) {
        return new Decision(true, List.of());
      }
      if (!packet.backfill()) {
        Window gap = observe(series, t);
        if (gap != null) {
          enqueue(track, series, gap);
        }
      }
      return new Decision(false, trySend(track));
    }
  }

  /** A 9011 or 9012 answer of a logger: ends a request, and may let the next one go. */
  List<Hj212Packet> onAnswer(Hj212Packet packet, long connectionId) {
    if (!settings.enabled()) {
      return List.of();
    }
    Track track = tracks.get(packet.mn());
    if (track == null) {
      return List.of();
    }
    synchronized (track) {
      remember(track, packet, connectionId);
      Series series = inFlightWithQn(track, packet.qn());
      if (series == null) {
        return trySend(track);
      }
      Request req = series.inFlight;
      if ("9011".equals(packet.cn())) {
        String qnRtn = packet.value("QnRtn");
        if ("1".equals(qnRtn)) {
          return List.of();
        }
        // HJ 212-2017 Table 6: anything but 1 means the request will not be executed.
        LOG.warn(
            "logger {} refused the CN {} history request {} (QnRtn={})",
            track.mn,
            series.cn,
            describe(req.window),
            qnRtn);
        metrics.gapFillResult("refused");
        series.inFlight = null;
        return trySend(track);
      }
      String exeRtn = packet.value("ExeRtn");
      // HJ 212-2017 Table 7: 1 success, 100 no data, others failures.
      String result = "1".equals(exeRtn) ? "success" : "100".equals(exeRtn) ? "no_data" : "failed";
      LOG.info(
          "logger {} finished the CN {} history request {}: ExeRtn={} ({})",
          track.mn,
          series.cn,
          describe(req.window),
          exeRtn,
          result);
      metrics.gapFillResult(result);
      series.inFlight = null;
      return trySend(track);
    }
  }

  /** Any other packet of an accepted device: sends a window waiting for its turn. */
  List<Hj212Packet> onPacket(Hj212Packet packet, long connectionId) {
    if (!settings.enabled()) {
      return List.of();
    }
    Track track = tracks.get(packet.mn());
    if (track == null) {
      return List.of();
    }
    synchronized (track) {
      remember(track, packet, connectionId);
      if ("1063".equals(packet.cn())) {
        learnMinuteInterval(track, packet.value("MinInterval"));
      }
      return trySend(track);
    }
  }

  /** The connection closed: its requests will not be answered; ask again on the next one. */
  void onDisconnect(Iterable<String> mns, long connectionId) {
    for (String mn : mns) {
      Track track = tracks.get(mn);
      if (track == null) {
        continue;
      }
      synchronized (track) {
        for (Series s : List.of(track.minute, track.hour)) {
          if (s.inFlight != null && s.inFlight.connectionId == connectionId) {
            retryLater(track, s, "the connection closed");
          }
        }
      }
    }
  }

  /** Gives up on requests older than the timeout (asked again on the device's next packet). */
  void expire(long nowNanos) {
    long timeout = settings.requestTimeout().toNanos();
    for (Track track : tracks.values()) {
      synchronized (track) {
        for (Series s : List.of(track.minute, track.hour)) {
          if (s.inFlight != null && nowNanos - s.inFlight.sentNanos > timeout) {
            metrics.gapFillResult("timeout");
            retryLater(track, s, "no 9012 within " + settings.requestTimeout().toSeconds() + " s");
          }
        }
      }
    }
  }

  private Track track(String mn) {
    Track t = tracks.get(mn);
    if (t != null || tracks.size() >= settings.maxDevices()) {
      return t;
    }
    return tracks.computeIfAbsent(mn, Track::new);
  }

  private static void remember(Track track, Hj212Packet packet, long connectionId) {
    if (packet.st() != null && !Hj212Commands.ST_INTERACTION.equals(packet.st())) {
      track.st = packet.st();
    }
    track.pw = packet.pw();
    track.edition = packet.edition();
    track.connectionId = connectionId;
  }

  /** Notes a live DataTime; returns the window missing before it, if any. */
  private Window observe(Series s, LocalDateTime t) {
    LocalDateTime last = s.lastLive;
    if (last != null && !t.isAfter(last)) {
      return null;
    }
    s.lastLive = t;
    if (last == null) {
      return null;
    }
    Duration delta = Duration.between(last, t);
    Duration expected;
    if (HOUR.equals(s.cn)) {
      expected = Duration.ofHours(1);
    } else {
      if (delta.compareTo(MAX_MINUTE_INTERVAL) <= 0
          && (s.interval == null || delta.compareTo(s.interval) < 0)) {
        s.interval = delta;
      }
      expected = s.interval != null ? s.interval : settings.defaultMinuteInterval();
    }
    if (delta.compareTo(expected.multipliedBy(2)) < 0) {
      return null;
    }
    return new Window(last.plus(expected), t.minus(expected), 1);
  }

  private void learnMinuteInterval(Track track, String minutes) {
    try {
      int m = Integer.parseInt(minutes);
      if (m >= 1 && m <= 30) {
        track.minute.interval = Duration.ofMinutes(m);
      }
    } catch (NumberFormatException e) {
      // Not a MinInterval upload: nothing to learn.
    }
  }

  private void enqueue(Track track, Series s, Window gap) {
    Window w = s.queued == null ? gap : merge(s.queued, gap);
    s.queued = clamp(track, s, w);
  }

  private void retryLater(Track track, Series s, String why) {
    Window w = s.inFlight.window;
    s.inFlight = null;
    if (w.attempt() >= settings.maxAttempts()) {
      LOG.warn(
          "giving up the CN {} history request {} to logger {} after {} attempts: {}",
          s.cn,
          describe(w),
          track.mn,
          w.attempt(),
          why);
      return;
    }
    LOG.info(
        "CN {} history request {} to logger {}: {}; will ask again",
        s.cn,
        describe(w),
        track.mn,
        why);
    Window again = new Window(w.begin(), w.end(), w.attempt() + 1);
    s.queued = clamp(track, s, s.queued == null ? again : merge(s.queued, again));
  }

  private Window merge(Window a, Window b) {
    LocalDateTime begin = a.begin().isBefore(b.begin()) ? a.begin() : b.begin();
    LocalDateTime end = a.end().isAfter(b.end()) ? a.end() : b.end();
    return new Window(begin, end, Math.max(a.attempt(), b.attempt()));
  }

  private Window clamp(Track track, Series s, Window w) {
    LocalDateTime earliest = w.end().minus(settings.maxSpan());
    if (!w.begin().isBefore(earliest)) {
      return w;
    }
    LOG.warn(
        "logger {} misses CN {} data from {} to {}: asking only for the last {} h (the bound)",
        track.mn,
        s.cn,
        w.begin(),
        w.end(),
        settings.maxSpan().toHours());
    return new Window(earliest, w.end(), w.attempt());
  }

  private List<Hj212Packet> trySend(Track track) {
    if (track.st == null) {
      return List.of();
    }
    List<Hj212Packet> out = new ArrayList<>(0);
    for (Series s : List.of(track.minute, track.hour)) {
      if (s.inFlight != null || s.queued == null) {
        continue;
      }
      Window w = s.queued;
      s.queued = null;
      String qn = qns.next();
      Hj212Packet request =
          Hj212Commands.historyRequest(
              track.edition, qn, track.st, track.pw, track.mn, s.cn, w.begin(), w.end());
      s.inFlight = new Request(qn, w, System.nanoTime(), track.connectionId);
      metrics.gapFillRequest();
      LOG.info(
          "asking logger {} for missing CN {} data {} (QN {}, attempt {})",
          track.mn,
          s.cn,
          describe(w),
          qn,
          w.attempt());
      out.add(request);
    }
    return out;
  }

  private static Series inFlightWithQn(Track track, String qn) {
    for (Series s : List.of(track.minute, track.hour)) {
      if (s.inFlight != null && s.inFlight.qn.equals(qn)) {
        return s;
      }
    }
    return null;
  }

  private static String describe(Window w) {
    return w.begin() + " .. " + w.end();
  }
}
