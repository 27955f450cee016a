package org.emission.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The directory outside git where local mode keeps what it downloads (the chDB library) and the
 * data of its embedded services.
 *
 * <p>Resolved from the system property {@code emission.cache.dir}, else the environment variable
 * {@code EMISSION_CACHE}, else {@code ~/.cache/emission}.
 */
public final class LocalCache {
  private LocalCache() {}

  public static Path dir() {
    String configured = System.getProperty("emission.cache.dir");
    if (configured == null || configured.isBlank() || configured.startsWith("${")) {
      configured = System.getenv("EMISSION_CACHE");
    }
    Path dir =
        configured == null || configured.isBlank()
            ? Path.of(System.getProperty("user.home"), ".cache", "emission")
            : Path.of(configured);
    return ensure(dir.toAbsolutePath());
  }

  public static Path subdir(String name) {
    return ensure(dir().resolve(name));
  }

  private static Path ensure(Path dir) {
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create cache directory " + dir, e);
    }
  }
}
