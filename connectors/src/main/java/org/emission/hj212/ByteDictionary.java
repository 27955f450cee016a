package org.emission.hj212;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A tiny read-only map from ASCII words to small int values, looked up straight from a byte range
 * so that the decoder classifies field names without building Strings. Open addressing on the hash
 * {@code h = 31 * h + byte}, which the scanner computes while it reads a name.
 */
final class ByteDictionary {

  static final int ABSENT = -1;

  private final byte[][] keys;
  private final int[] hashes;
  private final int[] values;
  private final int shift;

  ByteDictionary(Map<String, Integer> entries) {
    int bits = 4;
    while ((1 << bits) < entries.size() * 4) {
      bits++;
    }
    keys = new byte[1 << bits][];
    hashes = new int[1 << bits];
    values = new int[1 << bits];
    shift = 32 - bits;
    entries.forEach(this::add);
  }

  /** The hash of {@code b[off, off + len)} the dictionary and the scanner use. */
  static int hash(byte[] b, int off, int len) {
    int h = 0;
    for (int i = off; i < off + len; i++) {
      h = 31 * h + (b[i] & 0xFF);
    }
    return h;
  }

  private void add(String word, int value) {
    byte[] bytes = word.getBytes(StandardCharsets.US_ASCII);
    int h = hash(bytes, 0, bytes.length);
    int slot = slot(h);
    while (keys[slot] != null) {
      slot = (slot + 1) & (keys.length - 1);
    }
    keys[slot] = bytes;
    hashes[slot] = h;
    values[slot] = value;
  }

  private int slot(int h) {
    return (h * 0x9E3779B9) >>> shift;
  }

  /** The value of the word in {@code b[off, off + len)} whose {@link #hash} is {@code h}. */
  int get(byte[] b, int off, int len, int h) {
    int mask = keys.length - 1;
    for (int slot = slot(h); ; slot = (slot + 1) & mask) {
      byte[] key = keys[slot];
      if (key == null) {
        return ABSENT;
      }
      if (hashes[slot] == h && key.length == len && equal(key, b, off)) {
        return values[slot];
      }
    }
  }

  /** The value of the word in {@code b[off, off + len)}, or {@link #ABSENT}. */
  int get(byte[] b, int off, int len) {
    return get(b, off, len, hash(b, off, len));
  }

  /** The value of a String word, or {@link #ABSENT}. */
  int get(String word) {
    byte[] bytes = word.getBytes(StandardCharsets.UTF_8);
    return get(bytes, 0, bytes.length);
  }

  private static boolean equal(byte[] key, byte[] b, int off) {
    for (int i = 0; i < key.length; i++) {
      if (key[i] != b[off + i]) {
        return false;
      }
    }
    return true;
  }
}
