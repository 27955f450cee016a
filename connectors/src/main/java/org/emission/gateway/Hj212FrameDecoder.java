package org.emission.gateway;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.emission.hj212.Hj212RejectReason;

/**
 * Cuts the TCP byte stream into HJ 212 frames (HJ 212-2017 Table 2): {@code ##}, a 4-digit length
 * of the data segment, the data segment, a 4-hex-digit CRC and CR LF.
 *
 * <p>A read may hold several frames, a frame may span reads. Bytes before a {@code ##} are skipped
 * and reported as one {@link Inbound.Skipped} run. A frame ends where its declared length says;
 * when that is wrong, the frame ends at its first CR LF or just before the next {@code ##dddd}
 * (control characters cannot occur inside a data segment, HJ 212-2017 §6.3.3), so one bad length
 * costs one frame, not the stream. A declared length above {@code maxDataSegment}, or no frame end
 * within the longest frame, makes the decoder skip to the next {@code ##}.
 *
 * <p>{@link #partialSinceNanos()} tells the connection since when an unfinished frame is waiting,
 * for the slow-sender timeout. One instance per connection.
 */
final class Hj212FrameDecoder extends ByteToMessageDecoder {

  /**
   * {@code ##} + 4-digit length + CRC (4) + CR LF (2): the bytes of a frame besides its segment.
   */
  static final int OVERHEAD = 12;

  private final int maxDataSegment;
  private final int maxFrame;

  private ByteArrayOutputStream skipSample;
  private long skipCount;
  private boolean skipBlank = true;
  private Hj212RejectReason skipReason;
  private String skipDetail;
  private long partialSince = -1;

  /**
   * @param maxDataSegment the longest data segment accepted (1024 in HJ 212-2017 Table 2)
   */
  Hj212FrameDecoder(int maxDataSegment) {
    this.maxDataSegment = maxDataSegment;
    this.maxFrame = maxDataSegment + OVERHEAD;
  }

  /** {@link System#nanoTime()} when the unfinished frame now buffered began, or -1 when none. */
  long partialSinceNanos() {
    return partialSince;
  }

  /** Restarts the slow-sender clock of an unfinished frame (after reading was paused). */
  void restartPartialClock() {
    if (partialSince >= 0) {
      partialSince = System.nanoTime();
    }
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    while (in.isReadable()) {
      int start = in.readerIndex();
      int end = in.writerIndex();
      int hh = indexOfHashes(in, start, end);
      if (hh < 0) {
        // Keep a trailing '#': it may be the first half of the next frame's ##.
        int keep = in.getByte(end - 1) == '#' ? 1 : 0;
        skip(in, end - keep - start);
        partialSince = -1;
        // Report endless garbage in pieces, but an over-long frame (at most a 4-digit length)
        // whole.
        long reportAt =
            skipReason == Hj212RejectReason.TOO_LONG
                ? Math.max(maxFrame, 9999 + OVERHEAD)
                : maxFrame;
        if (skipCount >= reportAt) {
          flushSkipped(out);
        }
        return;
      }
      if (hh > start) {
        skip(in, hh - start);
      }
      if (end - hh < 6) {
        markPartial();
        return;
      }
      int declared = digits4(in, hh + 2);
      if (declared < 0) {
        // "##" not followed by a length, e.g. "###0169...": drop one '#' and look again.
        skip(in, 1);
        continue;
      }
      flushSkipped(out);
      if (declared > maxDataSegment) {
        skipReason = Hj212RejectReason.TOO_LONG;
        skipDetail =
            "declared length "
                + declared
                + " exceeds the limit of "
                + maxDataSegment
                + " (HJ 212-2017 Table 2: longer data is split into sub-packets); skipped to the next ##";
        skip(in, 2);
        continue;
      }
      int frameEnd = frameEnd(in, hh, end, declared);
      if (frameEnd == WAIT) {
        markPartial();
        return;
      }
      if (frameEnd == TOO_LONG) {
        skipReason = Hj212RejectReason.TOO_LONG;
        skipDetail = "no frame end within " + maxFrame + " bytes after ##; skipped to the next ##";
        skip(in, 2);
        continue;
      }
      byte[] frame = new byte[frameEnd - hh];
      in.readBytes(frame);
      partialSince = -1;
      out.add(new Inbound.Frame(frame));
    }
  }

