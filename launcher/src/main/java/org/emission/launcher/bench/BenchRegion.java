package org.emission.launcher.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import org.emission.hj212.Hj212Encoder;

/**
 * A synthetic region for benchmarks: N flue-gas outlets under one limit, and their minute packets
 * (HJ 212-2017 CN 2051 with SO2, NOx, PM, O2, flow and temperature). Even hours exceed the limit
 * and odd hours comply, so every even hour opens an exceedance alert and the next one closes it.
 */
final class BenchRegion {
  static final String PASSWORD = "123456";
  private static final DateTimeFormatter QN = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

  private BenchRegion() {}

  /** Deletes a bench's working directory with everything in it (packet files take gigabytes). */
  static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  static String mn(int device) {
    return String.format(Locale.ROOT, "BENCH%019d", device);
  }

  /**
   * Writes enterprises.csv, outlets.csv, limits.csv and devices.csv for {@code devices} outlets.
   */
  static void writeRegistry(Path dir, int devices) throws IOException {
    Files.createDirectories(dir);
    StringBuilder outlets =
        new StringBuilder(
            "outlet_id,enterprise_id,name,kind,mn,facility,o2_ref,status,status_since,flow_unit,min_interval\n");
    StringBuilder devicesCsv = new StringBuilder("mn,pw,outlet_id\n");
    for (int d = 0; d < devices; d++) {
      outlets.append(
          String.format(
              Locale.ROOT,
              "B-%04d,E-BENCH,Bench stack %d,flue_gas,%s,boiler,9,operating,2020-01-01,m3/h,1%n",
              d,
              d,
              mn(d)));
      devicesCsv
          .append(mn(d))
          .append(',')
          .append(PASSWORD)
          .append(",B-")
          .append(String.format(Locale.ROOT, "%04d", d))
          .append('\n');
    }
    Files.writeString(
        dir.resolve("enterprises.csv"),
        "enterprise_id,name,region,district,park,sector\n"
            + "E-BENCH,Bench Boilers (fictional),Wuhai,Haibowan,Haibowan industrial park,boiler\n");
    Files.writeString(dir.resolve("outlets.csv"), outlets);
    Files.writeString(dir.resolve("devices.csv"), devicesCsv);
    Files.writeString(
        dir.resolve("limits.csv"),
        "outlet_id,pollutant,kind,value,unit,averaging,effective_from,effective_to,source\n"
            + "sector:boiler,a21026,special,200,mg/m3,hour,2015-01-01,,GB 13271-2014 Table 3 [U]\n");
  }

  /** One minute packet of one device; SO2 above the limit in even hours. */
  static String minutePacket(int device, LocalDateTime minute) {
    boolean exceed = minute.getHour() % 2 == 0;
    double so2 = exceed ? 260 + (device % 7) : 120 + (device % 5);
    String segment =
        "QN="
            + minute.format(QN)
            + "000;ST=31;CN=2051;PW="
            + PASSWORD
            + ";MN="
            + mn(device)
            + ";Flag=4;CP=&&DataTime="
            + minute.format(QN)
            + String.format(
                Locale.ROOT,
                ";a21026-Avg=%.1f,a21026-Flag=N;a21002-Avg=%.1f,a21002-Flag=N;a34013-Avg=%.1f,"
                    + "a34013-Flag=N;a19001-Avg=%.1f,a19001-Flag=N;a00000-Avg=%d,a00000-Flag=N;"
                    + "a01012-Avg=%.1f,a01012-Flag=N&&",
                so2,
                150.0 + device % 11,
                12.0 + device % 3,
                9.0,
                80000 + device * 10,
                120.0);
    return Hj212Encoder.frame(segment).strip();
  }

  /** Writes {@code days} of minute packets of every device, in time order, one per line. */
  static long writePackets(Path file, int devices, LocalDateTime from, int days)
      throws IOException {
    long packets = 0;
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
      for (LocalDateTime t = from; t.isBefore(from.plusDays(days)); t = t.plusMinutes(1)) {
        for (int d = 0; d < devices; d++) {
          out.write(minutePacket(d, t));
          out.write('\n');
          packets++;
        }
      }
    }
    return packets;
  }
}
