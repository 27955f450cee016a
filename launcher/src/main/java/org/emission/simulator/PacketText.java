package org.emission.simulator;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.emission.hj212.Hj212Encoder;

/**
 * A data packet the logger sends, held as its header values and CP text, written in the codec's
 * canonical field order ({@code QN;ST;CN;PW;MN;Flag;PNUM;PNO;RF;CP=&&...&&}, HJ 212-2017 Table 3)
 * and framed by {@link Hj212Encoder#frame(byte[])} (length, CRC, CR LF). Data packets are the bulk
 * of a run — 1.3 million minute packets a week — so they are written directly rather than through
 * {@code Hj212Packet.Builder}, whose per-field checks cost four times as much; their values come
 * from the simulator's own number formatting and never contain the reserved {@code ; , = &}. The
 * tests decode every packet written with the codec.
 *
 * @param qn null when the logger omits it (HJ/T 212-2005)
 * @param flag null when the logger omits it (HJ/T 212-2005)
 * @param rf whether {@code RF=1} marks back-filled data (HJ 212-2025)
 * @param cp the data area between {@code CP=&&} and {@code &&}
 */
record PacketText(
    String qn,
    String st,
    String cn,
    String pw,
    String mn,
    Integer flag,
    Integer pnum,
    Integer pno,
    boolean rf,
    String cp) {

  /** Whether the Flag A bit asks for an answer. */
  boolean ackRequested() {
    return flag != null && (flag & 1) != 0;
  }

  PacketText withQn(String newQn) {
    return new PacketText(newQn, st, cn, pw, mn, flag, pnum, pno, rf, cp);
  }

  PacketText backfilled() {
    return new PacketText(qn, st, cn, pw, mn, flag, pnum, pno, true, cp);
  }

  /** The data segment. */
  String segment() {
    StringBuilder sb = new StringBuilder(cp.length() + 120);
    if (qn != null) {
      sb.append("QN=").append(qn).append(';');
    }
    sb.append("ST=").append(st).append(";CN=").append(cn).append(';');
    if (pw != null) {
      sb.append("PW=").append(pw).append(';');
    }
    sb.append("MN=").append(mn).append(';');
    if (flag != null) {
      sb.append("Flag=").append(flag).append(';');
    }
    if (pnum != null) {
      sb.append("PNUM=").append(pnum).append(";PNO=").append(pno).append(';');
    }
    if (rf) {
      sb.append("RF=1;");
    }
    return sb.append("CP=&&").append(cp).append("&&").toString();
  }

  /** The frame with CR LF, as sent on a socket. */
  byte[] wire() {
    return Hj212Encoder.frame(segment().getBytes(StandardCharsets.UTF_8));
  }

  /** The frame without CR LF, as one line of the packets file. */
  byte[] line() {
    byte[] f = wire();
    return Arrays.copyOf(f, f.length - 2);
  }
}
