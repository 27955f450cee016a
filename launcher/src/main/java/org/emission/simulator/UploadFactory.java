package org.emission.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.emission.hj212.Hj212Edition;
import org.emission.hj212.Hj212Packet;

/**
 * Writes a logger's data packets ({@link PacketText}): real-time (CN 2011: {@code -Rtd}, {@code
 * -ZsRtd}, {@code -Flag}), minute (2051: {@code -Min/-Avg/-Max}, {@code -ZsAvg}, {@code -Flag},
 * flow and effluent amounts {@code -Cou}) and hourly (2061: the same plus pollutant amounts), in
 * the logger's edition:
 *
 * <ul>
 *   <li>HJ 212-2017: {@code QN;ST;CN;PW;MN;Flag=4|A|D;[PNUM;PNO;]CP=&&...&&}, 2017 codes;
 *   <li>HJ 212-2025: Flag version bits 000010 (Flag 8..11) and {@code RF=1} on back-filled data;
 *   <li>HJ/T 212-2005: no QN and no Flag, as 2005 uploads often are, and the 2005 codes (01, 02,
 *       03, S01, B02, ...; hj212.md §12).
 * </ul>
 *
 * A data segment longer than the logger's segment size is sent as sub-packets, each with DataTime,
 * its own QN and PNUM/PNO (HJ 212-2017 Table 3, Tables C.49/C.50). Commands and answers are made
 * with the codec's {@link Hj212Packet.Builder} ({@link #header}).
 */
final class UploadFactory {

  private final DeviceSpec spec;
  private final String pw;
  private final boolean v2005;
  private final int versionBits;
  private final TimeText time = new TimeText();
  private long lastQn = Long.MIN_VALUE;

  UploadFactory(DeviceSpec spec) {
    this(spec, spec.pw());
  }

  /** A factory sending under another password (an impostor). */
  UploadFactory(DeviceSpec spec, String pw) {
    this.spec = spec;
    this.pw = pw;
    this.v2005 = spec.edition() == Hj212Edition.HJT212_2005;
    this.versionBits = spec.edition().versionBits();
  }

  /** Real-time values sampled at {@code sampleTime} within record {@code r}. */
  Upload realtime(long sampleTime, long sendTime, MinuteRecord r, SplittableRandom rnd) {
    List<Channel> channels = spec.channels();
    List<String> items = new ArrayList<>(channels.size() + 1);
    items.add("DataTime=" + time.n14(sampleTime));
    StringBuilder sb = new StringBuilder(64);
    for (int i = 0; i < channels.size(); i++) {
      Channel c = channels.get(i);
      String code = c.codeFor(v2005);
      long rtd = r.avg[i];
      if (r.flag[i] == 'N' && !r.frozen[i] && c.role() != Channel.Role.PH) {
        rtd =
            Decimals.units(
                Decimals.value(rtd, c.scale()) * (1 + 0.015 * Noise.gaussian(rnd)), c.scale());
      }
      sb.setLength(0);
      field(sb, code, "-Rtd=", Decimals.text(rtd, c.scale()));
      if (r.hasZs[i]) {
        long zs =
            r.frozen[i] ? r.zs[i] : Math.round(rtd * (double) r.zs[i] / Math.max(1, r.avg[i]));
        field(sb, code, "-ZsRtd=", Decimals.text(zs, c.scale()));
      }
      field(sb, code, "-Flag=", String.valueOf(r.flag[i]));
      items.add(sb.toString());
    }
    return build("2011", sendTime, sampleTime, items, false);
  }

  /** The 2051 record {@code r}. */
  Upload minute(long sendTime, MinuteRecord r) {
    return build("2051", sendTime, r.start, minuteItems(r, 1.0), false);
  }

  /** A spoofed copy of the 2051 record {@code r}: pollutant values scaled by {@code scale}. */
  Upload spoofedMinute(long sendTime, MinuteRecord r, double scale) {
    return build("2051", sendTime, r.start, minuteItems(r, scale), true);
  }

  private List<String> minuteItems(MinuteRecord r, double scale) {
    List<Channel> channels = spec.channels();
    List<String> items = new ArrayList<>(channels.size() + 1);
    items.add("DataTime=" + time.n14(r.start));
    StringBuilder sb = new StringBuilder(96);
    for (int i = 0; i < channels.size(); i++) {
      Channel c = channels.get(i);
      String code = c.codeFor(v2005);
      double k = c.pollutant() ? scale : 1.0;
      boolean stats = c.pollutant() || c.role() == Channel.Role.O2;
      sb.setLength(0);
      if (stats) {
        field(sb, code, "-Min=", text(r.min[i], k, c.scale()));
      }
      field(sb, code, "-Avg=", text(r.avg[i], k, c.scale()));
      if (stats) {
        field(sb, code, "-Max=", text(r.max[i], k, c.scale()));
      }
      if (r.hasZs[i]) {
        field(sb, code, "-ZsAvg=", text(r.zs[i], k, c.scale()));
      }
      if (c.couScale() >= 0 && (c.role() != Channel.Role.POLLUTANT || spec.wastewater())) {
        field(sb, code, "-Cou=", text(r.cou[i], k, c.couScale()));
      }
      field(sb, code, "-Flag=", String.valueOf(r.flag[i]));
      items.add(sb.toString());
    }
    return items;
  }

