package org.emission.hj212;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TextCacheTest {

  private static String of(String text) {
    byte[] framed = ("ST=" + text + ";").getBytes(StandardCharsets.UTF_8);
    return TextCache.of(framed, 3, framed.length - 4);
  }

  @Test
  void theSameTextGivesTheSameString() {
    String first = of("a21026");
    assertThat(first).isEqualTo("a21026");
    assertThat(of("a21026")).isSameAs(first);
    assertThat(of("a21002")).isEqualTo("a21002").isNotSameAs(first);
  }

  @Test
  void everyTextComesBackEqualWhateverCollides() {
    // far more texts than slots: every answer must still be the text asked for
    Set<String> distinct = new HashSet<>();
    for (int i = 0; i < 20_000; i++) {
      String text = "88150300" + i;
      assertThat(of(text)).isEqualTo(text);
      distinct.add(of(text));
    }
    assertThat(distinct).hasSize(20_000);
  }

  @Test
  void nonAsciiAndLongTextsAreReadAsUtf8() {
    assertThat(of("数采仪")).isEqualTo("数采仪");
    String longText = "x".repeat(TextCache.MAX_LENGTH + 1);
    assertThat(of(longText)).isEqualTo(longText);
    assertThat(of("")).isEmpty();
  }
}
