package org.emission.local.clickhouse;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs the chDB shared library (ClickHouse compiled as a library) into the local cache.
 *
 * <p>The library ships in the npm package {@value #PACKAGE}; the version is pinned and the tarball
 * is checked against its SHA-256 before anything is unpacked, so a changed or truncated download is
 * refused rather than loaded into the JVM.
 */
public final class ChdbInstaller {
  private static final Logger LOG = LoggerFactory.getLogger(ChdbInstaller.class);

  public static final String PACKAGE = "@chdb/lib-linux-x64-gnu";
  public static final String VERSION = "26.7.3-stable.1";
  static final String TARBALL = "chdb-lib-linux-x64-gnu-" + VERSION + ".tgz";
  static final String SHA256 = "c0d32b129e988f2b9a9a31c9141aecf5e1e2453f9a079efc4d36ab8e3f92b2ad";
  private static final String LIBRARY_ENTRY = "package/libchdb.so";

  private final Path dir;

  public ChdbInstaller(Path cacheDir) {
    this.dir = cacheDir.resolve("chdb-" + VERSION);
  }

  /** Returns the path of {@code libchdb.so}, downloading and unpacking it first if needed. */
  public synchronized Path install() {
    Path library = dir.resolve("libchdb.so");
    if (Files.isRegularFile(library)) {
      return library;
    }
    try {
      Files.createDirectories(dir);
      Path tarball = dir.resolve(TARBALL);
      if (!Files.isRegularFile(tarball) || !SHA256.equals(sha256(tarball))) {
        download(tarball);
      }
      String actual = sha256(tarball);
      if (!SHA256.equals(actual)) {
        Files.deleteIfExists(tarball);
        throw new IllegalStateException(
            "checksum mismatch for " + TARBALL + ": expected " + SHA256 + ", got " + actual);
      }
      unpack(tarball, library);
      Files.delete(tarball);
      return library;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot install chDB into " + dir, e);
    }
  }

  private void download(Path tarball) throws IOException {
    System.err.printf(
        "Installing ClickHouse engine (chDB %s, ~180 MB download) into %s ...%n", VERSION, dir);
    List<String> command =
        List.of("npm", "pack", PACKAGE + "@" + VERSION, "--silent", "--pack-destination", ".");
    Process process =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    try {
      if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
        throw new IOException("'" + String.join(" ", command) + "' failed: " + output.strip());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IOException("interrupted while downloading chDB", e);
    }
    if (!Files.isRegularFile(tarball)) {
      throw new IOException("npm pack did not produce " + tarball + ": " + output.strip());
    }
    LOG.info("downloaded {}", tarball);
  }

  private static void unpack(Path tarball, Path library) throws IOException {
    Path partial = library.resolveSibling(library.getFileName() + ".partial");
    try (InputStream in = new BufferedInputStream(Files.newInputStream(tarball), 1 << 16);
        TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(in, 1 << 16))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        if (entry.getName().equals(LIBRARY_ENTRY)) {
          Files.copy(tar, partial, StandardCopyOption.REPLACE_EXISTING);
          Files.move(partial, library, StandardCopyOption.ATOMIC_MOVE);
          return;
        }
      }
    }
    throw new IOException(tarball + " holds no " + LIBRARY_ENTRY);
  }

  static String sha256(Path file) throws IOException {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
        in.transferTo(java.io.OutputStream.nullOutputStream());
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
