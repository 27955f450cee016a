package org.emission.simulator;

import java.util.List;

/**
 * One upload of a logger: a data packet (CN 2011, 2051 or 2061), split into sub-packets when it is
 * longer than the logger's segment size.
 *
 * @param time when the logger means to send it (epoch ms, its own clock)
 * @param dataTime the packet's DataTime (epoch ms)
 * @param parts the packets to send, in PNO order (one when not split)
 * @param spoof whether it is a copy sent by an impostor with the logger's MN and a wrong password
 */
record Upload(long time, String cn, long dataTime, List<PacketText> parts, boolean spoof) {

  /** Minute and hour data are kept by the logger and can be sent again (补传, history). */
  boolean stored() {
    return !spoof && (cn.equals("2051") || cn.equals("2061"));
  }
}
