package org.emission.hj212;

/**
 * Reads the MN of a frame the codec rejected (bad CRC, bad length ...), so that its raw and reject
 * records are keyed and searchable by device. Best effort: the first {@code MN=} at the start of
 * the data segment or after a {@code ;}, if its value looks like a device number.
 */
public final class MnSniffer {
  private MnSniffer() {}

  /** The MN of the frame, or null when none can be read. */
  public static String find(byte[] frame) {
    return find(frame, 0, frame.length);
  }

  /** The MN of the frame in {@code b[off, off + len)}, or null when none can be read. */
  public static String find(byte[] b, int off, int len) {
    int n = off + len;
    for (int i = off; i + 3 < n; i++) {
      boolean fieldStart = i == off + 6 || (i > off && b[i - 1] == ';');
      if (fieldStart && b[i] == 'M' && b[i + 1] == 'N' && b[i + 2] == '=') {
        int from = i + 3;
        int to = from;
        while (to < n && to - from <= 32 && isMnChar(b[to])) {
          to++;
        }
        boolean ends = to == n || b[to] == ';' || b[to] == '&';
        if (to > from && to - from <= 32 && ends) {
          return TextCache.of(b, from, to - from);
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
