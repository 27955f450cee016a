package org.emission.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Cuts a TCP byte stream from the gateway into HJ 212 frames (HJ 212-2017 Table 2): skips to {@code
 * ##}, reads the 4-digit length, then the data segment, CRC and CR LF. Returns null at the end of
 * the stream.
 */
final class FrameReader {

  private final InputStream in;

  FrameReader(InputStream in) {
    this.in = in;
  }

  byte[] next() throws IOException {
    int prev = -1;
    while (true) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      if (prev == '#' && b == '#') {
        break;
      }
      prev = b;
    }
    byte[] digits = in.readNBytes(4);
    if (digits.length < 4) {
      return null;
    }
    int length = 0;
    for (byte d : digits) {
      if (d < '0' || d > '9') {
        return next();
      }
      length = length * 10 + (d - '0');
    }
    byte[] rest = in.readNBytes(length + 6);
    if (rest.length < length + 6) {
      return null;
    }
    ByteArrayOutputStream frame = new ByteArrayOutputStream(length + 12);
    frame.write('#');
    frame.write('#');
    frame.write(digits);
    frame.write(rest);
    return frame.toByteArray();
  }
}
