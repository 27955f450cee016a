package org.emission.hj212;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;

/**
 * The CN and DataTime of a frame, read without decoding it, for a reader that only needs to know
 * whether a packet could move its clock (the replay's readers of other subtasks' lines).
 *
 * <p>Conservative: answers only for the plain layout — {@code ##dddd}, header fields separated by
 * {@code ;} with one {@code CN=dddd}, then {@code CP=&&DataTime=} and a valid time — and then with
 * the CN and DataTime the decoder reads, should it accept the frame (it rejects a header field sent
 * twice and takes the first DataTime of the CP area). Anything else gives null: decode it.
 */
public final class SampleSniffer {
  private static final byte[] CP_DATA_TIME = "CP=&&DataTime=".getBytes(StandardCharsets.US_ASCII);

  private SampleSniffer() {}

  /** The CN and DataTime (China Standard Time) a frame was sent with. */
  public record Sniffed(String cn, LocalDateTime dataTime) {}

  /** What {@code b[off, off + len)} says of its CN and DataTime, or null when it is not plain. */
  public static Sniffed find(byte[] b, int off, int len) {
    int end = off + len;
    if (len < 6 || b[off] != '#' || b[off + 1] != '#') {
      return null;
    }
    String cn = null;
    int field = off + 6;
    while (field < end) {
      if (startsWith(b, field, end, CP_DATA_TIME)) {
        return cn == null ? null : dataTime(b, field + CP_DATA_TIME.length, end, cn);
      }
      if (field + 7 <= end
          && b[field] == 'C'
          && b[field + 1] == 'N'
          && b[field + 2] == '='
          && (field + 7 == end || b[field + 7] == ';')) {
        if (cn != null) {
          return null;
        }
        cn = TextCache.of(b, field + 3, 4);
      }
      while (field < end && b[field] != ';') {
        if (b[field] == '&') {
          return null;
        }
        field++;
      }
      field++;
    }
    return null;
  }

  private static Sniffed dataTime(byte[] b, int from, int end, String cn) {
    int to = from;
    while (to < end && b[to] >= '0' && b[to] <= '9') {
      to++;
    }
    if (to == end || (b[to] != ';' && b[to] != ',' && b[to] != '&')) {
      return null;
    }
    for (int i = 0; i < 4; i++) {
      if (cn.charAt(i) < '0' || cn.charAt(i) > '9') {
        return null;
      }
    }
    return Hj212Times.isValid(b, from, to - from)
        ? new Sniffed(cn, Hj212Times.parse(b, from, to - from))
        : null;
  }

  private static boolean startsWith(byte[] b, int at, int end, byte[] prefix) {
    if (end - at < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (b[at + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
