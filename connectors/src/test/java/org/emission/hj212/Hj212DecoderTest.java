package org.emission.hj212;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emission.hj212.Hj212Samples.*;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.emission.hj212.Hj212DecodeResult.Accepted;
import org.junit.jupiter.api.Test;

class Hj212DecoderTest {

  private final Hj212Decoder decoder = new Hj212Decoder();

  private Accepted accept(String frame) {
    Hj212DecodeResult result = decoder.decode(frame);
    assertThat(result).as("%s", result).isInstanceOf(Accepted.class);
    return (Accepted) result;
  }

  private List<Hj212Warning> warnings(Accepted a) {
    return a.warnings().stream().map(Hj212Notice::warning).toList();
  }

  @Test
  void officialExampleOf2017() {
    Accepted a = accept(OFFICIAL_1062);
    Hj212Packet p = a.packet();
    assertThat(a.warnings()).isEmpty();
    assertThat(p.edition()).isEqualTo(Hj212Edition.HJ212_2017);
    assertThat(p.qn()).isEqualTo("20160801085857223");
    assertThat(p.st()).isEqualTo("32");
    assertThat(p.cn()).isEqualTo("1062");
    assertThat(p.pw()).isEqualTo("100000");
    assertThat(p.mn()).isEqualTo("010000A8900016F000169DC0");
    assertThat(p.flag()).isEqualTo(5);
    assertThat(p.ackRequested()).isTrue();
    assertThat(p.split()).isFalse();
    assertThat(p.pnum()).isNull();
    assertThat(p.pno()).isNull();
    assertThat(p.rf()).isNull();
    assertThat(p.items()).containsExactly(Hj212Item.of(new Hj212Field("RtdInterval", "30")));
    assertThat(p.dataTime()).isNull();
    assertThat(p.dataSegmentLength()).isEqualTo(101);
  }

  @Test
  void workedMinuteExample() {
    Accepted a = accept(MINUTE_2051);
    Hj212Packet p = a.packet();
    assertThat(a.warnings()).isEmpty();
    assertThat(p.dataTime()).isEqualTo(LocalDateTime.of(2025, 1, 15, 10, 20, 0));
    assertThat(p.dataTimeText()).isEqualTo("20250115102000");
    assertThat(p.items())
        .containsExactly(
            Hj212Item.of(new Hj212Field("DataTime", "20250115102000")),
            Hj212Item.of(new Hj212Field("a21026-Avg", "25.3"), new Hj212Field("a21026-Flag", "N")),
            Hj212Item.of(new Hj212Field("a19001-Avg", "7.8"), new Hj212Field("a19001-Flag", "N")));
    assertThat(p.pollutants())
        .containsExactly(
            Map.entry("a21026", Map.of("Avg", "25.3", "Flag", "N")),
            Map.entry("a19001", Map.of("Avg", "7.8", "Flag", "N")));
    assertThat(p.otherFields()).containsExactly(Map.entry("DataTime", "20250115102000"));
    assertThat(p.devices()).isEmpty();
    assertThat(p.originalCodes()).isEmpty();
    assertThat(p.value("a19001-Avg")).isEqualTo("7.8");
    assertThat(p.value("a19001-Min")).isNull();
  }

  @Test
  void hjt2122005UploadWithoutQnAndFlagMapsCodes() {
    Accepted a = accept(REALTIME_2005);
    Hj212Packet p = a.packet();
    assertThat(p.edition()).isEqualTo(Hj212Edition.HJT212_2005);
    assertThat(p.flag()).isNull();
    assertThat(p.qn()).isNull();
    assertThat(p.ackRequested()).isFalse();
    assertThat(p.mn()).isEqualTo("LD130133000015");
    assertThat(warnings(a))
        .containsExactly(
            Hj212Warning.NONSTANDARD_TIME, Hj212Warning.MISSING_FLAG, Hj212Warning.MISSING_QN);
    assertThat(p.dataTime()).isEqualTo(LocalDateTime.of(2016, 8, 24, 0, 38, 17));
    assertThat(p.pollutants().keySet()).containsExactly("w00000", "w01018", "w21003");
    assertThat(p.pollutants().get("w01018"))
        .containsExactly(Map.entry("Rtd", "231.0"), Map.entry("Flag", "N"));
    assertThat(p.originalCodes())
        .containsExactly(
            Map.entry("w00000", "B01"), Map.entry("w01018", "011"), Map.entry("w21003", "060"));
    assertThat(p.originalCode("w21003")).isEqualTo("060");
    assertThat(p.originalCode("a21026")).isEqualTo("a21026");
    assertThat(p.value("011-Rtd")).as("items keep names as sent").isEqualTo("231.0");
  }

