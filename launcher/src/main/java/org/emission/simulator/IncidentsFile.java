package org.emission.simulator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The incidents file: CSV with the header {@code
 * incident_id,kind,outlet_id,mn,pollutant,start,end,detected_by,subject} — the seven columns asked
 * for, then the rules or reject reasons that should report the incident and, for meter incidents,
 * the meter or enterprise concerned. Times ISO-8601 with {@code +08:00}; {@code end} exclusive.
 * Every logger of devices.csv whose MN is not listed is clean: it should cause no alert at all.
 */
final class IncidentsFile {

  static final String HEADER =
      "incident_id,kind,outlet_id,mn,pollutant,start,end,detected_by,subject";

  private IncidentsFile() {}

  static void write(Path file, List<Incident> incidents) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(HEADER);
      w.write('\n');
      for (Incident i : incidents) {
        w.write(
            String.join(
                ",",
                i.id(),
                i.kind().code(),
                i.outletId(),
                i.mn(),
                i.pollutant(),
                CstTime.iso(i.start()),
                CstTime.iso(i.end()),
                i.detectedBy(),
                i.subject()));
        w.write('\n');
      }
    }
  }
}
