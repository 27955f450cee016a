package org.emission.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * deploy/app/Dockerfile, the project's images: pinned base images, the stages compose builds, and
 * every file it copies present in the build context and let through its .dockerignore allowlist,
 * with jar names that match the poms.
 */
class DockerfileTest {
  private static final Path ROOT = RepoRoot.path();
  private static final Path DOCKERFILE = ROOT.resolve("deploy/app/Dockerfile");
  private static final Pattern FROM =
      Pattern.compile("(?im)^FROM\\s+(\\S+)(?:\\s+AS\\s+(\\S+))?\\s*$");
  private static final Pattern COPY = Pattern.compile("(?im)^COPY\\s+(.+)$");

  @Test
  void baseImagesArePinnedAndComposeTargetsExist() throws IOException {
    Set<String> stages = new TreeSet<>();
    Matcher from = FROM.matcher(Files.readString(DOCKERFILE));
    while (from.find()) {
      String image = from.group(1);
      assertThat(image).as("base image").matches("[^:@]+(:[^:@]+)?(@sha256:[0-9a-f]{64})?");
      assertThat(image)
          .as("base image %s has a tag", image)
          .contains(":")
          .doesNotEndWith(":latest");
      if (from.group(2) != null) {
        stages.add(from.group(2));
      }
    }
    ComposeFile compose = ComposeFile.load();
    compose
        .services()
        .values()
        .forEach(
            service -> {
              if (!service.path("build").isMissingNode()) {
                assertThat(stages).contains(service.path("build").path("target").asText());
              }
            });
  }

  @Test
  void everyCopiedSourceIsInTheBuildContextAndAllowedByTheIgnoreFile() throws IOException {
    List<String> allowed = new ArrayList<>();
    for (String line : Files.readAllLines(ROOT.resolve("deploy/app/Dockerfile.dockerignore"))) {
      if (line.startsWith("!")) {
        allowed.add(line.substring(1).trim());
      }
    }
    Matcher copy = COPY.matcher(Files.readString(DOCKERFILE));
    List<String> sources = new ArrayList<>();
    while (copy.find()) {
      List<String> words = new ArrayList<>(List.of(copy.group(1).trim().split("\\s+")));
      if (words.stream().anyMatch(w -> w.startsWith("--from="))) {
        continue;
      }
      words.removeIf(w -> w.startsWith("--"));
      sources.addAll(words.subList(0, words.size() - 1));
    }
    assertThat(sources).isNotEmpty();
    for (String source : sources) {
      assertThat(ROOT.resolve(source)).as("COPY source %s", source).exists();
      assertThat(allowed)
          .as("%s is let through Dockerfile.dockerignore", source)
          .anyMatch(
              a -> source.equals(a) || source.startsWith(a + "/") || a.startsWith(source + "/"));
    }
  }

  @Test
  void builtJarNamesMatchThePoms() throws IOException {
    String dockerfile = Files.readString(DOCKERFILE);
    String version = version(Files.readString(ROOT.resolve("pom.xml")));
    assertThat(dockerfile)
        .contains("launcher/target/launcher-" + version + ".jar")
        .contains("connectors/target/connectors-" + version + ".jar")
        .contains("jobs/target/jobs-" + version + "-job.jar");
    assertThat(Files.readString(ROOT.resolve("jobs/pom.xml")))
        .contains("<shadedClassifierName>job</shadedClassifierName>");
  }

  @Test
  void scriptsRunMainClassesThatExist() throws IOException {
    assertThat(Files.readString(ROOT.resolve("deploy/app/bin/emission")))
        .contains("org.emission.launcher.EmissionCli");
    assertThat(ROOT.resolve("launcher/src/main/java/org/emission/launcher/EmissionCli.java"))
        .isRegularFile();
    assertThat(Files.readString(ROOT.resolve("deploy/app/bin/emission-migrate")))
        .contains("org.emission.deploy.ApplyMigrations");
    assertThat(ROOT.resolve("deploy/app/migrate/org/emission/deploy/ApplyMigrations.java"))
        .isRegularFile();
  }

  private static String version(String parentPom) {
    Matcher version =
        Pattern.compile("<artifactId>emission-parent</artifactId>\\s*<version>([^<]+)</version>")
            .matcher(parentPom);
    assertThat(version.find()).as("the parent pom's version").isTrue();
    return version.group(1);
  }
}
