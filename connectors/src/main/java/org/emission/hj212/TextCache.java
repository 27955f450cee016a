package org.emission.hj212;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Shared Strings for the short texts every packet of a logger repeats: its MN, ST, CN, PW and
 * pollutant codes. One String per text means that the maps and state keyed by them downstream hash
 * it once, not once per packet, and compare it by reference first.
 *
 * <p>A direct-mapped cache: a text's slot is chosen by its hash, and a different text in that slot
 * is replaced. Bounded, lock-free, and always right, since a slot is used only when its String
 * equals the bytes; at worst a collision makes a new String, as without a cache.
 */
final class TextCache {
  private static final int SLOTS = 4096;

  /** Texts longer than this are made afresh (MNs have 14 to 24 characters). */
  static final int MAX_LENGTH = 32;

  private static final AtomicReferenceArray<String> CACHE = new AtomicReferenceArray<>(SLOTS);

  private TextCache() {}

  /** The text of {@code b[off, off + len)} read as UTF-8, shared when it is short and ASCII. */
  static String of(byte[] b, int off, int len) {
    if (len > MAX_LENGTH) {
      return new String(b, off, len, StandardCharsets.UTF_8);
    }
    int h = len;
    for (int i = off; i < off + len; i++) {
      byte c = b[i];
      if (c < 0) {
        return new String(b, off, len, StandardCharsets.UTF_8);
      }
      h = 31 * h + c;
    }
    int slot = (h ^ (h >>> 16)) & (SLOTS - 1);
    String cached = CACHE.getPlain(slot);
    if (cached != null && sameAscii(cached, b, off, len)) {
      return cached;
    }
    String made = new String(b, off, len, StandardCharsets.US_ASCII);
    CACHE.setRelease(slot, made);
    return made;
  }

  private static boolean sameAscii(String s, byte[] b, int off, int len) {
    if (s.length() != len) {
      return false;
    }
    for (int i = 0; i < len; i++) {
      if (s.charAt(i) != b[off + i]) {
        return false;
      }
    }
    return true;
  }
}
