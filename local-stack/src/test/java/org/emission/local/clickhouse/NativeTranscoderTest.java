package org.emission.local.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The revision-0 to revision-N rewrite on hand-made blocks, byte by byte. */
class NativeTranscoderTest {

  /** One block of revision 0: columns {@code u UInt8} = 7 and {@code s String} = "ab". */
  private static byte[] simpleBlock() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {2, 1});
    NativeTranscoder.writeString(out, "u");
    NativeTranscoder.writeString(out, "UInt8");
    out.write(7);
    NativeTranscoder.writeString(out, "s");
    NativeTranscoder.writeString(out, "String");
    NativeTranscoder.writeString(out, "ab");
    return out.toByteArray();
  }

  @Test
  void revision54460AddsBlockInfoAndTheCustomSerializationByte() {
    byte[] out = new NativeTranscoder(54460, null).transcode(simpleBlock());
    assertThat(out)
        .containsExactly(
            1, 0, 2, -1, -1, -1, -1, 0, 2, 1, 1, 'u', 5, 'U', 'I', 'n', 't', '8', 0, 7, 1, 's', 6,
            'S', 't', 'r', 'i', 'n', 'g', 0, 2, 'a', 'b');
  }

  @Test
  void olderRevisionsHaveNoCustomSerializationByteAndNewerOnesListOutOfOrderBuckets() {
    byte[] old = new NativeTranscoder(54405, null).transcode(simpleBlock());
    assertThat(old).startsWith(1, 0, 2, -1, -1, -1, -1, 0, 2, 1, 1, 'u', 5);
    assertThat(old).hasSize(8 + simpleBlock().length);
    byte[] newer = new NativeTranscoder(54480, null).transcode(simpleBlock());
    assertThat(newer).startsWith(1, 0, 2, -1, -1, -1, -1, 3, 0, 0, 2, 1);
  }

  @Test
  void topLevelDateTimeGetsItsTimeZoneBackFromTheResolverOnce() {
    ByteArrayOutputStream in = new ByteArrayOutputStream();
    for (int block = 0; block < 2; block++) {
      in.writeBytes(new byte[] {1, 1});
      NativeTranscoder.writeString(in, "t");
      NativeTranscoder.writeString(in, "DateTime");
      in.writeBytes(new byte[] {1, 2, 3, 4});
    }
    AtomicInteger asked = new AtomicInteger();
    byte[] out =
        new NativeTranscoder(
                54460,
                () -> {
                  asked.incrementAndGet();
                  return List.of("DateTime('Asia/Shanghai')");
                })
            .transcode(in.toByteArray());
    assertThat(asked).hasValue(1);
    String text = new String(out, java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThat(text.split("DateTime\\('Asia/Shanghai'\\)", -1)).hasSize(3);
    byte[] legacy =
        new NativeTranscoder(54336, () -> List.of("DateTime('UTC')")).transcode(in.toByteArray());
    assertThat(new String(legacy, java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain("UTC");
  }

  @Test
  void lowCardinalityIsSkippedByItsGranules() {
    ByteArrayOutputStream in = new ByteArrayOutputStream();
    in.writeBytes(new byte[] {2, 3});
    NativeTranscoder.writeString(in, "lc");
    NativeTranscoder.writeString(in, "LowCardinality(Nullable(String))");
    in.writeBytes(new byte[] {1, 0, 0, 0, 0, 0, 0, 0});
    in.writeBytes(new byte[] {0, 6, 0, 0, 0, 0, 0, 0});
    in.writeBytes(new byte[] {3, 0, 0, 0, 0, 0, 0, 0});
    in.writeBytes(new byte[] {0, 0, 1, 'x'});
    in.writeBytes(new byte[] {3, 0, 0, 0, 0, 0, 0, 0});
    in.writeBytes(new byte[] {0, 2, 1});
    NativeTranscoder.writeString(in, "n");
    NativeTranscoder.writeString(in, "UInt8");
    in.writeBytes(new byte[] {9, 8, 7});
    byte[] out = new NativeTranscoder(54460, null).transcode(in.toByteArray());
    assertThat(out).endsWith(1, 'n', 5, 'U', 'I', 'n', 't', '8', 0, 9, 8, 7);
    assertThatThrownBy(() -> new NativeTranscoder(54400, null).transcode(in.toByteArray()))
        .isInstanceOf(ClickHouseException.class)
        .satisfies(e -> assertThat(((ClickHouseException) e).error().code()).isEqualTo(48));
  }

  @Test
  void unsupportedTypesAndLayoutsAreNotImplemented() {
    ByteArrayOutputStream in = new ByteArrayOutputStream();
    in.writeBytes(new byte[] {1, 1});
    NativeTranscoder.writeString(in, "d");
    NativeTranscoder.writeString(in, "Dynamic");
    in.write(0);
    assertThatThrownBy(() -> new NativeTranscoder(54460, null).transcode(in.toByteArray()))
        .isInstanceOf(ClickHouseException.class)
        .hasMessageContaining("Dynamic")
        .hasMessageContaining("NOT_IMPLEMENTED");
    assertThatThrownBy(() -> new NativeTranscoder(54492, null).transcode(simpleBlock()))
        .isInstanceOf(ClickHouseException.class)
        .hasMessageContaining("String");
  }

  @Test
  void typeNamesAreSplitLikeClickHouseWritesThem() {
    assertThat(NativeType.splitArguments("a UInt8, `b, c` Tuple(x String, y Enum8('a,b' = 1))"))
        .containsExactly("a UInt8", "`b, c` Tuple(x String, y Enum8('a,b' = 1))");
    assertThat(NativeType.stripElementName("`b, c` Nullable(String)"))
        .isEqualTo("Nullable(String)");
    assertThat(NativeType.stripElementName("LowCardinality(String)"))
        .isEqualTo("LowCardinality(String)");
    assertThat(NativeType.parse("Map(LowCardinality(String), Array(Decimal(38, 2)))").kind())
        .isEqualTo(NativeType.Kind.ARRAY);
  }
}