  @Override
  protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    decode(ctx, in, out);
    if (in.isReadable()) {
      // The peer closed mid-frame: pass what came, the codec reports it as truncated.
      if (in.readableBytes() >= 2
          && in.getByte(in.readerIndex()) == '#'
          && in.getByte(in.readerIndex() + 1) == '#') {
        byte[] frame = new byte[in.readableBytes()];
        in.readBytes(frame);
        out.add(new Inbound.Frame(frame));
      } else {
        skip(in, in.readableBytes());
      }
    }
    flushSkipped(out);
    partialSince = -1;
  }

  private static final int WAIT = -1;
  private static final int TOO_LONG = -2;

  /**
   * Where the frame starting at {@code hh} ends (exclusive), {@link #WAIT} when more bytes are
   * needed, or {@link #TOO_LONG}.
   */
  private int frameEnd(ByteBuf in, int hh, int end, int declared) {
    int crcEnd = hh + 6 + declared + 4;
    // A CR LF or a new frame before the CRC's end: this frame is cut short.
    int early = firstBreak(in, hh, Math.min(end, crcEnd));
    if (early >= 0) {
      return early;
    }
    if (end <= crcEnd) {
      return WAIT;
    }
    byte t0 = in.getByte(crcEnd);
    if (t0 == '\n') {
      return crcEnd + 1;
    }
    if (t0 == '\r') {
      if (end == crcEnd + 1) {
        return WAIT;
      }
      return in.getByte(crcEnd + 1) == '\n' ? crcEnd + 2 : crcEnd + 1;
    }
    // The declared length is wrong (e.g. characters counted instead of UTF-8 bytes): the frame ends
    // at the next CR LF or ##dddd.
    int limit = Math.min(end, hh + maxFrame);
    int late = firstBreak(in, hh, limit);
    if (late >= 0) {
      return late;
    }
    return end - hh >= maxFrame ? TOO_LONG : WAIT;
  }

  /**
   * End of the frame starting at {@code hh} if a CR LF (end after it) or a {@code ##dddd} (end
   * before it) occurs in {@code (hh, limit)}, else -1.
   */
  private static int firstBreak(ByteBuf in, int hh, int limit) {
    for (int i = hh + 2; i < limit; i++) {
      byte b = in.getByte(i);
      if (b == '\r' && i + 1 < limit && in.getByte(i + 1) == '\n' && i >= hh + 6) {
        return i + 2;
      }
      if (b == '#' && i + 6 <= limit && in.getByte(i + 1) == '#' && digits4(in, i + 2) >= 0) {
        return i;
      }
    }
    return -1;
  }

  private void markPartial() {
    if (partialSince < 0) {
      partialSince = System.nanoTime();
    }
  }

  private void skip(ByteBuf in, int n) {
    if (n <= 0) {
      return;
    }
    if (skipSample == null) {
      skipSample = new ByteArrayOutputStream(Math.min(n, 256));
    }
    int from = in.readerIndex();
    for (int i = from; i < from + n; i++) {
      byte b = in.getByte(i);
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n' && b != 0) {
        skipBlank = false;
      }
    }
    int room = maxFrame - skipSample.size();
    if (room > 0) {
      byte[] chunk = new byte[Math.min(room, n)];
      in.getBytes(from, chunk);
      skipSample.writeBytes(chunk);
    }
    skipCount += n;
    in.skipBytes(n);
  }

  private void flushSkipped(List<Object> out) {
    if (skipCount == 0) {
      return;
    }
    Hj212RejectReason reason = skipReason == null ? Hj212RejectReason.NO_HEADER : skipReason;
    String detail =
        skipDetail != null
            ? skipDetail + " (" + skipCount + " bytes)"
            : skipCount
                + " bytes outside any frame, skipped to the next ## (HJ 212-2017 Table 2: 包头)";
    out.add(new Inbound.Skipped(reason, detail, skipSample.toByteArray(), skipCount, skipBlank));
    skipSample = null;
    skipCount = 0;
    skipBlank = true;
    skipReason = null;
    skipDetail = null;
  }

  private static int indexOfHashes(ByteBuf in, int from, int to) {
    for (int i = from; i + 1 < to; i++) {
      if (in.getByte(i) == '#' && in.getByte(i + 1) == '#') {
        return i;
      }
    }
    return -1;
  }

  private static int digits4(ByteBuf in, int at) {
    int v = 0;
    for (int i = at; i < at + 4; i++) {
      byte b = in.getByte(i);
      if (b < '0' || b > '9') {
        return -1;
      }
      v = v * 10 + (b - '0');
    }
    return v;
  }
}
