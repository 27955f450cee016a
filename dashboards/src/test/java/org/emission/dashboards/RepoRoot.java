package org.emission.dashboards;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The repository's root directory: the parent of the dashboards module, found from the working dir.
 */
final class RepoRoot {
  private RepoRoot() {}

  static Path path() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("pom.xml"))
          && Files.isRegularFile(dir.resolve("dashboards/pom.xml"))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "no repository root (a directory with pom.xml and dashboards/pom.xml) above "
            + Path.of("").toAbsolutePath());
  }

  static Path resolve(String relative) {
    return path().resolve(relative);
  }
}
