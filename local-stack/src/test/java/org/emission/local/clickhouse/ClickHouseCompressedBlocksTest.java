package org.emission.local.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * ClickHouse's compressed-block framing against the clickhouse-java driver's own public streams
 * (ClickHouseLZ4OutputStream / ClickHouseLZ4InputStream), which check CityHash128 per block.
 */
class ClickHouseCompressedBlocksTest {

  private static byte[] sample(int size) {
    byte[] data = new byte[size];
    Random random = new Random(size);
    for (int i = 0; i < size; i++) {
      data[i] = (byte) (random.nextInt(16) + 'a');
    }
    return data;
  }

  @Test
  void ourBlocksDecodeWithTheDriversStream() throws IOException {
    for (int size : new int[] {1, 1000, (1 << 20) + 12345}) {
      byte[] data = sample(size);
      assertThat(
              ClickHouseHttpProtocolTest.driverDecompress(
                  ClickHouseCompressedBlocks.compress(data)))
          .isEqualTo(data);
    }
  }

  @Test
  void theDriversBlocksDecodeHere() throws IOException {
    byte[] data = sample(300_000);
    assertThat(
            ClickHouseCompressedBlocks.decompress(ClickHouseHttpProtocolTest.driverCompress(data)))
        .isEqualTo(data);
  }

  @Test
  void aDamagedBlockFailsItsChecksum() throws IOException {
    byte[] framed = ClickHouseHttpProtocolTest.driverCompress(sample(5000));
    framed[framed.length - 1] ^= 0x55;
    assertThatThrownBy(() -> ClickHouseCompressedBlocks.decompress(framed))
        .isInstanceOf(ClickHouseException.class)
        .satisfies(e -> assertThat(((ClickHouseException) e).error().code()).isEqualTo(40));
  }
}
