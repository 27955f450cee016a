package org.emission.gateway;

import java.util.List;
import org.emission.hj212.Hj212Packet;

/**
 * A frame whose records are on their way to Kafka, with the packets to send once Kafka has them
 * all. Used on the connection's event-loop thread only.
 */
final class PendingFrame {
  final List<Hj212Packet> replies;
  final long receivedNanos;
  private int outstanding;
  private Exception failure;

  PendingFrame(List<Hj212Packet> replies, long receivedNanos, int records) {
    this.replies = replies;
    this.receivedNanos = receivedNanos;
    this.outstanding = records;
  }

  /** One record acknowledged, or failed with {@code exception}. */
  void acked(Exception exception) {
    outstanding--;
    if (exception != null && failure == null) {
      failure = exception;
    }
  }

  boolean done() {
    return outstanding <= 0;
  }

  /** Why a record of the frame could not be written, or null. */
  Exception failure() {
    return failure;
  }
}
