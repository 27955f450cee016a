package org.emission.jobs.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacketFileSourceTest {

  /** The lines as the reader gives them, read through an input that gives few bytes at a time. */
  private static List<String> lines(byte[] bytes, int chunk) throws IOException {
    InputStream trickle =
        new ByteArrayInputStream(bytes) {
          @Override
          public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, chunk));
          }
        };
    List<String> out = new ArrayList<>();
    try (PacketFileSource.Lines lines = new PacketFileSource.Lines(trickle)) {
      while (lines.next()) {
        out.add(new String(lines.buffer(), lines.start(), lines.length(), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  @Test
  void endsLinesAtLfCrOrCrLfAsBufferedReaderCountsThem() throws IOException {
    byte[] text = "##a\r\n##b\n\n##c\r##d\r\n\r\n##e".getBytes(StandardCharsets.UTF_8);
    List<String> expected = List.of("##a", "##b", "", "##c", "##d", "", "##e");
    for (int chunk : new int[] {1, 2, 3, 1 << 16}) {
      assertThat(lines(text, chunk)).as("read %d bytes at a time", chunk).isEqualTo(expected);
    }
    assertThat(new String(text, StandardCharsets.UTF_8).lines().toList()).isEqualTo(expected);
  }

  @Test
  void aLastLineWithoutTerminatorAndAnEmptyFile() throws IOException {
    assertThat(lines("##a\n##b".getBytes(StandardCharsets.UTF_8), 1)).containsExactly("##a", "##b");
    assertThat(lines("##a\r".getBytes(StandardCharsets.UTF_8), 1)).containsExactly("##a");
    assertThat(lines(new byte[0], 1)).isEmpty();
  }

  @Test
  void keepsTheBytesAsReadAndLinesLongerThanTheBuffer() throws IOException {
    String chinese = "CP=&&PolId=w01018;Info=数采仪&&";
    String longLine = "#".repeat(200_000);
    byte[] text = (chinese + "\n" + longLine + "\nnext").getBytes(StandardCharsets.UTF_8);
    assertThat(lines(text, 4096)).containsExactly(chinese, longLine, "next");
  }

  @Test
  void cutsALineLongerThanAnyFrameAndGoesOnAfterIt() throws IOException {
    int max = PacketFileSource.MAX_LINE_BYTES;
    byte[] text =
        ("x".repeat(max) + "yyyy" + "z".repeat(3 * max) + "\nnext\n")
            .getBytes(StandardCharsets.UTF_8);
    List<String> read = lines(text, 1 << 16);
    assertThat(read).hasSize(2);
    assertThat(read.get(0)).isEqualTo("x".repeat(max));
    assertThat(read.get(1)).isEqualTo("next");
  }
}