  /** The 2061 hour {@code h}. */
  Upload hour(long sendTime, HourAccumulator.HourRecord h) {
    List<Channel> channels = spec.channels();
    List<String> items = new ArrayList<>(channels.size() + 1);
    items.add("DataTime=" + time.n14(h.start));
    StringBuilder sb = new StringBuilder(128);
    for (int i = 0; i < channels.size(); i++) {
      Channel c = channels.get(i);
      String code = c.codeFor(v2005);
      sb.setLength(0);
      if (h.hasValue[i]) {
        field(sb, code, "-Min=", Decimals.text(h.min[i], c.scale()));
        field(sb, code, "-Avg=", Decimals.text(h.avg[i], c.scale()));
        field(sb, code, "-Max=", Decimals.text(h.max[i], c.scale()));
      }
      if (h.hasZs[i]) {
        field(sb, code, "-ZsAvg=", Decimals.text(h.zs[i], c.scale()));
      }
      if (h.hasCou[i]) {
        field(sb, code, "-Cou=", Decimals.text(h.cou[i], c.couScale()));
      }
      field(sb, code, "-Flag=", String.valueOf(h.flag[i]));
      items.add(sb.toString());
    }
    return build("2061", sendTime, h.start, items, false);
  }

  /**
   * The same upload sent again at {@code sendTime} with a new QN — or with {@code qn} when it
   * answers a host request — marked {@code RF=1} when back-filled by a 2025 logger.
   */
  Upload resend(Upload u, long sendTime, String qn, boolean backfill) {
    List<PacketText> parts = new ArrayList<>(u.parts().size());
    for (PacketText p : u.parts()) {
      PacketText q = v2005 ? p : p.withQn(qn != null ? qn : nextQn(sendTime));
      if (backfill && spec.edition() == Hj212Edition.HJ212_2025) {
        q = q.backfilled();
      }
      parts.add(q);
    }
    return new Upload(sendTime, u.cn(), u.dataTime(), List.copyOf(parts), u.spoof());
  }

  /** A QN for a packet the logger sends at {@code t}, unique for this logger. */
  String nextQn(long t) {
    long ms = Math.max(t, lastQn + 1);
    lastQn = ms;
    return time.qn(ms);
  }

  /** A builder for a command, notification or answer of this logger (codec builder). */
  Hj212Packet.Builder header(String cn, String qn, boolean ack) {
    Hj212Packet.Builder b = Hj212Packet.builder().st(spec.st()).cn(cn).pw(pw).mn(spec.mn());
    if (!v2005) {
      b.qn(qn).flag((versionBits << 2) | (ack ? 1 : 0));
    }
    return b;
  }

  String n14(long t) {
    return time.n14(t);
  }

  private static void field(StringBuilder sb, String code, String kind, String value) {
    if (sb.length() > 0) {
      sb.append(',');
    }
    sb.append(code).append(kind).append(value);
  }

  private static String text(long units, double k, int scale) {
    return k == 1.0 ? Decimals.text(units, scale) : Decimals.text(Math.round(units * k), scale);
  }

  private Upload build(String cn, long sendTime, long dataTime, List<String> items, boolean spoof) {
    boolean ack = spec.ack() && !spoof;
    String qn = v2005 ? null : nextQn(sendTime);
    Integer flag = v2005 ? null : (versionBits << 2) | (ack ? 1 : 0);
    String cp = String.join(";", items);
    PacketText whole =
        new PacketText(qn, spec.st(), cn, pw, spec.mn(), flag, null, null, false, cp);
    int headerBytes = whole.segment().length() - cp.length();
    if (headerBytes + cp.length() <= spec.maxSegment()) {
      return new Upload(sendTime, cn, dataTime, List.of(whole), spoof);
    }
    int budget = spec.maxSegment() - headerBytes - "PNUM=99;PNO=99;".length() - 2;
    List<String> chunks = chunks(items, budget);
    List<PacketText> parts = new ArrayList<>(chunks.size());
    Integer splitFlag = v2005 ? null : flag | 2;
    for (int i = 0; i < chunks.size(); i++) {
      String partQn = v2005 ? null : (i == 0 ? qn : nextQn(sendTime));
      parts.add(
          new PacketText(
              partQn,
              spec.st(),
              cn,
              pw,
              spec.mn(),
              splitFlag,
              chunks.size(),
              i + 1,
              false,
              chunks.get(i)));
    }
    return new Upload(sendTime, cn, dataTime, List.copyOf(parts), spoof);
  }

  /** CP texts each starting with DataTime and at most {@code budget} characters long. */
  private static List<String> chunks(List<String> items, int budget) {
    String dataTime = items.get(0);
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder(dataTime);
    int count = 0;
    for (int i = 1; i < items.size(); i++) {
      String item = items.get(i);
      if (count > 0 && current.length() + 1 + item.length() > budget) {
        out.add(current.toString());
        current.setLength(0);
        current.append(dataTime);
        count = 0;
      }
      current.append(';').append(item);
      count++;
    }
    out.add(current.toString());
    return out;
  }
}
