package org.emission.hj212;

import java.nio.charset.StandardCharsets;

/**
 * Reads the MN of a frame the codec rejected (bad CRC, bad length ...), so that its raw and reject
 * records are keyed and searchable by device. Best effort: the first {@code MN=} at the start of
 * the data segment or after a {@code ;}, if its value looks like a device number.
 */
public final class MnSniffer {
  private MnSniffer() {}

  /** The MN of the frame, or null when none can be read. */
  public static String find(byte[] frame) {
    int n = frame.length;
    for (int i = 0; i + 3 < n; i++) {
      boolean fieldStart = i == 6 || (i > 0 && frame[i - 1] == ';');
      if (fieldStart && frame[i] == 'M' && frame[i + 1] == 'N' && frame[i + 2] == '=') {
        int from = i + 3;
        int to = from;
        while (to < n && to - from <= 32 && isMnChar(frame[to])) {
          to++;
        }
        boolean ends = to == n || frame[to] == ';' || frame[to] == '&';
        if (to > from && to - from <= 32 && ends) {
          return new String(frame, from, to - from, StandardCharsets.US_ASCII);
        }
        return null;
      }
    }
    return null;
  }

  private static boolean isMnChar(byte c) {
    return (c >= '0' && c <= '9')
        || (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || c == '-'
        || c == '_';
  }
}
