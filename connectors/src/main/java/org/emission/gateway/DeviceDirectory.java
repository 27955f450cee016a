package org.emission.gateway;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * The data loggers allowed to send, by MN, from {@code devices.csv} of the registry directory
 * (columns {@code mn, pw, outlet_id}, header row first; other columns are ignored).
 *
 * <p>Every row is validated at load; all problems are reported together with file, line, column and
 * reason. {@link #reloadIfChanged()} re-reads the file when it changed; a file that no longer
 * validates leaves the previous devices in force. Thread-safe: lookups read an immutable snapshot.
 */
public final class DeviceDirectory {

  /** The file name inside the registry directory. */
  public static final String FILE_NAME = "devices.csv";

  static final List<String> COLUMNS = List.of("mn", "pw", "outlet_id");

  /** MN: letters, digits, - or _, as the codec accepts (HJ 212-2017 Table 3: 24 chars 0-9A-F). */
  private static final Pattern MN = Pattern.compile("[A-Za-z0-9_-]{1,32}");

  private final Path file;
  private final AtomicReference<Snapshot> snapshot;

  private record Snapshot(Map<String, Device> byMn, long modified, long size) {}

  private DeviceDirectory(Path file, Snapshot snapshot) {
    this.file = file;
    this.snapshot = new AtomicReference<>(snapshot);
  }

  /**
   * Loads {@code devices.csv} from a registry directory.
   *
   * @throws DeviceDirectoryException listing every problem found
   */
  public static DeviceDirectory load(Path registryDir) {
    Path file = registryDir.resolve(FILE_NAME);
    return new DeviceDirectory(file, read(file));
  }

  /**
   * A fixed directory of these devices (tests, embedded use); {@link #reloadIfChanged()} is a
   * no-op.
   */
  public static DeviceDirectory of(Collection<Device> devices) {
    Map<String, Device> byMn = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (Device d : devices) {
      if (byMn.putIfAbsent(d.mn(), d) != null) {
        problems.add("device " + d.mn() + " given twice");
      }
    }
    if (!problems.isEmpty()) {
      throw new DeviceDirectoryException(problems);
    }
    return new DeviceDirectory(null, new Snapshot(Map.copyOf(byMn), 0, 0));
  }

  /** The device with this MN, or null. */
  public Device find(String mn) {
    return mn == null ? null : snapshot.get().byMn.get(mn);
  }

  /** Number of devices. */
  public int size() {
    return snapshot.get().byMn.size();
  }

  /** The file read, or null for a fixed directory. */
  public Path file() {
    return file;
  }

  /**
   * Re-reads the file when its modification time or size changed.
   *
   * @return whether new devices are now in force
   * @throws DeviceDirectoryException when the changed file does not validate (the previous devices
   *     stay in force, and the same file version is not reported again)
   */
  public boolean reloadIfChanged() {
    if (file == null) {
      return false;
    }
    Snapshot current = snapshot.get();
    long modified;
    long size;
    try {
      BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
      modified = attrs.lastModifiedTime().toMillis();
      size = attrs.size();
    } catch (IOException e) {
      return false;
    }
    if (modified == current.modified && size == current.size) {
      return false;
    }
    try {
      snapshot.set(read(file));
      return true;
    } catch (DeviceDirectoryException e) {
      // Remember the bad version so that it is reported once, not on every poll.
      snapshot.set(new Snapshot(current.byMn, modified, size));
      throw e;
    }
  }

  private static Snapshot read(Path file) {
    long modified;
    long size;
    byte[] bytes;
    try {
      BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
      modified = attrs.lastModifiedTime().toMillis();
      size = attrs.size();
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new DeviceDirectoryException(List.of(file + ": file not found"));
    } catch (IOException e) {
      throw new DeviceDirectoryException(List.of(file + ": cannot read: " + e.getMessage()));
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw new DeviceDirectoryException(
          List.of(file + ": not UTF-8 text (save the spreadsheet as CSV UTF-8)"));
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    return new Snapshot(parse(file, text), modified, size);
  }

  /** Parses and validates the whole file, collecting every problem. */
  static Map<String, Device> parse(Path file, String text) {
    String[] lines = text.split("\r\n|\n|\r", -1);
    List<String> problems = new ArrayList<>();
    Map<String, Integer> column = null;
    int headerWidth = 0;
    Map<String, Device> byMn = new LinkedHashMap<>();
    Map<String, Integer> lineOfMn = new HashMap<>();
    for (int i = 0; i < lines.length; i++) {
      int lineNo = i + 1;
      String line = lines[i];
      if (line.isBlank()) {
        continue;
      }
      List<String> fields;
      try {
        fields = CsvLines.split(line);
      } catch (IllegalArgumentException e) {
        problems.add(file + ":" + lineNo + ": " + e.getMessage());
        continue;
      }
      if (column == null) {
        column = header(file, lineNo, fields, problems);
        if (column == null) {
          break;
        }
        headerWidth = fields.size();
        continue;
      }
      if (fields.size() != headerWidth) {
        problems.add(
            file
                + ":"
                + lineNo
                + ": "
                + fields.size()
                + " fields, but the header has "
                + headerWidth);
        continue;
      }
      String mn = fields.get(column.get("mn"));
      String pw = fields.get(column.get("pw"));
      String outlet = fields.get(column.get("outlet_id"));
      int before = problems.size();
      String where = file + ":" + lineNo + ": column ";
      if (mn.isEmpty()) {
        problems.add(where + "mn: device number is empty");
      } else if (!MN.matcher(mn).matches()) {
        problems.add(
            where
                + "mn: '"
                + mn
                + "' is not a device number (1 to 32 letters, digits, - or _;"
                + " HJ 212-2017 Table 3: 24 characters 0-9A-F)");
      } else if (lineOfMn.containsKey(mn)) {
        problems.add(where + "mn: " + mn + " is already on line " + lineOfMn.get(mn));
      }
      if (pw.isEmpty()) {
        problems.add(where + "pw: password is empty");
      } else if (!validPassword(pw)) {
        problems.add(
            where
                + "pw: the password contains a space, a control character or one of ; , = &"
                + " (HJ 212 has no escapes, HJ 212-2017 §6.3.3)");
      }
      if (outlet.isEmpty()) {
        problems.add(where + "outlet_id: outlet is empty");
      }
      if (problems.size() == before) {
        lineOfMn.put(mn, lineNo);
        byMn.put(mn, new Device(mn, pw, outlet));
      }
    }
    if (column == null && problems.isEmpty()) {
      problems.add(
          file + ": empty file; the first line must be the header " + String.join(",", COLUMNS));
    }
    if (!problems.isEmpty()) {
      throw new DeviceDirectoryException(problems);
    }
    return Map.copyOf(byMn);
  }

  private static Map<String, Integer> header(
      Path file, int lineNo, List<String> fields, List<String> problems) {
    Map<String, Integer> column = new HashMap<>();
    for (int c = 0; c < fields.size(); c++) {
      String name = fields.get(c).toLowerCase(Locale.ROOT);
      if (COLUMNS.contains(name) && column.putIfAbsent(name, c) != null) {
        problems.add(file + ":" + lineNo + ": column " + name + " appears twice in the header");
      }
    }
    boolean complete = true;
    for (String required : COLUMNS) {
      if (!column.containsKey(required)) {
        problems.add(
            file
                + ":"
                + lineNo
                + ": the header has no column "
                + required
                + " (expected "
                + String.join(",", COLUMNS)
                + ", found "
                + String.join(",", fields)
                + ")");
        complete = false;
      }
    }
    return complete && problems.isEmpty() ? column : null;
  }

  private static boolean validPassword(String pw) {
    for (int i = 0; i < pw.length(); i++) {
      char c = pw.charAt(i);
      if (c <= ' ' || c == 0x7F || c == ';' || c == ',' || c == '=' || c == '&') {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "DeviceDirectory[" + (file == null ? "fixed" : file) + ", " + size() + " devices]";
  }

  /** Short description for log lines. */
  String describe() {
    return file == null ? size() + " devices" : size() + " devices from " + file;
  }
}
