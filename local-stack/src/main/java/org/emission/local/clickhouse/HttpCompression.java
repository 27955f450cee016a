package org.emission.local.clickhouse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.InflaterInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.lz4.FramedLZ4CompressorInputStream;
import org.apache.commons.compress.compressors.lz4.FramedLZ4CompressorOutputStream;

/**
 * HTTP content encodings as ClickHouse's HTTP interface uses them (src/IO/CompressionMethod.cpp).
 *
 * <p>The response: with {@code enable_http_compression} (default 1 in ClickHouse 26.x, as chDB
 * reports) the server picks from {@code Accept-Encoding}, by substring and in the order zstd, br,
 * lz4, snappy, gzip, deflate, xz, bz2. This class can write lz4 (LZ4 frame), gzip, deflate (zlib)
 * and bz2 in pure Java; for a client that also accepts zstd, br, snappy or xz it picks the best of
 * the encodings it can write, which is still one the client asked for, and sends the body unencoded
 * when it can write none of them.
 *
 * <p>The request body: {@code Content-Encoding} gzip, deflate, lz4 and bz2 are decoded; ClickHouse
 * also reads br, xz, zstd and snappy, which are refused here with NOT_IMPLEMENTED.
 */
final class HttpCompression {
  /** An encoding this class can write, with its Content-Encoding name. */
  enum Method {
    LZ4("lz4"),
    GZIP("gzip"),
    DEFLATE("deflate"),
    BZIP2("bz2");

    final String contentEncoding;

    Method(String contentEncoding) {
      this.contentEncoding = contentEncoding;
    }
  }

  private HttpCompression() {}

  /** The encoding for a response, or null for none. */
  static Method choose(String acceptEncoding) {
    if (acceptEncoding == null || acceptEncoding.isEmpty()) {
      return null;
    }
    String list = acceptEncoding.toLowerCase(Locale.ROOT);
    if (list.contains("lz4")) {
      return Method.LZ4;
    }
    if (list.contains("gzip")) {
      return Method.GZIP;
    }
    if (list.contains("deflate")) {
      return Method.DEFLATE;
    }
    if (list.contains("bz2")) {
      return Method.BZIP2;
    }
    return null;
  }

  static byte[] compress(Method method, byte[] data, int zlibLevel) {
    int level = Math.max(Deflater.NO_COMPRESSION, Math.min(Deflater.BEST_COMPRESSION, zlibLevel));
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(data.length / 3 + 64);
    Deflater deflater = new Deflater(level);
    try (OutputStream out = wrap(method, buffer, deflater, level)) {
      out.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deflater.end();
    }
    return buffer.toByteArray();
  }

  /** Decodes a request body sent with the given {@code Content-Encoding}. */
  static InputStream decoding(String contentEncoding, InputStream body) throws IOException {
    String method = contentEncoding == null ? "" : contentEncoding.strip().toLowerCase(Locale.ROOT);
    return switch (method) {
      case "", "none", "identity" -> body;
      case "gzip" -> new GZIPInputStream(body);
      case "deflate" -> new InflaterInputStream(body);
      case "lz4" -> new FramedLZ4CompressorInputStream(body, true);
      case "bz2" -> new BZip2CompressorInputStream(body, true);
      case "br", "xz", "zstd", "snappy" ->
          throw new ClickHouseException(
              ClickHouseError.of(
                  ClickHouseError.NOT_IMPLEMENTED,
                  "Code: 48. DB::Exception: The embedded ClickHouse cannot decode Content-Encoding "
                      + method
                      + "; use gzip, deflate, lz4 or bz2. (NOT_IMPLEMENTED)"));
      default ->
          throw new ClickHouseException(
              ClickHouseError.of(
                  ClickHouseError.BAD_ARGUMENTS,
                  "Code: 36. DB::Exception: Unknown compression method '"
                      + contentEncoding
                      + "'. Only 'auto', 'none', 'gzip', 'deflate', 'br', 'xz', 'zstd', 'lz4',"
                      + " 'bz2', 'snappy' are supported as compression methods. (BAD_ARGUMENTS)"));
    };
  }

  private static OutputStream wrap(Method method, OutputStream out, Deflater zlib, int level)
      throws IOException {
    return switch (method) {
      case LZ4 -> new FramedLZ4CompressorOutputStream(out);
      case GZIP -> new LeveledGzipOutputStream(out, level);
      case DEFLATE -> new DeflaterOutputStream(out, zlib);
      case BZIP2 -> new BZip2CompressorOutputStream(out);
    };
  }

  /** gzip at {@code http_zlib_compression_level} rather than the JDK's default level. */
  private static final class LeveledGzipOutputStream extends GZIPOutputStream {
    LeveledGzipOutputStream(OutputStream out, int level) throws IOException {
      super(out);
      def.setLevel(level);
    }
  }
}
