package org.emission.notify;

import java.nio.charset.StandardCharsets;

/** Byte limits of UTF-8 text, as the robots state their content limits in bytes. */
final class Utf8 {
  private Utf8() {}

  /** {@code text}, cut at a character boundary with "…" so that it fits {@code maxBytes}. */
  static String truncate(String text, int maxBytes) {
    if (text.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
      return text;
    }
    int budget = maxBytes - "…".getBytes(StandardCharsets.UTF_8).length;
    StringBuilder out = new StringBuilder();
    int used = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int bytes = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (used + bytes > budget) {
        break;
      }
      out.appendCodePoint(cp);
      used += bytes;
      i += Character.charCount(cp);
    }
    return out.append('…').toString();
  }
}
