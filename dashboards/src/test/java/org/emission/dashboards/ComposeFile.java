package org.emission.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** docker-compose.yml read as compose reads it, in both the short and the long syntax. */
final class ComposeFile {
  static final String FILE = "docker-compose.yml";

  private final JsonNode root;
  private final String text;

  private ComposeFile(JsonNode root, String text) {
    this.root = root;
    this.text = text;
  }

  static ComposeFile load() {
    Path file = RepoRoot.resolve(FILE);
    try {
      return new ComposeFile(Yaml.read(file), Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A published port: host address, host port, container port. */
  record Port(String hostIp, int hostPort, int containerPort) {}

  /** A mount: a bind of a host path, or a named volume. */
  record Mount(boolean bind, String source, String target) {}

  String text() {
    return text;
  }

  Map<String, JsonNode> services() {
    Map<String, JsonNode> services = new LinkedHashMap<>();
    root.path("services").fields().forEachRemaining(e -> services.put(e.getKey(), e.getValue()));
    return services;
  }

  JsonNode service(String name) {
    JsonNode service = root.path("services").path(name);
    if (service.isMissingNode()) {
      throw new AssertionError("no service " + name + " in " + FILE);
    }
    return service;
  }

  List<String> namedVolumes() {
    List<String> names = new ArrayList<>();
    root.path("volumes").fieldNames().forEachRemaining(names::add);
    return names;
  }

  static boolean oneShot(JsonNode service) {
    return service.path("restart").asText("no").equals("no");
  }

  static List<Port> ports(JsonNode service) {
    List<Port> ports = new ArrayList<>();
    for (JsonNode port : service.path("ports")) {
      if (port.isObject()) {
        ports.add(
            new Port(
                port.path("host_ip").asText(""),
                port.path("published").asInt(),
                port.path("target").asInt()));
        continue;
      }
      String[] parts = port.asText().split("/")[0].split(":");
      switch (parts.length) {
        case 3 ->
            ports.add(new Port(parts[0], Integer.parseInt(parts[1]), Integer.parseInt(parts[2])));
        case 2 -> ports.add(new Port("", Integer.parseInt(parts[0]), Integer.parseInt(parts[1])));
        default -> ports.add(new Port("", 0, Integer.parseInt(parts[0])));
      }
    }
    return ports;
  }

  static List<Mount> mounts(JsonNode service) {
    List<Mount> mounts = new ArrayList<>();
    for (JsonNode volume : service.path("volumes")) {
      if (volume.isObject()) {
        mounts.add(
            new Mount(
                volume.path("type").asText().equals("bind"),
                volume.path("source").asText(),
                volume.path("target").asText()));
        continue;
      }
      String[] parts = volume.asText().split(":");
      boolean bind = parts[0].startsWith(".") || parts[0].startsWith("/");
      mounts.add(new Mount(bind, parts[0], parts[1]));
    }
    return mounts;
  }

  /** depends_on as service name to condition (the list form means service_started). */
  static Map<String, String> dependsOn(JsonNode service) {
    Map<String, String> dependencies = new LinkedHashMap<>();
    JsonNode dependsOn = service.path("depends_on");
    if (dependsOn.isArray()) {
      dependsOn.forEach(d -> dependencies.put(d.asText(), "service_started"));
    } else {
      dependsOn
          .fields()
          .forEachRemaining(
              e ->
                  dependencies.put(
                      e.getKey(), e.getValue().path("condition").asText("service_started")));
    }
    return dependencies;
  }

  /** A command or entrypoint as its list of words (the string form split at spaces). */
  static List<String> words(JsonNode commandOrEntrypoint) {
    List<String> words = new ArrayList<>();
    if (commandOrEntrypoint.isArray()) {
      commandOrEntrypoint.forEach(w -> words.add(w.asText()));
    } else if (commandOrEntrypoint.isTextual()) {
      words.addAll(List.of(commandOrEntrypoint.asText().trim().split("\\s+")));
    }
    return words;
  }

  /** The value after an option in a list of words, e.g. {@code --kafka kafka:9092}. */
  static Optional<String> option(List<String> words, String name) {
    int at = words.indexOf(name);
    return at < 0 || at + 1 >= words.size() ? Optional.empty() : Optional.of(words.get(at + 1));
  }

  static Map<String, String> environment(JsonNode service) {
    Map<String, String> environment = new LinkedHashMap<>();
    JsonNode env = service.path("environment");
    if (env.isArray()) {
      for (JsonNode entry : env) {
        String[] parts = entry.asText().split("=", 2);
        environment.put(parts[0], parts.length > 1 ? parts[1] : "");
      }
    } else {
      env.fields().forEachRemaining(e -> environment.put(e.getKey(), e.getValue().asText()));
    }
    return environment;
  }
}
