package org.emission.hj212;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.emission.hj212.Hj212Samples.*;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import org.emission.hj212.Hj212Commands.ExeRtn;
import org.emission.hj212.Hj212Commands.QnRtn;
import org.junit.jupiter.api.Test;

class Hj212EncoderTest {

  private final Hj212Decoder decoder = new Hj212Decoder();

  private Hj212Packet decode(String frame) {
    Hj212Packet p = decoder.decode(frame).packetOrNull();
    assertThat(p).as(frame).isNotNull();
    return p;
  }

  private static String encode(Hj212Packet p) {
    return new String(Hj212Encoder.encode(p), StandardCharsets.UTF_8);
  }

  @Test
  void dataAnswerOfTheWorkedExampleByteForByte() {
    byte[] answer = Hj212Encoder.encode(Hj212Commands.dataAnswer(decode(MINUTE_2051)));
    assertThat(answer).isEqualTo(MINUTE_2051_ANSWER.getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void answerForPicksTheAnswerDue() {
    assertThat(Hj212Commands.answerFor(decode(MINUTE_2051)).map(Hj212EncoderTest::encode))
        .contains(MINUTE_2051_ANSWER);
    assertThat(Hj212Commands.answerFor(decode(HEARTBEAT_2025)).map(Hj212EncoderTest::encode))
        .contains(HEARTBEAT_2025_ANSWER);
    assertThat(Hj212Commands.answerFor(decode(SPLIT_1)).map(Hj212EncoderTest::encode))
        .contains(
            "##0087QN=20250115110000534;ST=91;CN=9014;PW=123456;MN=0A1B2C3D4E5F000000000001;Flag=4;"
                + "CP=&&&&2200\r\n");
    assertThat(Hj212Commands.answerFor(decode(SPLIT_2)).map(Hj212EncoderTest::encode))
        .contains(
            "##0087QN=20250115110000535;ST=91;CN=9014;PW=123456;MN=0A1B2C3D4E5F000000000001;Flag=4;"
                + "CP=&&&&3300\r\n");
    assertThat(Hj212Commands.answerFor(decode(REALTIME_2005))).as("no A bit").isEmpty();
    assertThat(Hj212Commands.answerFor(decode(MINUTE_2051_ANSWER))).as("answers").isEmpty();
    assertThat(Hj212Commands.answerFor(decode(OFFICIAL_1062))).as("host command").isEmpty();
  }

  @Test
  void answersCarryTheEditionOfWhatTheyAnswer() {
    assertThat(encode(Hj212Commands.dataAnswer(decode(BACKFILL_2025))))
        .isEqualTo(
            "##0087QN=20260301090000123;ST=91;CN=9014;PW=123456;MN=0A1B2C3D4E5F000000000001;Flag=8;"
                + "CP=&&&&9C01\r\n");
    Hj212Packet with2005Flag =
        Hj212Packet.builder()
            .qn("20160824010000000")
            .st("31")
            .cn("2051")
            .pw("123456")
            .mn("88888880000001")
            .flag(1)
            .item("DataTime", "20160824010000")
            .build();
    assertThat(encode(Hj212Commands.dataAnswer(with2005Flag)))
        .isEqualTo(
            "##0077QN=20160824010000000;ST=91;CN=9014;PW=123456;MN=88888880000001;Flag=0;CP=&&&&24C0\r\n");
    assertThat(encode(Hj212Commands.dataAnswer(decode(FLUE_2005))))
        .as("no QN and no Flag when the 2005 logger sent none")
        .isEqualTo("##0049ST=91;CN=9014;PW=123456;MN=88888880000001;CP=&&&&FA01\r\n");
  }

  @Test
  void requestAnswerAndExecutionResult() {
    Hj212Packet request = decode(HISTORY_REQUEST);
    assertThat(encode(Hj212Commands.requestAnswer(request, QnRtn.READY))).isEqualTo(REQUEST_ANSWER);
    assertThat(encode(Hj212Commands.executionResult(request, ExeRtn.SUCCESS)))
        .isEqualTo(EXECUTION_RESULT);
    assertThat(Hj212Commands.executionResult(request, ExeRtn.NO_DATA).value("ExeRtn"))
        .isEqualTo("100");
  }

  @Test
  void hostCommands() {
    Hj212Packet history =
        Hj212Commands.historyRequest(
            Hj212Edition.HJ212_2017,
            "20250115120000000",
            "31",
            "123456",
            MN,
            "2061",
            LocalDateTime.of(2025, 1, 15, 0, 0),
            LocalDateTime.of(2025, 1, 15, 11, 0));
    assertThat(encode(history)).isEqualTo(HISTORY_REQUEST);
    assertThat(history.flag()).isEqualTo(5);
    Hj212Packet setTime =
        Hj212Commands.setTime(
            Hj212Edition.HJ212_2017,
            "20250115120000001",
            "31",
            "123456",
            MN,
            LocalDateTime.of(2025, 1, 15, 12, 0));
    assertThat(encode(setTime)).isEqualTo(SET_TIME);
    Hj212Packet history2025 =
        Hj212Commands.historyRequest(
            Hj212Edition.HJ212_2025,
            "20260301120000000",
            "32",
            "123456",
            MN,
            "2051",
            LocalDateTime.of(2026, 3, 1, 0, 0),
            LocalDateTime.of(2026, 3, 1, 11, 59));
    assertThat(encode(history2025))
        .isEqualTo(
            "##0134QN=20260301120000000;ST=32;CN=2051;PW=123456;MN=0A1B2C3D4E5F000000000001;Flag=9;"
                + "CP=&&BeginTime=20260301000000,EndTime=20260301115900&&5F00\r\n");
    assertThatThrownBy(
            () ->
                Hj212Commands.historyRequest(
                    Hj212Edition.HJ212_2017,
                    "1",
                    "31",
                    "1",
                    MN,
                    "2011",
                    LocalDateTime.MIN,
                    LocalDateTime.MAX))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void qnHasMilliseconds() {
    assertThat(Hj212Commands.qn(LocalDateTime.of(2025, 1, 15, 12, 0, 0, 7_000_000)))
        .isEqualTo("20250115120000007");
  }

  @Test
  void canonicalFramesReencodeIdentically() {
    for (String frame :
        new String[] {
          OFFICIAL_1062,
          MINUTE_2051,
          REALTIME_2005,
          REALTIME_2011,
          HOURLY_2061,
          SPLIT_1,
          HEARTBEAT_2025,
          BACKFILL_2025,
          CHINESE_3020,
          HISTORY_REQUEST
        }) {
      assertThat(encode(decode(frame))).isEqualTo(frame);
    }
  }

  @Test
  void toleratedInputIsWrittenCanonically() {
    Hj212Packet sloppy =
        decode(
            "  ##0147QN=20250115103000123; ST=31 ;CN=2051;PW=123456;MN=0A1B2C3D4E5F000000000001;"
                + "Flag=5;CP=&& DataTime=20250115102000 ; a21026-Avg = 25.3,a21026-Flag=N&&e2c1 \n");
    assertThat(encode(sloppy))
        .isEqualTo(
            Hj212Encoder.frame(
                "QN=20250115103000123;ST=31;CN=2051;PW=123456;MN=0A1B2C3D4E5F000000000001;Flag=5;"
                    + "CP=&&DataTime=20250115102000;a21026-Avg=25.3,a21026-Flag=N&&"));
  }

  @Test
  void frameWrapsASegment() {
    assertThat(Hj212Encoder.frame("123456789")).isEqualTo("##0009123456789" + "2F80\r\n");
  }

  @Test
  void refusesSegmentsOverTheLimit() {
    Hj212Packet big =
        Hj212Packet.builder()
            .st("31")
            .cn("2011")
            .mn(MN)
            .item("x", "y".repeat(500))
            .item("z", "y".repeat(500))
            .build();
    assertThatThrownBy(() -> Hj212Encoder.encode(big))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PNUM/PNO");
  }

  @Test
  void builderRefusesWhatCannotBeWritten() {
    Hj212Packet.Builder b = Hj212Packet.builder().st("31").cn("2011").mn(MN);
    assertThatThrownBy(() -> b.item("a21026-Rtd", "1;2").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no escapes");
    assertThatThrownBy(() -> Hj212Packet.builder().pw("a&b").build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Hj212Packet.builder().item("bad name", "1").build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Hj212Packet.builder().item("a", " 1").build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Hj212Packet.builder().item("a", "x&&y").build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Hj212Packet.builder().flag(256))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Hj212Packet.builder().headerField("MN", "1"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toBuilderCopiesEverything() {
    Hj212Packet p = decode(BACKFILL_2025);
    assertThat(p.toBuilder().build()).isEqualTo(p);
    Hj212Packet extra =
        decode(
            Hj212Encoder.frame(
                "ST=31;CN=2051;MN=" + MN + ";Vendor=acme;CP=&&DataTime=20250115102000&&"));
    assertThat(extra.toBuilder().build()).isEqualTo(extra);
  }
}
