package org.emission.jobs.compliance;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.emission.domain.registry.Registry;
import org.emission.domain.registry.RegistryException;
import org.emission.domain.registry.RegistryLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry of a running job, reloaded when a file of its directory changes, so that a bureau's
 * edit of {@code limits.csv} takes effect without restarting the job. A reload that fails
 * validation keeps the registry in force and logs every error.
 */
final class RegistryHolder implements Serializable {
  private static final Logger LOG = LoggerFactory.getLogger(RegistryHolder.class);
  private static final long CHECK_EVERY_MILLIS = 30_000;

  private final String dir;
  private transient Registry registry;
  private transient long stamp;
  private transient long lastCheck;

  RegistryHolder(Path dir) {
    this.dir = dir.toAbsolutePath().toString();
  }

  /** Loads the registry; a bad registry at start is an error that stops the job. */
  Registry load() {
    stamp = stamp();
    try {
      registry = RegistryLoader.load(Path.of(dir));
    } catch (RegistryException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
    lastCheck = System.currentTimeMillis();
    return registry;
  }

  /** The registry in force, reloaded first if its files changed since the last check. */
  Registry current() {
    if (registry == null) {
      return load();
    }
    long now = System.currentTimeMillis();
    if (now - lastCheck >= CHECK_EVERY_MILLIS) {
      lastCheck = now;
      long changed = stamp();
      if (changed != stamp) {
        try {
          registry = RegistryLoader.load(Path.of(dir));
          stamp = changed;
          LOG.info("registry reloaded from {}", dir);
        } catch (RegistryException e) {
          stamp = changed;
          LOG.error(
              "registry in {} not reloaded, the previous one stays in force: {}",
              dir,
              e.getMessage());
        }
      }
    }
    return registry;
  }

  private long stamp() {
    try (Stream<Path> files = Files.list(Path.of(dir))) {
      return files
          .filter(f -> f.toString().endsWith(".csv"))
          .mapToLong(
              f -> {
                try {
                  return Files.getLastModifiedTime(f).toMillis() * 31 + Files.size(f);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              })
          .sum();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read registry directory " + dir, e);
    }
  }
}
