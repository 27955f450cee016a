package org.emission.simulator;

import org.emission.hj212.Hj212RejectReason;

/**
 * One line of the packets file: a frame as it went on the wire, without its trailing CR LF.
 *
 * @param time when it was sent (epoch ms)
 * @param order tie-break among lines sent at the same millisecond (the sender's devices.csv index)
 * @param cn the packet's CN (of the intact packet for a damaged frame)
 * @param malformed the reject reason the damage must produce, or null for an intact frame
 * @param sender who sent it: {@code logger}, {@code impostor} (wrong password) or {@code
 *     unregistered} (unknown MN)
 */
record Line(
    long time, int order, byte[] bytes, String cn, Hj212RejectReason malformed, String sender) {}
