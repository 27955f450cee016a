package org.emission.gateway;

import org.emission.hj212.Hj212RejectReason;

/** What the frame decoder passes on: a frame to decode, or bytes it skipped. */
sealed interface Inbound permits Inbound.Frame, Inbound.Skipped {

  /**
   * One frame from {@code ##} to its end: normally {@code ##}, length, data segment, CRC and CR LF;
   * cut short or long when the declared length does not match (the codec says why).
   */
  record Frame(byte[] bytes) implements Inbound {}

  /**
   * Bytes outside any frame, skipped to resynchronise on the next {@code ##}.
   *
   * @param reason {@link Hj212RejectReason#NO_HEADER} for bytes before a {@code ##}, {@link
   *     Hj212RejectReason#TOO_LONG} for a frame longer than the limit
   * @param detail what was skipped and why
   * @param sample the first skipped bytes (at most one frame's length)
   * @param count how many bytes were skipped
   * @param blank whether all skipped bytes were spaces or line breaks (harmless between frames)
   */
  record Skipped(Hj212RejectReason reason, String detail, byte[] sample, long count, boolean blank)
      implements Inbound {}
}
