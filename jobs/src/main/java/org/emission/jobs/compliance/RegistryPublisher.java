package org.emission.jobs.compliance;

import java.io.Serializable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.emission.clickhouse.ClickHouseSettings;
import org.emission.domain.registry.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the ClickHouse dimension tables in step with the registry in force ({@link
 * RegistryMirror}): each registry the job loads — at start and after every edit of the files — is
 * written on a background thread, so the job never waits for ClickHouse to take it.
 */
final class RegistryPublisher implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(RegistryPublisher.class);

  private final ClickHouseSettings clickHouse;
  private transient ExecutorService background;

  RegistryPublisher(ClickHouseSettings clickHouse) {
    this.clickHouse = clickHouse;
  }

  void publish(Registry registry) {
    if (background == null) {
      background =
          Executors.newSingleThreadExecutor(
              r -> {
                Thread thread = new Thread(r, "registry-to-clickhouse");
                thread.setDaemon(true);
                return thread;
              });
    }
    background.submit(
        () -> {
          try {
            RegistryMirror.write(registry, clickHouse);
            LOG.info(
                "registry written to ClickHouse's dimension tables: {} enterprises, {} outlets,"
                    + " {} limits",
                registry.enterprises().size(),
                registry.outlets().size(),
                registry.limits().size());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } catch (RuntimeException e) {
            LOG.error("registry not written to ClickHouse: {}", e.getMessage(), e);
          }
        });
  }

  void close() {
    if (background != null) {
      background.shutdownNow();
    }
  }
}