  @Test
  void fluegas2005CodesAndDeviceState() {
    Hj212Packet p = accept(FLUE_2005).packet();
    assertThat(p.pollutants().keySet()).containsExactly("a21026", "a19001", "a00000");
    assertThat(p.originalCodes())
        .containsExactly(
            Map.entry("a21026", "02"), Map.entry("a19001", "S01"), Map.entry("a00000", "B02"));
    assertThat(p.devices()).containsExactly(Map.entry("SB1", Map.of("RS", "1")));
  }

  @Test
  void realtimeAndHourlyPackets() {
    Hj212Packet rt = accept(REALTIME_2011).packet();
    assertThat(rt.pollutants()).hasSize(10);
    assertThat(rt.pollutants().get("a01013")).containsEntry("Rtd", "-0.12");
    assertThat(rt.pollutants().get("a21026"))
        .containsExactly(
            Map.entry("Rtd", "25.3"), Map.entry("ZsRtd", "30.1"), Map.entry("Flag", "N"));
    Hj212Packet hour = accept(HOURLY_2061).packet();
    assertThat(hour.pollutants().get("a00000")).containsEntry("Cou", "451440");
    assertThat(hour.dataTime()).isEqualTo(LocalDateTime.of(2025, 1, 15, 10, 0));
  }

  @Test
  void splitPair() {
    Hj212Packet first = accept(SPLIT_1).packet();
    Hj212Packet second = accept(SPLIT_2).packet();
    assertThat(first.split()).isTrue();
    assertThat(first.ackRequested()).isTrue();
    assertThat(first.pnum()).isEqualTo(2);
    assertThat(first.pno()).isEqualTo(1);
    assertThat(second.pno()).isEqualTo(2);
    assertThat(first.qn()).isNotEqualTo(second.qn());
    assertThat(first.dataTimeText()).isEqualTo(second.dataTimeText());
  }

  @Test
  void heartbeatOf2025() {
    Accepted a = accept(HEARTBEAT_2025);
    assertThat(a.warnings()).isEmpty();
    assertThat(a.packet().edition()).isEqualTo(Hj212Edition.HJ212_2025);
    assertThat(a.packet().cn()).isEqualTo("9015");
    assertThat(a.packet().items()).isEmpty();
  }

  @Test
  void additionsOf2025() {
    Accepted backfill = accept(BACKFILL_2025);
    assertThat(backfill.warnings()).isEmpty();
    assertThat(backfill.packet().rf()).isEqualTo("1");
    assertThat(backfill.packet().backfill()).isTrue();
    assertThat(backfill.packet().pollutants()).containsKey("e10001");
    assertThat(backfill.packet().devices()).containsKey("SB1");
    assertThat(accept(RAW_2013).warnings()).isEmpty();
    Accepted check = accept(CHECK_2062);
    assertThat(warnings(check)).containsExactly(Hj212Warning.UNKNOWN_FIELD);
    assertThat(check.packet().pollutants().get("w01018"))
        .containsExactly(
            Map.entry("Check", "49.6"), Map.entry("StandardValue", "50.0"), Map.entry("Flag", "N"));
  }

  @Test
  void hostRequestsNeedNoDataTime() {
    assertThat(accept(HISTORY_REQUEST).warnings()).isEmpty();
    assertThat(accept(START_REALTIME).warnings()).isEmpty();
    assertThat(accept(SET_TIME).packet().value("SystemTime")).isEqualTo("20250115120000");
  }

  @Test
  void chineseTextCountsUtf8Bytes() {
    Hj212Packet p = accept(CHINESE_3020).packet();
    assertThat(p.value("w01018-Info")).isEqualTo("化学需氧量分析仪");
    assertThat(p.dataSegmentLength()).isEqualTo(160);
    assertThat(p.pollutants().get("w01018")).containsEntry("Info", "化学需氧量分析仪");
  }

  @Test
  void lowercaseCrc() {
    Accepted a = accept(OFFICIAL_1062.replace("1C80", "1c80"));
    assertThat(a.warnings()).containsExactly(new Hj212Notice(Hj212Warning.LOWERCASE_CRC, "1c80"));
    assertThat(a.hasWarning(Hj212Warning.LOWERCASE_CRC)).isTrue();
    assertThat(a.hasWarning(Hj212Warning.WHITESPACE)).isFalse();
  }

  @Test
  void whitespaceAroundTokensIsTrimmed() {
    Accepted a =
        accept(
            "##0147QN=20250115103000123; ST=31 ;CN=2051;PW=123456;MN=0A1B2C3D4E5F000000000001;"
                + "Flag=5;CP=&& DataTime=20250115102000 ; a21026-Avg = 25.3,a21026-Flag=N&&E2C1\r\n");
    assertThat(warnings(a)).containsExactly(Hj212Warning.WHITESPACE);
    Hj212Packet p = a.packet();
    assertThat(p.st()).isEqualTo("31");
    assertThat(p.value("a21026-Avg")).isEqualTo("25.3");
    assertThat(p.dataTimeText()).isEqualTo("20250115102000");
    assertThat(p.dataSegmentLength()).isEqualTo(147);
  }

