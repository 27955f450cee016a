package org.emission.simulator;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.emission.hj212.Hj212DecodeResult;
import org.emission.hj212.Hj212Decoder;
import org.emission.hj212.Hj212RejectReason;

/**
 * Damages frames the way a noisy line or a dropped connection does, and checks with the codec that
 * the damage is reported with the intended reason: a changed digit in the data segment (CRC
 * mismatch, HJ 212-2017 Appendix A — if the changed segment happens to have the same CRC, one of
 * the 256 possible values, a CRC digit is changed instead), a frame cut off mid-way or a wrong
 * length field (length mismatch, Table 2).
 */
final class FrameDamage {

  private final Hj212Decoder decoder = new Hj212Decoder();

  /** A copy of {@code frame} (no CR LF) that the codec rejects with {@code reason}. */
  byte[] damage(byte[] frame, Hj212RejectReason reason, SplittableRandom rnd) {
    byte[] out =
        reason == Hj212RejectReason.CRC_MISMATCH ? flipDigit(frame, rnd) : badLength(frame, rnd);
    if (rejectedAs(out) == reason) {
      return out;
    }
    out =
        reason == Hj212RejectReason.CRC_MISMATCH
            ? flipCrc(frame)
            : Arrays.copyOf(frame, Math.max(8, frame.length / 2));
    if (rejectedAs(out) != reason) {
      throw new IllegalStateException("could not damage a frame into " + reason);
    }
    return out;
  }

  private Hj212RejectReason rejectedAs(byte[] frame) {
    Hj212DecodeResult r = decoder.decode(frame);
    return r instanceof Hj212DecodeResult.Rejected rejected ? rejected.reason() : null;
  }

  private static byte[] flipDigit(byte[] frame, SplittableRandom rnd) {
    byte[] out = frame.clone();
    int cp = indexOf(out, "CP=&&");
    int end = out.length - 6;
    for (int tries = 0; tries < 50 && cp > 0; tries++) {
      int at = cp + 5 + rnd.nextInt(Math.max(1, end - cp - 5));
      if (out[at] >= '0' && out[at] <= '9') {
        out[at] = (byte) ('0' + (out[at] - '0' + 1 + rnd.nextInt(9)) % 10);
        return out;
      }
    }
    return flipCrc(frame);
  }

  private static byte[] flipCrc(byte[] frame) {
    byte[] out = frame.clone();
    int at = out.length - 1;
    out[at] = out[at] == '0' ? (byte) '1' : (byte) '0';
    return out;
  }

  private static byte[] badLength(byte[] frame, SplittableRandom rnd) {
    if (rnd.nextBoolean()) {
      int cut = (int) (frame.length * (0.4 + 0.5 * rnd.nextDouble()));
      return Arrays.copyOf(frame, cut);
    }
    byte[] out = frame.clone();
    int declared =
        Integer.parseInt(new String(out, 2, 4, java.nio.charset.StandardCharsets.US_ASCII));
    int wrong = declared - 1 - rnd.nextInt(3);
    byte[] digits =
        String.format("%04d", wrong).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    System.arraycopy(digits, 0, out, 2, 4);
    return out;
  }

  private static int indexOf(byte[] b, String s) {
    outer:
    for (int i = 0; i + s.length() <= b.length; i++) {
      for (int j = 0; j < s.length(); j++) {
        if (b[i + j] != s.charAt(j)) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
