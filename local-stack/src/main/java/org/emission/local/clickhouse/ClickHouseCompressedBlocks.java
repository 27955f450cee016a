package org.emission.local.clickhouse;

import com.clickhouse.data.ClickHouseCityHash;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4FastDecompressor;

/**
 * ClickHouse's own compressed-block framing, used on the HTTP interface with {@code compress=1}
 * (response) and {@code decompress=1} (request body).
 *
 * <p>Each block: a 16-byte CityHash128 (ClickHouse's CityHash v1.0.2) of the rest of the block, one
 * method byte ({@code 0x82} LZ4, {@code 0x02} none), the compressed size including this 9-byte
 * header and the uncompressed size (both UInt32 little-endian), then the payload.
 */
final class ClickHouseCompressedBlocks {
  private static final int CHECKSUM_SIZE = 16;
  private static final int HEADER_SIZE = 9;
  private static final byte METHOD_NONE = 0x02;
  private static final byte METHOD_LZ4 = (byte) 0x82;

  /** ClickHouse's default max_compress_block_size (1 MiB). */
  private static final int BLOCK_SIZE = 1 << 20;

  private static final LZ4Factory LZ4 = LZ4Factory.fastestInstance();

  private ClickHouseCompressedBlocks() {}

  static byte[] compress(byte[] data) {
    LZ4Compressor compressor = LZ4.fastCompressor();
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2 + 64);
    for (int offset = 0; offset < data.length || (offset == 0 && data.length == 0); ) {
      int length = Math.min(BLOCK_SIZE, data.length - offset);
      byte[] block = new byte[HEADER_SIZE + compressor.maxCompressedLength(length)];
      int compressed = compressor.compress(data, offset, length, block, HEADER_SIZE);
      ByteBuffer header = ByteBuffer.wrap(block).order(ByteOrder.LITTLE_ENDIAN);
      header.put(0, METHOD_LZ4);
      header.putInt(1, HEADER_SIZE + compressed);
      header.putInt(5, length);
      writeChecksummed(out, block, HEADER_SIZE + compressed);
      offset += length;
      if (data.length == 0) {
        break;
      }
    }
    return out.toByteArray();
  }

  /** Decodes a whole request body; throws {@link ClickHouseException} on a damaged block. */
  static byte[] decompress(byte[] framed) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(framed.length * 3);
    ByteBuffer in = ByteBuffer.wrap(framed).order(ByteOrder.LITTLE_ENDIAN);
    LZ4FastDecompressor decompressor = LZ4.fastDecompressor();
    while (in.remaining() > 0) {
      if (in.remaining() < CHECKSUM_SIZE + HEADER_SIZE) {
        throw cannotDecompress("truncated block header");
      }
      int start = in.position();
      long expectedLow = in.getLong(start);
      long expectedHigh = in.getLong(start + 8);
      int blockStart = start + CHECKSUM_SIZE;
      byte method = in.get(blockStart);
      int compressedSize = in.getInt(blockStart + 1);
      int size = in.getInt(blockStart + 5);
      if (compressedSize < HEADER_SIZE || blockStart + compressedSize > framed.length || size < 0) {
        throw cannotDecompress("block sizes out of range");
      }
      long[] actual = ClickHouseCityHash.cityHash128(framed, blockStart, compressedSize);
      if (actual[0] != expectedLow || actual[1] != expectedHigh) {
        throw new ClickHouseException(
            ClickHouseError.of(
                ClickHouseError.CHECKSUM_DOESNT_MATCH,
                "Code: 40. DB::Exception: Checksum doesn't match: corrupted data."
                    + " (CHECKSUM_DOESNT_MATCH)"));
      }
      byte[] block = new byte[size];
      if (method == METHOD_LZ4) {
        try {
          decompressor.decompress(framed, blockStart + HEADER_SIZE, block, 0, size);
        } catch (LZ4Exception e) {
          throw cannotDecompress("damaged LZ4 block");
        }
      } else if (method == METHOD_NONE) {
        System.arraycopy(framed, blockStart + HEADER_SIZE, block, 0, size);
      } else {
        throw new ClickHouseException(
            ClickHouseError.of(
                ClickHouseError.UNKNOWN_COMPRESSION_METHOD,
                String.format(
                    "Code: 89. DB::Exception: Unknown compression method: 0x%02x."
                        + " (UNKNOWN_COMPRESSION_METHOD)",
                    method)));
      }
      out.writeBytes(block);
      in.position(blockStart + compressedSize);
    }
    return out.toByteArray();
  }

  private static void writeChecksummed(ByteArrayOutputStream out, byte[] block, int length) {
    long[] hash = ClickHouseCityHash.cityHash128(block, 0, length);
    ByteBuffer checksum = ByteBuffer.allocate(CHECKSUM_SIZE).order(ByteOrder.LITTLE_ENDIAN);
    checksum.putLong(hash[0]).putLong(hash[1]);
    out.writeBytes(checksum.array());
    out.write(block, 0, length);
  }

  private static ClickHouseException cannotDecompress(String why) {
    return new ClickHouseException(
        ClickHouseError.of(
            ClickHouseError.CANNOT_DECOMPRESS,
            "Code: 271. DB::Exception: Cannot decompress: " + why + ". (CANNOT_DECOMPRESS)"));
  }
}