  @Test
  void whitespaceAroundTheFrame() {
    Accepted a = accept("  " + MINUTE_2051.strip() + " \t\r\n\r\n");
    assertThat(a.warnings())
        .extracting(Hj212Notice::warning)
        .containsExactly(Hj212Warning.WHITESPACE_AROUND_FRAME);
    assertThat(a.packet()).isEqualTo(accept(MINUTE_2051).packet());
  }

  @Test
  void trailerMayBeMissingOrPartial() {
    String bare = MINUTE_2051.substring(0, MINUTE_2051.length() - 2);
    assertThat(accept(bare).warnings()).isEmpty();
    assertThat(accept(bare + "\n").warnings()).isEmpty();
    assertThat(accept(bare + "\r").warnings()).isEmpty();
  }

  @Test
  void emptyFieldsAreSkipped() {
    Accepted a =
        accept(
            "##0142QN=20250115103000123;ST=31;CN=2051;PW=123456;MN=0A1B2C3D4E5F000000000001;Flag=5;"
                + "CP=&&DataTime=20250115102000;;a21026-Avg=25.3,a21026-Flag=N;&&ACC1\r\n");
    assertThat(warnings(a)).containsExactly(Hj212Warning.EMPTY_FIELD);
    assertThat(a.packet().items()).hasSize(2);
  }

  @Test
  void unknownCodesAndFieldsAreKept() {
    Accepted a =
        accept(
            "##0129QN=20250115103000123;ST=77;CN=2999;PW=123456;MN=0A1B2C3D4E5F000000000001;Flag=5;"
                + "CP=&&DataTime=20250115102000;a21026-Foo=1;Bar=2&&A281\r\n");
    assertThat(a.warnings())
        .containsExactly(
            new Hj212Notice(Hj212Warning.UNKNOWN_FIELD, "a21026-Foo"),
            new Hj212Notice(Hj212Warning.UNKNOWN_ST, "77"),
            new Hj212Notice(Hj212Warning.UNKNOWN_CN, "2999"));
    assertThat(a.packet().pollutants()).containsEntry("a21026", Map.of("Foo", "1"));
    assertThat(a.packet().otherFields()).containsEntry("Bar", "2");
  }

  @Test
  void headerOutOfOrder() {
    Accepted a =
        accept(
            "##0126ST=31;QN=20250115103000123;CN=2051;PW=123456;MN=0A1B2C3D4E5F000000000001;Flag=5;"
                + "CP=&&DataTime=20250115102000;a21026-Avg=25.3&&2640\r\n");
    assertThat(a.warnings())
        .containsExactly(new Hj212Notice(Hj212Warning.FIELD_ORDER, "QN after ST"));
  }

  @Test
  void shortMnIn2017() {
    Accepted a =
        accept(
            "##0116QN=20250115103000123;ST=31;CN=2051;PW=123456;MN=LD130133000015;Flag=5;"
                + "CP=&&DataTime=20250115102000;a21026-Avg=25.3&&9C01\r\n");
    assertThat(warnings(a)).containsExactly(Hj212Warning.SHORT_MN);
  }

  @Test
  void nonstandardMnAndQn() {
    assertThat(
            warnings(
                accept(
                    "##0112QN=20250115103000123;ST=31;CN=2051;PW=123456;MN=ABC1234567;Flag=5;"
                        + "CP=&&DataTime=20250115102000;a21026-Avg=25.3&&5140\r\n")))
        .containsExactly(Hj212Warning.NONSTANDARD_MN);
    assertThat(
            warnings(
                accept(
                    "##0123QN=20250115103000;ST=31;CN=2051;PW=123456;MN=0A1B2C3D4E5F000000000001;"
                        + "Flag=5;CP=&&DataTime=20250115102000;a21026-Avg=25.3&&2200\r\n")))
        .containsExactly(Hj212Warning.NONSTANDARD_QN);
  }

  @Test
  void unknownDataFlagIsKept() {
    Accepted a =
        accept(
            "##0140QN=20250115103000123;ST=31;CN=2051;PW=123456;MN=0A1B2C3D4E5F000000000001;Flag=5;"
                + "CP=&&DataTime=20250115102000;a21026-Avg=25.3,a21026-Flag=X&&1380\r\n");
    assertThat(a.warnings())
        .containsExactly(new Hj212Notice(Hj212Warning.UNKNOWN_DATA_FLAG, "a21026-Flag=X"));
    assertThat(a.packet().pollutants().get("a21026")).containsEntry("Flag", "X");
  }

