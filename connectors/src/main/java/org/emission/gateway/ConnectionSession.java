package org.emission.gateway;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.emission.hj212.SplitPacketAssembler;

/**
 * What the gateway knows about one connection: who is at the other end, its split packets being
 * reassembled, the MNs seen on it. Used on the connection's event-loop thread only.
 */
final class ConnectionSession {
  final long id;
  final String peer;
  final SplitPacketAssembler assembler;
  final Set<String> mns = new LinkedHashSet<>();
  private final Set<String> logged = new HashSet<>();

  ConnectionSession(long id, String peer, SplitPacketAssembler assembler) {
    this.id = id;
    this.peer = peer;
    this.assembler = assembler;
  }

  /** Whether this kind of event is seen for the first time on this connection (log it loudly). */
  boolean firstTime(String kind) {
    return logged.size() < 64 && logged.add(kind);
  }
}
