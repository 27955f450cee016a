package org.emission.local.clickhouse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A ClickHouse data type, parsed from its name only as far as needed to find where a column's data
 * ends in Native format (the bulk serialization of src/DataTypes/Serializations/*): fixed-width
 * values, {@code String}, {@code FixedString}, {@code Nullable}, {@code Array}, {@code Tuple},
 * {@code Map} and {@code Nested} (both arrays of tuples), {@code LowCardinality} and {@code
 * Nothing}, plus the domains and aliases that serialize as one of them.
 *
 * <p>Types whose layout depends on more than the name or on the protocol revision (Dynamic, JSON,
 * Object, Variant, AggregateFunction states, ...) are refused with {@link
 * UnsupportedTypeException}.
 */
final class NativeType {
  enum Kind {
    FIXED,
    STRING,
    NULLABLE,
    ARRAY,
    TUPLE,
    LOW_CARDINALITY
  }

  /** LowCardinality: the key-serialization version written as the state prefix. */
  private static final long SHARED_DICTIONARIES_WITH_ADDITIONAL_KEYS = 1;

  private static final long NEED_GLOBAL_DICTIONARY = 1L << 8;
  private static final long HAS_ADDITIONAL_KEYS = 1L << 9;

  private static final Map<String, Integer> FIXED_WIDTHS =
      Map.ofEntries(
          Map.entry("UInt8", 1),
          Map.entry("Int8", 1),
          Map.entry("Bool", 1),
          Map.entry("Enum8", 1),
          // SerializationNothing writes one byte per row.
          Map.entry("Nothing", 1),
          Map.entry("UInt16", 2),
          Map.entry("Int16", 2),
          Map.entry("Enum16", 2),
          Map.entry("Date", 2),
          Map.entry("BFloat16", 2),
          Map.entry("UInt32", 4),
          Map.entry("Int32", 4),
          Map.entry("Float32", 4),
          Map.entry("Date32", 4),
          Map.entry("DateTime", 4),
          Map.entry("IPv4", 4),
          Map.entry("Decimal32", 4),
          Map.entry("Time", 4),
          Map.entry("UInt64", 8),
          Map.entry("Int64", 8),
          Map.entry("Float64", 8),
          Map.entry("DateTime64", 8),
          Map.entry("Decimal64", 8),
          Map.entry("Time64", 8),
          Map.entry("UInt128", 16),
          Map.entry("Int128", 16),
          Map.entry("Decimal128", 16),
          Map.entry("UUID", 16),
          Map.entry("IPv6", 16),
          Map.entry("UInt256", 32),
          Map.entry("Int256", 32),
          Map.entry("Decimal256", 32));

  private final String name;
  private final Kind kind;
  private final int width;
  private final List<NativeType> children;

  private NativeType(String name, Kind kind, int width, List<NativeType> children) {
    this.name = name;
    this.kind = kind;
    this.width = width;
    this.children = children;
  }

  String name() {
    return name;
  }

  Kind kind() {
    return kind;
  }

  /** Whether a LowCardinality type occurs anywhere in this type. */
  boolean containsLowCardinality() {
    return kind == Kind.LOW_CARDINALITY
        || children.stream().anyMatch(NativeType::containsLowCardinality);
  }

  /** Whether a String occurs anywhere in this type. */
  boolean containsString() {
    return kind == Kind.STRING || children.stream().anyMatch(NativeType::containsString);
  }

  static NativeType parse(String typeName) {
    String text = typeName.strip();
    int open = text.indexOf('(');
    String head = open < 0 ? text : text.substring(0, open).strip();
    List<String> args = List.of();
    if (open >= 0) {
      if (!text.endsWith(")")) {
        throw new IllegalArgumentException("malformed type name: " + typeName);
      }
      args = splitArguments(text.substring(open + 1, text.length() - 1));
    }
    Integer fixed = FIXED_WIDTHS.get(head);
    if (fixed != null) {
      return new NativeType(text, Kind.FIXED, fixed, List.of());
    }
    if (head.startsWith("Interval") && args.isEmpty()) {
      return new NativeType(text, Kind.FIXED, 8, List.of());
    }
    switch (head) {
      case "String":
        return new NativeType(text, Kind.STRING, 0, List.of());
      case "FixedString":
        return new NativeType(text, Kind.FIXED, Integer.parseInt(single(args, text)), List.of());
      case "Decimal":
        return new NativeType(text, Kind.FIXED, decimalWidth(args, text), List.of());
      case "Nullable":
        return new NativeType(text, Kind.NULLABLE, 0, List.of(parse(single(args, text))));
      case "Array":
        return new NativeType(text, Kind.ARRAY, 0, List.of(parse(single(args, text))));
      case "LowCardinality":
        return new NativeType(text, Kind.LOW_CARDINALITY, 0, List.of(parse(single(args, text))));
      case "Tuple":
        return tuple(text, args);
      case "Nested":
        return new NativeType(text, Kind.ARRAY, 0, List.of(tuple(text, args)));
      case "Map":
        if (args.size() != 2) {
          throw new IllegalArgumentException("malformed type name: " + typeName);
        }
        return new NativeType(
            text,
            Kind.ARRAY,
            0,
            List.of(
                new NativeType(
                    text, Kind.TUPLE, 0, List.of(parse(args.get(0)), parse(args.get(1))))));
      case "SimpleAggregateFunction":
        if (args.size() < 2) {
          throw new IllegalArgumentException("malformed type name: " + typeName);
        }
        return parse(args.get(args.size() - 1)).renamed(text);
      case "Point":
        return parse("Tuple(Float64, Float64)").renamed(text);
      case "Ring":
      case "LineString":
        return parse("Array(Point)").renamed(text);
      case "Polygon":
      case "MultiLineString":
        return parse("Array(Ring)").renamed(text);
      case "MultiPolygon":
        return parse("Array(Polygon)").renamed(text);
      default:
        throw new UnsupportedTypeException(text);
    }
  }

  /** Skips the state prefix that bulk serialization writes before a column's data. */
  void skipPrefix(NativeReader in) {
    if (kind == Kind.LOW_CARDINALITY) {
      long version = in.readUInt64();
      if (version != SHARED_DICTIONARIES_WITH_ADDITIONAL_KEYS) {
        throw new IllegalArgumentException("unknown LowCardinality key version " + version);
      }
      return;
    }
    for (NativeType child : children) {
      child.skipPrefix(in);
    }
  }

  /** Skips the data of {@code rows} values, after the prefix. */
  void skipData(NativeReader in, long rows) {
    switch (kind) {
      case FIXED -> in.skip(rows, width);
      case STRING -> {
        for (long i = 0; i < rows; i++) {
          in.skip(in.readVarUInt(), 1);
        }
      }
      case NULLABLE -> {
        in.skip(rows, 1);
        children.get(0).skipData(in, rows);
      }
      case ARRAY -> {
        if (rows > 0) {
          in.skip(rows - 1, 8);
          children.get(0).skipData(in, in.readUInt64());
        }
      }
      case TUPLE -> {
        for (NativeType child : children) {
          child.skipData(in, rows);
        }
      }
      case LOW_CARDINALITY -> skipLowCardinality(in, rows);
    }
  }

  /**
   * SerializationLowCardinality with {@code low_cardinality_max_dictionary_size = 0}
   * (NativeWriter): per granule a UInt64 index type with flags, the additional keys (UInt64 count,
   * then the keys in the dictionary type without Nullable), a UInt64 row count and the indexes.
   */
  private void skipLowCardinality(NativeReader in, long rows) {
    NativeType keys =
        children.get(0).kind == Kind.NULLABLE ? children.get(0).children.get(0) : children.get(0);
    long remaining = rows;
    while (remaining > 0) {
      long indexType = in.readUInt64();
      if ((indexType & NEED_GLOBAL_DICTIONARY) != 0) {
        throw new IllegalArgumentException(
            "LowCardinality with a global dictionary in Native data");
      }
      if ((indexType & HAS_ADDITIONAL_KEYS) != 0) {
        keys.skipData(in, in.readUInt64());
      }
      long count = in.readUInt64();
      if (count <= 0 || count > remaining) {
        throw new IllegalArgumentException("LowCardinality granule of " + count + " rows");
      }
      in.skip(count, 1L << (indexType & 0xff));
      remaining -= count;
    }
  }

  private NativeType renamed(String newName) {
    return new NativeType(newName, kind, width, children);
  }

  private static NativeType tuple(String text, List<String> args) {
    List<NativeType> elements = new ArrayList<>(args.size());
    for (String arg : args) {
      elements.add(parse(stripElementName(arg)));
    }
    return new NativeType(text, Kind.TUPLE, 0, List.copyOf(elements));
  }

  /** {@code a UInt8} or {@code `a b` UInt8} in a named Tuple or Nested: the type part. */
  static String stripElementName(String element) {
    String text = element.strip();
    if (text.startsWith("`")) {
      int i = 1;
      while (i < text.length()) {
        char c = text.charAt(i);
        if (c == '\\') {
          i += 2;
        } else if (c == '`') {
          return text.substring(i + 1).strip();
        } else {
          i++;
        }
      }
      throw new IllegalArgumentException("malformed element name: " + element);
    }
    int i = 0;
    while (i < text.length()
        && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
      i++;
    }
    if (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      String rest = text.substring(i).strip();
      if (!rest.isEmpty()) {
        return rest;
      }
    }
    return text;
  }

  private static int decimalWidth(List<String> args, String text) {
    if (args.size() != 2) {
      throw new IllegalArgumentException("malformed type name: " + text);
    }
    int precision = Integer.parseInt(args.get(0).strip());
    if (precision <= 9) {
      return 4;
    }
    if (precision <= 18) {
      return 8;
    }
    return precision <= 38 ? 16 : 32;
  }

  private static String single(List<String> args, String text) {
    if (args.size() != 1) {
      throw new IllegalArgumentException("malformed type name: " + text);
    }
    return args.get(0);
  }

  /** Splits at top-level commas, minding parentheses, quoted strings and back-quoted names. */
  static List<String> splitArguments(String inside) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    char quote = 0;
    for (int i = 0; i < inside.length(); i++) {
      char c = inside.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '`' || c == '"') {
        quote = c;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(inside.substring(start, i).strip());
        start = i + 1;
      }
    }
    String last = inside.substring(start).strip();
    if (!last.isEmpty() || !parts.isEmpty()) {
      parts.add(last);
    }
    return parts;
  }

  @Override
  public String toString() {
    return name + " (" + kind.name().toLowerCase(Locale.ROOT) + ")";
  }

  /** A type the embedded server cannot lay out in Native format for a client revision. */
  static final class UnsupportedTypeException extends RuntimeException {
    UnsupportedTypeException(String typeName) {
      super(typeName);
    }

    String typeName() {
      return getMessage();
    }
  }
}