  @Test
  void unknownVersionBitsAreAccepted() {
    Accepted a =
        accept(
            "##0127QN=20250115103000123;ST=31;CN=2051;PW=123456;MN=0A1B2C3D4E5F000000000001;"
                + "Flag=13;CP=&&DataTime=20250115102000;a21026-Avg=25.3&&56C0\r\n");
    assertThat(warnings(a)).containsExactly(Hj212Warning.UNKNOWN_VERSION);
    assertThat(a.packet().versionBits()).isEqualTo(3);
    assertThat(a.packet().edition()).isEqualTo(Hj212Edition.HJ212_2025);
    assertThat(a.packet().ackRequested()).isTrue();
  }

  @Test
  void missingPw() {
    Accepted a =
        accept(
            "##0116QN=20250115103000123;ST=31;CN=2051;MN=0A1B2C3D4E5F000000000001;Flag=5;"
                + "CP=&&DataTime=20250115102000;a21026-Avg=25.3&&F3C1\r\n");
    assertThat(warnings(a)).containsExactly(Hj212Warning.MISSING_PW);
    assertThat(a.packet().pw()).isNull();
  }

  @Test
  void duplicateCpFieldKeepsTheFirstInViews() {
    Accepted a =
        accept(
            "##0142QN=20250115103000123;ST=31;CN=2051;PW=123456;MN=0A1B2C3D4E5F000000000001;Flag=5;"
                + "CP=&&DataTime=20250115102000;a21026-Avg=25.3;a21026-Avg=26.0&&95C1\r\n");
    assertThat(a.warnings())
        .containsExactly(new Hj212Notice(Hj212Warning.DUPLICATE_FIELD, "a21026-Avg"));
    assertThat(a.packet().pollutants().get("a21026")).containsEntry("Avg", "25.3");
    assertThat(a.packet().fields()).hasSize(3);
  }

  @Test
  void splitFieldsWithoutDBit() {
    Accepted a =
        accept(
            "##0139QN=20250115103000123;ST=31;CN=2051;PW=123456;MN=0A1B2C3D4E5F000000000001;Flag=5;"
                + "PNUM=1;PNO=1;CP=&&DataTime=20250115102000;a21026-Avg=25.3&&1B00\r\n");
    assertThat(warnings(a)).containsExactly(Hj212Warning.SPLIT_FIELDS_WITHOUT_D_BIT);
    assertThat(a.packet().split()).isFalse();
    assertThat(a.packet().pnum()).isEqualTo(1);
  }

  @Test
  void unknownHeaderFieldIsKept() {
    Accepted a =
        accept(
            "##0138QN=20250115103000123;ST=31;CN=2051;PW=123456;MN=0A1B2C3D4E5F000000000001;Flag=5;"
                + "Vendor=acme;CP=&&DataTime=20250115102000;a21026-Avg=25.3&&5F00\r\n");
    assertThat(a.warnings()).containsExactly(new Hj212Notice(Hj212Warning.UNKNOWN_FIELD, "Vendor"));
    assertThat(a.packet().headerExtras()).containsExactly(new Hj212Field("Vendor", "acme"));
  }

  @Test
  void decodesAFrameInsideALargerBuffer() {
    byte[] frame = MINUTE_2051.getBytes(StandardCharsets.US_ASCII);
    byte[] buffer = new byte[frame.length + 20];
    System.arraycopy(frame, 0, buffer, 7, frame.length);
    Hj212DecodeResult result = decoder.decode(buffer, 7, frame.length);
    assertThat(result.packetOrNull()).isEqualTo(accept(MINUTE_2051).packet());
  }

  @Test
  void decoderIsReusable() {
    assertThat(decoder.decode(OFFICIAL_1062.replace("1C80", "1c80")).ok()).isTrue();
    assertThat(accept(MINUTE_2051).warnings()).isEmpty();
    assertThat(decoder.decode("garbage").ok()).isFalse();
    assertThat(accept(HOURLY_2061).warnings()).isEmpty();
  }

  @Test
  void packetEqualityIsByText() {
    Hj212Packet a = accept(MINUTE_2051).packet();
    Hj212Packet b = accept(MINUTE_2051.replace("\r\n", "")).packet();
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(accept(HOURLY_2061).packet());
    assertThat(a.toString())
        .startsWith("QN=20250115103000123;ST=31;CN=2051;")
        .endsWith("a19001-Flag=N&&");
  }

  @Test
  void fieldSplitsCodeAndKind() {
    assertThat(new Hj212Field("a21026-ZsAvg", "1").code()).isEqualTo("a21026");
    assertThat(new Hj212Field("a21026-ZsAvg", "1").kind()).isEqualTo("ZsAvg");
    assertThat(new Hj212Field("DataTime", "1").code()).isNull();
    assertThat(new Hj212Field("-Rtd", "1").kind()).isNull();
  }
}
