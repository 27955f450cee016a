package org.emission.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.emission.hj212.Hj212DecodeResult;
import org.emission.hj212.Hj212Decoder;
import org.emission.hj212.Hj212Edition;
import org.emission.hj212.Hj212Packet;
import org.emission.hj212.Hj212RejectReason;
import org.junit.jupiter.api.Test;

/** File mode: deterministic, decodable, and with an incidents file that lists what it injected. */
class FileModeTest {

  @Test
  void sameSeedGivesTheSameBytes() throws Exception {
    SimulatedFiles.Run a = SimulatedFiles.standard();
    SimulatedFiles.Run b = SimulatedFiles.write(SimulatedFiles.SEED, "again");
    assertThat(sha256(b.packets())).isEqualTo(sha256(a.packets()));
    assertThat(sha256(b.incidents())).isEqualTo(sha256(a.incidents()));
    assertThat(sha256(b.meters())).isEqualTo(sha256(a.meters()));
    SimulatedFiles.Run c = SimulatedFiles.write(SimulatedFiles.SEED + 1, "other");
    assertThat(sha256(c.packets())).isNotEqualTo(sha256(a.packets()));
  }

  @Test
  void everyPacketDecodesExceptTheDamagedOnesWithTheirReason() throws Exception {
    SimulatedFiles.Run run = SimulatedFiles.standard();
    Map<Long, Hj212RejectReason> expected = run.result().malformed();
    assertThat(expected.values())
        .contains(Hj212RejectReason.CRC_MISMATCH, Hj212RejectReason.LENGTH_MISMATCH);
    Hj212Decoder decoder = new Hj212Decoder();
    Map<Long, Hj212RejectReason> rejected = new HashMap<>();
    Set<Hj212Edition> editions = new HashSet<>();
    Map<String, Integer> cns = new HashMap<>();
    int split = 0;
    int answered = 0;
    int backfill = 0;
    long lineNo = 0;
    try (BufferedReader in = Files.newBufferedReader(run.packets(), StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        lineNo++;
        Hj212DecodeResult r = decoder.decode(line);
        if (r instanceof Hj212DecodeResult.Rejected rej) {
          rejected.put(lineNo, rej.reason());
          continue;
        }
        Hj212Packet p = r.packetOrNull();
        editions.add(p.edition());
        cns.merge(p.cn(), 1, Integer::sum);
        split += p.split() ? 1 : 0;
        answered += p.ackRequested() ? 1 : 0;
        backfill += p.backfill() ? 1 : 0;
      }
    }
    assertThat(lineNo).isEqualTo(run.result().lines());
    assertThat(rejected).isEqualTo(expected);
    assertThat(editions)
        .containsExactlyInAnyOrder(
            Hj212Edition.HJT212_2005, Hj212Edition.HJ212_2017, Hj212Edition.HJ212_2025);
    assertThat(cns).containsKeys("2011", "2051", "2061");
    assertThat(cns.get("2051")).isGreaterThan(130 * 36 * 50);
    assertThat(split).isPositive();
    assertThat(answered).isPositive();
    assertThat(backfill).as("RF=1 packets of the 2025 logger that was offline").isPositive();
  }

  @Test
  void incidentsFileListsEveryInjectedIncidentWithValidTimes() throws Exception {
    SimulatedFiles.Run run = SimulatedFiles.standard();
    List<String> lines = Files.readAllLines(run.incidents(), StandardCharsets.UTF_8);
    assertThat(lines.get(0)).startsWith("incident_id,kind,outlet_id,mn,pollutant,start,end");
    List<String[]> rows = new ArrayList<>();
    for (String l : lines.subList(1, lines.size())) {
      rows.add(l.split(",", -1));
    }
    assertThat(rows).hasSize(run.result().incidents().size());
    Set<String> kinds = new HashSet<>();
    Set<String> mns = new HashSet<>();
    for (String[] r : rows) {
      assertThat(r).hasSize(9);
      kinds.add(r[1]);
      long start = CstTime.parse(r[5]);
      long end = CstTime.parse(r[6]);
      assertThat(r[5]).endsWith("+08:00");
      assertThat(end).isGreaterThan(start);
      assertThat(start).isGreaterThanOrEqualTo(SimulatedFiles.FROM);
      assertThat(end).isLessThanOrEqualTo(SimulatedFiles.TO);
      if (!r[3].isEmpty()) {
        assertThat(mns.add(r[3])).as("one incident per device: " + r[3]).isTrue();
      }
      assertThat(r[7]).isNotBlank();
    }
    for (IncidentKind k : IncidentKind.values()) {
      assertThat(kinds).as("incident kinds").contains(k.code());
    }
    SimulatedRegion region = SimulatedRegion.load(SimulatedFiles.REGISTRY);
    Set<String> clean = new HashSet<>(run.result().cleanDevices());
    for (DeviceSpec d : region.devices()) {
      assertThat(clean.contains(d.mn())).as(d.mn()).isEqualTo(!mns.contains(d.mn()));
    }
  }

  private static String sha256(Path file) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[1 << 16];
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
      }
    }
    return java.util.HexFormat.of().formatHex(md.digest());
  }
}
