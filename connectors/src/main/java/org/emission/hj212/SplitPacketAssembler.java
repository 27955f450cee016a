package org.emission.hj212;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reassembles split packets (拆分包): data longer than one packet is sent as PNUM sub-packets with the
 * Flag D bit set, numbered PNO = 1..PNUM (HJ 212-2017 Table 3, Tables C.49/C.50).
 *
 * <p>Sub-packets of one upload have different QNs but the same MN, CN and DataTime, so they are
 * grouped by (MN, CN, DataTime, PNUM). A group that sees no new sub-packet for {@code timeout}, or
 * that must make room because {@code maxOpenGroups} or {@code maxBytes} (sum of data-segment bytes
 * held) would be exceeded, is dropped and reported with its sub-packets; a second copy of a PNO
 * already held is ignored. So is a sub-packet sent again (same QN) of a group completed less than
 * {@code timeout} ago — a logger that asks for answers re-sends a sub-packet whose answer it missed
 * (HJ 212-2017 §6.2), and a group of that one part would otherwise wait for parts that never come.
 * The last {@code maxOpenGroups} completed groups are remembered for that. No threads: time comes
 * from the clock given, and expiry runs on each {@link #offer} and on {@link #expire()}. Not
 * thread-safe.
 */
public final class SplitPacketAssembler {

  /** What identifies the sub-packets of one upload. */
  public record Key(String mn, String cn, String dataTime, int pnum) {}

  /** Something that happened to a group. */
  public sealed interface Event permits Completed, Dropped {}

  /**
   * All sub-packets arrived (or the packet was not split).
   *
   * @param key the group
   * @param packet the whole packet: header of PNO 1 with the D bit cleared and no PNUM/PNO, CP
   *     items of all parts in PNO order, DataTime once
   * @param parts the sub-packets in PNO order (answers are due per sub-packet)
   */
  public record Completed(Key key, Hj212Packet packet, List<Hj212Packet> parts) implements Event {
    public Completed {
      parts = List.copyOf(parts);
    }
  }

  /**
   * A group given up.
   *
   * @param key the group
   * @param reason {@link Hj212RejectReason#SPLIT_TIMEOUT}, {@link Hj212RejectReason#SPLIT_EVICTED}
   *     or {@link Hj212RejectReason#TOO_LONG}
   * @param detail what happened
   * @param parts the sub-packets received, in PNO order
   */
  public record Dropped(Key key, Hj212RejectReason reason, String detail, List<Hj212Packet> parts)
      implements Event {
    public Dropped {
      parts = List.copyOf(parts);
    }

    /** Human message, e.g. "Split packet timeout: 1 of 2 sub-packets ...". */
    public String message() {
      return reason.label() + ": " + detail;
    }
  }

  private static final byte[] DATA_TIME = "DataTime".getBytes(StandardCharsets.US_ASCII);

  private final long timeoutMillis;
  private final int maxOpenGroups;
  private final long maxBytes;
  private final InstantSource clock;

  /** Open groups, least recently extended first. */
  private final LinkedHashMap<Key, Group> groups = new LinkedHashMap<>();

  /** Recently completed groups, oldest first: when, and the QNs of their parts in PNO order. */
  private final LinkedHashMap<Key, Recent> completed = new LinkedHashMap<>();

  private record Recent(long at, String[] qns) {}

  private long openBytes;

  /**
   * @param timeout how long a group may wait for its next sub-packet (HJ 212-2017 §6.2: execution
   *     timeout)
   * @param maxOpenGroups most groups held at once
   * @param maxBytes most data-segment bytes held at once
   * @param clock source of the current time
   */
  public SplitPacketAssembler(
      Duration timeout, int maxOpenGroups, long maxBytes, InstantSource clock) {
    if (timeout.isNegative() || maxOpenGroups < 1 || maxBytes < 1) {
      throw new IllegalArgumentException("timeout >= 0, maxOpenGroups >= 1, maxBytes >= 1");
    }
    this.timeoutMillis = timeout.toMillis();
    this.maxOpenGroups = maxOpenGroups;
    this.maxBytes = maxBytes;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Takes one decoded packet. A packet that is not split, or the last missing sub-packet of a
   * group, gives a {@link Completed}; groups dropped by timeout or by the bounds give {@link
   * Dropped}. Most calls return an empty list.
   */
  public List<Event> offer(Hj212Packet packet) {
    long now = clock.millis();
    List<Event> events = new ArrayList<>(1);
    expire(now, events);
    if (!packet.split() || packet.pnum() == null || packet.pno() == null || packet.pnum() == 1) {
      events.add(new Completed(keyOf(packet), whole(packet), List.of(packet)));
      return events;
    }
    Key key = keyOf(packet);
    int size = packet.dataSegmentLength();
    int pno = packet.pno();
    if (pno < 1 || pno > key.pnum()) {
      throw new IllegalArgumentException("PNO " + pno + " outside 1.." + key.pnum());
    }
    Group group = groups.get(key);
    if (group != null && group.parts[pno - 1] != null || isResent(key, pno, packet.qn())) {
      return events;
    }
    if (group == null) {
      group = new Group(key);
    } else {
      // Taken out while room is made, so that it is not evicted for its own sake.
      groups.remove(key);
      openBytes -= group.bytes;
    }
    if (group.bytes + size > maxBytes) {
      group.add(pno, packet, size, now);
      events.add(
          new Dropped(
              key,
              Hj212RejectReason.SPLIT_EVICTED,
              "group of " + group.bytes + " bytes exceeds the bound of " + maxBytes + " bytes",
              group.received()));
      return events;
    }
    while (!groups.isEmpty()
        && (groups.size() >= maxOpenGroups || openBytes + group.bytes + size > maxBytes)) {
      Group eldest = groups.values().iterator().next();
      drop(
          eldest,
          Hj212RejectReason.SPLIT_EVICTED,
          "evicted to stay within the assembler bounds",
          events);
    }
    group.add(pno, packet, size, now);
    if (group.count == key.pnum()) {
      List<Hj212Packet> parts = group.received();
      remember(key, parts, now);
      try {
        events.add(new Completed(key, merge(parts), parts));
      } catch (IllegalArgumentException e) {
        events.add(new Dropped(key, Hj212RejectReason.TOO_LONG, e.getMessage(), parts));
      }
    } else {
      groups.put(key, group);
      openBytes += group.bytes;
    }
    return events;
  }

  /** Drops the groups whose timeout has passed. */
  public List<Event> expire() {
    List<Event> events = new ArrayList<>(0);
    expire(clock.millis(), events);
    return events;
  }

  /** Number of groups waiting for sub-packets. */
  public int openGroups() {
    return groups.size();
  }

  /** Data-segment bytes held in waiting groups. */
  public long openBytes() {
    return openBytes;
  }

  private boolean isResent(Key key, int pno, String qn) {
    Recent recent = completed.get(key);
    return recent != null && qn != null && qn.equals(recent.qns()[pno - 1]);
  }

  private void remember(Key key, List<Hj212Packet> parts, long now) {
    String[] qns = new String[parts.size()];
    for (int i = 0; i < qns.length; i++) {
      qns[i] = parts.get(i).qn();
    }
    completed.remove(key);
    completed.put(key, new Recent(now, qns));
    if (completed.size() > maxOpenGroups) {
      completed.remove(completed.keySet().iterator().next());
    }
  }

  private void expire(long now, List<Event> events) {
    Iterator<Recent> recent = completed.values().iterator();
    while (recent.hasNext() && now - recent.next().at() > timeoutMillis) {
      recent.remove();
    }
    Iterator<Map.Entry<Key, Group>> it = groups.entrySet().iterator();
    while (it.hasNext()) {
      Group g = it.next().getValue();
      if (now - g.lastSeen <= timeoutMillis) {
        break;
      }
      it.remove();
      openBytes -= g.bytes;
      events.add(
          new Dropped(
              g.key,
              Hj212RejectReason.SPLIT_TIMEOUT,
              g.count
                  + " of "
                  + g.key.pnum()
                  + " sub-packets, none for "
                  + (now - g.lastSeen)
                  + " ms (timeout "
                  + timeoutMillis
                  + " ms)",
              g.received()));
    }
  }

  private void drop(Group g, Hj212RejectReason reason, String why, List<Event> events) {
    groups.remove(g.key);
    openBytes -= g.bytes;
    events.add(
        new Dropped(
            g.key, reason, g.count + " of " + g.key.pnum() + " sub-packets, " + why, g.received()));
  }

  private static Key keyOf(Hj212Packet p) {
    Integer pnum = p.pnum();
    return new Key(p.mn(), p.cn(), p.dataTimeText(), pnum == null ? 1 : pnum);
  }

  /** A single packet as a whole: itself, or without PNUM/PNO when it is "1 of 1". */
  private static Hj212Packet whole(Hj212Packet p) {
    return p.split() ? merge(List.of(p)) : p;
  }

  /**
   * Joins sub-packets byte by byte, without making Strings: the header of the first without the D
   * bit, PNUM and PNO, then the CP fields of all parts in order, a later part's DataTime left out
   * when it repeats the first one.
   */
  static Hj212Packet merge(List<Hj212Packet> parts) {
    Hj212Packet first = parts.get(0);
    int bound = 8;
    for (Hj212Packet p : parts) {
      bound += p.dataSegmentLength();
    }
    byte[] out = new byte[bound];
    int o = 0;
    for (int rank = 0; rank < Hj212Codes.CP; rank++) {
      int len = first.headerLen(rank);
      if (len < 0 || rank == Hj212Codes.PNUM || rank == Hj212Codes.PNO) {
        continue;
      }
      o = ascii(out, o, Hj212Codes.HEADER_NAMES[rank] + "=");
      if (rank == Hj212Codes.FLAG) {
        o = ascii(out, o, Integer.toString(first.flag() & ~2));
      } else {
        System.arraycopy(first.buf(), first.headerOff(rank), out, o, len);
        o += len;
      }
      out[o++] = ';';
    }
    for (long f : first.packedExtras()) {
      o = copy(first, f, out, o);
      out[o++] = ';';
    }
    o = ascii(out, o, "CP=&&");
    int dataTimeIndex = first.dataTimeIndex();
    long dataTime = dataTimeIndex < 0 ? 0 : first.packedFields()[dataTimeIndex];
    boolean any = false;
    boolean newItem = false;
    for (int i = 0; i < parts.size(); i++) {
      Hj212Packet part = parts.get(i);
      for (long f : part.packedFields()) {
        if (i > 0
            && dataTimeIndex >= 0
            && isDataTime(part, f)
            && sameValue(first, dataTime, part, f)) {
          newItem |= Hj212Packet.isItemStart(f);
          continue;
        }
        if (any) {
          out[o++] = Hj212Packet.isItemStart(f) || newItem ? (byte) ';' : (byte) ',';
        }
        any = true;
        newItem = false;
        o = copy(part, f, out, o);
      }
    }
    out[o++] = '&';
    out[o++] = '&';
    return Hj212Packet.ofSegment(out, o);
  }

  private static int ascii(byte[] out, int o, String s) {
    for (int i = 0; i < s.length(); i++) {
      out[o++] = (byte) s.charAt(i);
    }
    return o;
  }

  private static int copy(Hj212Packet p, long f, byte[] out, int o) {
    int nl = Hj212Packet.nameLen(f);
    System.arraycopy(p.buf(), p.segOff() + Hj212Packet.nameOff(f), out, o, nl);
    o += nl;
    out[o++] = '=';
    int vl = Hj212Packet.valueLen(f);
    System.arraycopy(p.buf(), p.segOff() + Hj212Packet.valueOff(f), out, o, vl);
    return o + vl;
  }

  private static boolean isDataTime(Hj212Packet p, long f) {
    int off = p.segOff() + Hj212Packet.nameOff(f);
    return Hj212Packet.nameLen(f) == 8 && Arrays.equals(p.buf(), off, off + 8, DATA_TIME, 0, 8);
  }

  private static boolean sameValue(Hj212Packet a, long fa, Hj212Packet b, long fb) {
    int ao = a.segOff() + Hj212Packet.valueOff(fa);
    int bo = b.segOff() + Hj212Packet.valueOff(fb);
    int len = Hj212Packet.valueLen(fa);
    return len == Hj212Packet.valueLen(fb)
        && Arrays.equals(a.buf(), ao, ao + len, b.buf(), bo, bo + len);
  }

  private static final class Group {
    final Key key;
    final Hj212Packet[] parts;
    int count;
    long bytes;
    long lastSeen;

    Group(Key key) {
      this.key = key;
      this.parts = new Hj212Packet[key.pnum()];
    }

    void add(int pno, Hj212Packet p, int size, long now) {
      parts[pno - 1] = p;
      count++;
      bytes += size;
      lastSeen = now;
    }

    List<Hj212Packet> received() {
      List<Hj212Packet> out = new ArrayList<>(count);
      for (Hj212Packet p : parts) {
        if (p != null) {
          out.add(p);
        }
      }
      return out;
    }
  }
}
