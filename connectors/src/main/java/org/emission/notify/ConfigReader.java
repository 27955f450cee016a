package org.emission.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads values out of a JSON configuration by path, collecting a problem for every bad value
 * instead of stopping at the first: {@code targets[1] (ordos-dingtalk).retry.max_attempts: must be
 * at least 1, got 0}. Fields starting with {@code _} are comments and ignored.
 */
final class ConfigReader {
  private final List<String> problems = new ArrayList<>();

  void problem(String path, String message) {
    problems.add(path + ": " + message);
  }

  List<String> problems() {
    return problems;
  }

  static String at(String path, String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  /** The object at {@code path}, or null (with a problem when it is present but not an object). */
  ObjectNode object(JsonNode node, String path) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      problem(path, "must be a JSON object, got " + node);
      return null;
    }
    return (ObjectNode) node;
  }

  void onlyFields(ObjectNode object, String path, Collection<String> known) {
    Iterator<String> names = object.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!known.contains(name) && !name.startsWith("_")) {
        problem(at(path, name), "unknown field; known: " + String.join(", ", known));
      }
    }
  }

  /** A string field, or null when absent. */
  String text(ObjectNode object, String path, String field) {
    JsonNode node = object.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual() || node.asText().isBlank()) {
      problem(at(path, field), "must be a non-empty string, got " + node);
      return null;
    }
    return node.asText().trim();
  }

  int integer(ObjectNode object, String path, String field, int fallback, int min) {
    JsonNode node = object.get(field);
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      problem(at(path, field), "must be a whole number, got " + node);
      return fallback;
    }
    if (node.asInt() < min) {
      problem(at(path, field), "must be at least " + min + ", got " + node);
      return fallback;
    }
    return node.asInt();
  }

  double decimal(ObjectNode object, String path, String field, double fallback, double min) {
    JsonNode node = object.get(field);
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (!node.isNumber()) {
      problem(at(path, field), "must be a number, got " + node);
      return fallback;
    }
    if (node.asDouble() < min) {
      problem(at(path, field), "must be at least " + min + ", got " + node);
      return fallback;
    }
    return node.asDouble();
  }

  boolean bool(ObjectNode object, String path, String field, boolean fallback) {
    JsonNode node = object.get(field);
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (!node.isBoolean()) {
      problem(at(path, field), "must be true or false, got " + node);
      return fallback;
    }
    return node.asBoolean();
  }

  /** A positive duration: "PT1M" or "500ms", "30s", "1m", "2h". */
  Duration duration(ObjectNode object, String path, String field, Duration fallback) {
    JsonNode node = object.get(field);
    if (node == null || node.isNull()) {
      return fallback;
    }
    Duration d = node.isTextual() ? DurationText.parse(node.asText()) : null;
    if (d == null) {
      problem(
          at(path, field),
          "must be a duration such as \"500ms\", \"30s\", \"1m\" or \"PT1M\", got " + node);
      return fallback;
    }
    if (d.isNegative() || d.isZero()) {
      problem(at(path, field), "must be longer than zero, got " + node);
      return fallback;
    }
    return d;
  }

  /** One of an enum's constants, written in any case; {@code fallback} when absent. */
  <E extends Enum<E>> E choice(
      ObjectNode object, String path, String field, Class<E> type, E fallback) {
    JsonNode node = object.get(field);
    if (node == null || node.isNull()) {
      return fallback;
    }
    E value = node.isTextual() ? constant(type, node.asText()) : null;
    if (value == null) {
      problem(at(path, field), "must be one of " + names(type) + ", got " + node);
      return fallback;
    }
    return value;
  }

  static <E extends Enum<E>> E constant(Class<E> type, String text) {
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(text.trim())) {
        return e;
      }
    }
    return null;
  }

  static <E extends Enum<E>> String names(Class<E> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(e -> e.name().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(", "));
  }

  /** A list of strings, or null when absent. */
  List<String> texts(ObjectNode object, String path, String field) {
    JsonNode node = object.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isArray()) {
      problem(at(path, field), "must be a list of strings, got " + node);
      return null;
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      JsonNode item = node.get(i);
      if (item.isTextual() && !item.asText().isBlank()) {
        out.add(item.asText().trim());
      } else {
        problem(at(path, field) + "[" + i + "]", "must be a non-empty string, got " + item);
      }
    }
    return out;
  }

  /** An object of string values (e.g. Kafka client properties), empty when absent. */
  Map<String, String> textMap(ObjectNode object, String path, String field) {
    Map<String, String> out = new LinkedHashMap<>();
    ObjectNode map = object(object.get(field), at(path, field));
    if (map == null) {
      return out;
    }
    map.fields()
        .forEachRemaining(
            e -> {
              if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                out.put(e.getKey(), e.getValue().asText());
              } else {
                problem(at(at(path, field), e.getKey()), "must be a string, got " + e.getValue());
              }
            });
    return out;
  }
}
