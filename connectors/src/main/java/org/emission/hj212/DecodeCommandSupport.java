package org.emission.hj212;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The work of {@code ./emission decode [FILE]}: HJ 212 frames, one per line, to JSON lines.
 *
 * <p>Blank lines are skipped; a line may end with CR LF, LF or CR. For each frame one JSON object
 * is written on its own line:
 *
 * <pre>{@code
 * {"ok": true, "ST": "31", "CN": "2051", "QN": "20250115103000123", "MN": "...", "Flag": 5,
 *  "DataTime": "20250115102000", "values": {"a21026-Avg": "25.3", "a21026-Flag": "N", ...},
 *  "edition": "HJ212-2017", "warnings": []}
 * {"ok": false, "reason": "CRC_MISMATCH: packet says 1C81, computed 1C80", "line": 7}
 * }</pre>
 *
 * <p>{@code values} holds every CP field except DataTime, values as sent, in the order sent (a
 * repeated name keeps its first value). HJ/T 212-2005 pollutant codes appear under their 2017 code
 * ({@code 02-Avg} as {@code a21026-Avg}) and {@code original_codes} maps each such code to the code
 * sent. QN, Flag and DataTime are null when absent; PNUM, PNO and RF appear when present. Split
 * packets are not reassembled: each line stands alone.
 */
public final class DecodeCommandSupport {

  private final Hj212Decoder decoder = new Hj212Decoder();
  private final JsonFactory json =
      JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();
  private long accepted;
  private long rejected;

  /** Decodes every line of {@code in} and writes one JSON line per frame to {@code out}. */
  public void decodeLines(BufferedReader in, Writer out) throws IOException {
    String line;
    long lineNo = 0;
    while ((line = in.readLine()) != null) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      Hj212DecodeResult result = decoder.decode(line);
      try (JsonGenerator g = json.createGenerator(out)) {
        g.setPrettyPrinter(new SpacedPrinter());
        if (result instanceof Hj212DecodeResult.Accepted a) {
          accepted++;
          writeAccepted(g, a);
        } else {
          rejected++;
          Hj212DecodeResult.Rejected r = (Hj212DecodeResult.Rejected) result;
          g.writeStartObject();
          g.writeBooleanField("ok", false);
          g.writeStringField("reason", r.reasonText());
          g.writeNumberField("line", lineNo);
          g.writeEndObject();
        }
      }
      out.write('\n');
    }
    out.flush();
  }

  /** Frames accepted so far. */
  public long accepted() {
    return accepted;
  }

  /** Frames rejected so far. */
  public long rejected() {
    return rejected;
  }

  private static void writeAccepted(JsonGenerator g, Hj212DecodeResult.Accepted a)
      throws IOException {
    Hj212Packet p = a.packet();
    g.writeStartObject();
    g.writeBooleanField("ok", true);
    g.writeStringField("ST", p.st());
    g.writeStringField("CN", p.cn());
    g.writeStringField("QN", p.qn());
    g.writeStringField("MN", p.mn());
    g.writeFieldName("Flag");
    if (p.flag() == null) {
      g.writeNull();
    } else {
      g.writeNumber(p.flag());
    }
    if (p.pnum() != null) {
      g.writeNumberField("PNUM", p.pnum());
    }
    if (p.pno() != null) {
      g.writeNumberField("PNO", p.pno());
    }
    if (p.rf() != null) {
      g.writeStringField("RF", p.rf());
    }
    g.writeStringField("DataTime", p.dataTimeText());
    g.writeObjectFieldStart("values");
    Map<String, String> values = new LinkedHashMap<>();
    boolean map2005 = p.edition() == Hj212Edition.HJT212_2005;
    for (Hj212Field f : p.fields()) {
      if (f.name().equals("DataTime")) {
        continue;
      }
      String key = f.name();
      String code = f.code();
      if (map2005 && code != null && !code.startsWith("SB")) {
        String mapped = Hj212Codes.code2017Of2005(code);
        if (mapped != null) {
          key = mapped + "-" + f.kind();
        }
      }
      values.putIfAbsent(key, f.value());
    }
    for (Map.Entry<String, String> e : values.entrySet()) {
      g.writeStringField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
    if (!p.originalCodes().isEmpty()) {
      g.writeObjectFieldStart("original_codes");
      for (Map.Entry<String, String> e : p.originalCodes().entrySet()) {
        g.writeStringField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
    }
    g.writeStringField("edition", p.edition().label());
    g.writeArrayFieldStart("warnings");
    for (Hj212Notice n : a.warnings()) {
      g.writeString(n.toString());
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /** One line, {@code ": "} after names and {@code ", "} between entries. */
  private static final class SpacedPrinter implements PrettyPrinter {
    @Override
    public void writeRootValueSeparator(JsonGenerator g) {}

    @Override
    public void writeStartObject(JsonGenerator g) throws IOException {
      g.writeRaw('{');
    }

    @Override
    public void writeEndObject(JsonGenerator g, int nrOfEntries) throws IOException {
      g.writeRaw('}');
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
      g.writeRaw(", ");
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw(": ");
    }

    @Override
    public void writeStartArray(JsonGenerator g) throws IOException {
      g.writeRaw('[');
    }

    @Override
    public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
      g.writeRaw(']');
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw(", ");
    }

    @Override
    public void beforeArrayValues(JsonGenerator g) {}

    @Override
    public void beforeObjectEntries(JsonGenerator g) {}
  }
}
