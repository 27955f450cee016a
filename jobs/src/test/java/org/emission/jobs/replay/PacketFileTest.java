package org.emission.jobs.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.emission.hj212.Hj212Encoder;
import org.emission.hj212.Hj212Field;
import org.emission.hj212.Hj212Packet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PacketFileTest {

  private static final String MN = "88150300401100000000ABCD";

  @TempDir Path registry;

  /** Sub-packet {@code pno} of 2 of the 2051 minute record at {@code dataTime} (CST). */
  private static String part(int pno, String dataTime, String qn) {
    return Hj212Encoder.encodeToString(
        Hj212Packet.builder()
            .qn(qn)
            .st("31")
            .cn("2051")
            .pw("123456")
            .mn(MN)
            .flag(7)
            .pnum(2)
            .pno(pno)
            .item("DataTime", dataTime)
            .item(new Hj212Field(pno == 1 ? "a21026-Avg" : "a19001-Avg", "10." + pno))
            .build());
  }

  private static List<PacketFile.Line> read(PacketFile file, String... lines) {
    List<PacketFile.Line> out = new ArrayList<>();
    for (String line : lines) {
      out.addAll(file.next(line));
    }
    return out;
  }

  @Test
  void aSubPacketSentAgainForWantOfAnAnswerIsNeitherASampleNorAReject() {
    PacketFile file = new PacketFile(registry);
    List<PacketFile.Line> out =
        read(
            file,
            part(1, "20250115100000", "20250115100100001"),
            part(2, "20250115100000", "20250115100100002"),
            // the logger missed the answer to PNO 2 and sends it again with its QN
            part(2, "20250115100000", "20250115100100002"),
            // the next minutes, well past the 10-minute split timeout of the file's clock
            part(1, "20250115102000", "20250115102100001"),
            part(2, "20250115102000", "20250115102100002"));
    assertThat(out).extracting(PacketFile.Line::reject).containsOnlyNulls();
    assertThat(out)
        .extracting(l -> l.sample().dataTime().toLocalDateTime().toString())
        .containsExactly("2025-01-15T10:00", "2025-01-15T10:20");
  }

  @Test
  void aGroupThatNeverCompletesIsRejectedWithItsOwnSubPackets() {
    PacketFile file = new PacketFile(registry);
    String lonely = part(1, "20250115100000", "20250115100100001");
    List<PacketFile.Line> out =
        read(
            file,
            lonely,
            part(1, "20250115102000", "20250115102100001"),
            part(2, "20250115102000", "20250115102100002"));
    // the file's clock reaches 10:21 (the end of the 10:20 minute) at line 2: 20 minutes after
    // the lonely part, past the 10-minute timeout
    PacketFile.Reject reject = out.get(0).reject();
    assertThat(reject.line()).isEqualTo(2);
    assertThat(reject.mn()).isEqualTo(MN);
    assertThat(reject.reason()).startsWith("SPLIT_TIMEOUT: ").contains("1 of 2 sub-packets");
    assertThat(reject.text()).isEqualTo(lonely.strip());
    assertThat(out.get(1).sample().dataTime().toLocalDateTime().toString())
        .isEqualTo("2025-01-15T10:20");
  }

  @Test
  void aPacketTheCodecRejectsKeepsTheMnItNames() {
    String good = part(1, "20250115100000", "20250115100100001");
    String badCrc =
        good.substring(0, good.length() - 6) + (good.endsWith("0000\r\n") ? "1111" : "0000");
    List<PacketFile.Line> out = read(new PacketFile(registry), badCrc);
    assertThat(out)
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.reject().mn()).isEqualTo(MN);
              assertThat(l.reject().reason()).startsWith("CRC_MISMATCH");
            });
  }
}
