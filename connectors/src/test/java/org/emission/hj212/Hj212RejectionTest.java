package org.emission.hj212;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emission.hj212.Hj212Samples.*;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.emission.hj212.Hj212DecodeResult.Rejected;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class Hj212RejectionTest {

  private static final String HEAD =
      "QN=20250115103000123;ST=31;CN=2051;PW=123456;MN=0A1B2C3D4E5F000000000001;Flag=5;";

  private final Hj212Decoder decoder = new Hj212Decoder();

  /** Frame, expected reason, expected field (or null), a fragment of the detail. */
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("", Hj212RejectReason.NO_HEADER, null, "does not start with ##"),
        Arguments.of("QN=1;ST=31", Hj212RejectReason.NO_HEADER, null, "'QN=1;ST=...'"),
        Arguments.of("#0101" + OFFICIAL_1062.substring(6), Hj212RejectReason.NO_HEADER, null, "##"),
        Arguments.of("##01", Hj212RejectReason.BAD_LENGTH_FIELD, null, "ends before"),
        Arguments.of(
            "##01a1" + OFFICIAL_1062.substring(6),
            Hj212RejectReason.BAD_LENGTH_FIELD,
            null,
            "'01a1'"),
        Arguments.of(
            "##1025" + OFFICIAL_1062.substring(6),
            Hj212RejectReason.TOO_LONG,
            null,
            "1025 exceeds 1024"),
        Arguments.of(
            "##0100" + OFFICIAL_1062.substring(6),
            Hj212RejectReason.LENGTH_MISMATCH,
            null,
            "declared 100 bytes, data segment has 101 bytes"),
        Arguments.of(
            "##0144" + CHINESE_3020.substring(6),
            Hj212RejectReason.LENGTH_MISMATCH,
            null,
            "declared 144 bytes, data segment has 160 bytes"),
        Arguments.of("##0101QN=2016", Hj212RejectReason.LENGTH_MISMATCH, null, "only 7 bytes"),
        Arguments.of(
            OFFICIAL_1062.replace("1C80", "1CX0"), Hj212RejectReason.BAD_CRC_FIELD, null, "'1CX0'"),
        Arguments.of(
            OFFICIAL_1062.replace("1C80", "1C81"),
            Hj212RejectReason.CRC_MISMATCH,
            null,
            "packet says 1C81, computed 1C80"),
        Arguments.of(
            OFFICIAL_1062.replace("10000A89", "10000A88"),
            Hj212RejectReason.CRC_MISMATCH,
            null,
            "packet says 1C80, computed"),
        Arguments.of(
            BACKFILL_2025.replace("C481", "C482"),
            Hj212RejectReason.CRC_MISMATCH,
            null,
            "packet says C482, computed C481"),
        Arguments.of(
            OFFICIAL_1062.replace("1C80\r\n", "1C80XY\r\n"),
            Hj212RejectReason.MISSING_TRAILER,
            null,
            "'XY' instead of CR LF"),
        Arguments.of(
            OFFICIAL_1062 + MINUTE_2051, Hj212RejectReason.TRAILING_DATA, null, "after the CR LF"),
        Arguments.of(
            "##0121" + HEAD + "CP=&&DataTime=20250115102000;a21026-Avg&&7F80\r\n",
            Hj212RejectReason.BAD_GRAMMAR,
            null,
            "'a21026-Avg' has no '='"),
        Arguments.of(
            "##0125" + HEAD + "CP=&&DataTime=20250115102000;a21026-Avg=25.3&7700\r\n",
            Hj212RejectReason.BAD_GRAMMAR,
            null,
            "must end with the &&"),
        Arguments.of(
            "##0126" + HEAD + "CP=&&DataTime=20250115102000;a21026-Avg=25=3&&D081\r\n",
            Hj212RejectReason.BAD_GRAMMAR,
            null,
            "'=' in the value of a21026-Avg"),
        Arguments.of(
            "##0141"
                + HEAD
                + "CP=&&DataTime=20250115102000;a21026-Avg=25,3x,a21026-Flag=N&&CD41\r\n",
            Hj212RejectReason.BAD_GRAMMAR,
            null,
            "'3x' has no '='"),
        Arguments.of(
            "##0127" + HEAD + "CP=&&DataTime=20250115102000;a21026-Avg=25.3\u0001&&0CC0\r\n",
            Hj212RejectReason.BAD_GRAMMAR,
            null,
            "byte 0x01"),
        Arguments.of(
            "##0142"
                + HEAD
                + "CP=&&DataTime=20250115102000;a21026-Avg=25.3&&a19001-Avg=7.8&&53C0\r\n",
            Hj212RejectReason.BAD_GRAMMAR,
            null,
            "'&&' inside the CP area"),
        Arguments.of(
            "##0126" + HEAD + "CP=&&DataTime=20250115102000;a21026 Avg=25.3&&C181\r\n",
            Hj212RejectReason.BAD_GRAMMAR,
            null,
            "invalid character ' ' in field name 'a21026 Avg'"),
        Arguments.of(
            "##0134QN=20250115103000123;ST=31;CN=2051;CN=2061;PW=123456;MN=0A1B2C3D4E5F000000000001;"
                + "Flag=5;CP=&&DataTime=20250115102000;a21026-Avg=25.3&&2800\r\n",
            Hj212RejectReason.DUPLICATE_FIELD,
            "CN",
            "CN appears twice"),
        Arguments.of(
            "##0098QN=20250115103000123;ST=31;CN=2051;PW=123456;Flag=5;"
                + "CP=&&DataTime=20250115102000;a21026-Avg=25.3&&1400\r\n",
            Hj212RejectReason.MISSING_FIELD,
            "MN",
            "MN is required"),
        Arguments.of(
            "##0079QN=20250115103000123;ST=31;CN=2051;PW=123456;MN=0A1B2C3D4E5F000000000001;"
                + "Flag=52200\r\n",
            Hj212RejectReason.MISSING_FIELD,
            "CP",
            "no CP=&&...&& data area"),
        Arguments.of(
            "##0102" + HEAD + "CP=&&a21026-Avg=25.3&&AF01\r\n",
            Hj212RejectReason.MISSING_FIELD,
            "DataTime",
            "DataTime is required for a CN=2051 upload"),
        Arguments.of(
            "##0126QN=20250115103000123;ST=31;CN=2051;PW=123456;MN=0A1B2C3D4E5F000000000001;Flag=7;"
                + "CP=&&DataTime=20250115102000;a21026-Avg=25.3&&FE41\r\n",
            Hj212RejectReason.MISSING_FIELD,
            "PNUM",
            "PNUM is required"),
        Arguments.of(
            "##0139" + HEAD + "CP=&&DataTime=20250115102000;a21026-Avg=abc,a21026-Flag=N&&3300\r\n",
            Hj212RejectReason.BAD_FIELD_VALUE,
            "a21026-Avg",
            "a21026-Avg='abc' is not a number"),
        Arguments.of(
            "##0126" + HEAD + "CP=&&DataTime=20250230102000;a21026-Avg=25.3&&3FC0\r\n",
            Hj212RejectReason.BAD_FIELD_VALUE,
            "DataTime",
            "DataTime='20250230102000' is not a yyyyMMddHHmmss time"),
        Arguments.of(
            "##0126QN=20250115103000123;ST=31;CN=20A1;PW=123456;MN=0A1B2C3D4E5F000000000001;Flag=5;"
                + "CP=&&DataTime=20250115102000;a21026-Avg=25.3&&4040\r\n",
            Hj212RejectReason.BAD_FIELD_VALUE,
            "CN",
            "CN='20A1' is not a 4-digit command code"),
        Arguments.of(
            "##0128QN=20250115103000123;ST=31;CN=2051;PW=123456;MN=0A1B2C3D4E5F000000000001;Flag=300;"
                + "CP=&&DataTime=20250115102000;a21026-Avg=25.3&&7800\r\n",
            Hj212RejectReason.BAD_FIELD_VALUE,
            "Flag",
            "Flag='300' is not an integer 0..255"),
        Arguments.of(
            "##0139QN=20250115103000123;ST=31;CN=2051;PW=123456;MN=0A1B2C3D4E5F000000000001;Flag=7;"
                + "PNUM=2;PNO=3;CP=&&DataTime=20250115102000;a21026-Avg=25.3&&0880\r\n",
            Hj212RejectReason.BAD_FIELD_VALUE,
            "PNO",
            "PNO='3' is not a sub-packet number 1..2"),
        Arguments.of(
            "##0190"
                + HEAD
                + "CP=&&DataTime=20250115102000;"
                + "a".repeat(70)
                + "-Avg=25.3&&0140\r\n",
            Hj212RejectReason.FIELD_TOO_LONG,
            "a".repeat(64),
            "field name of 74 bytes, limit 64"),
        Arguments.of(
            "##0151QN=20260301090000123;ST=31;CN=2051;PW=123456;MN=0A1B2C3D4E5F000000000001;Flag=9;"
                + "CP=&&3F9A0C7E11B2D4E5A6C7B8D9E0F1A2B3C4D5E6F708192A3B4C5D6E7F8091A2B3&&4540\r\n",
            Hj212RejectReason.ENCRYPTED_UNSUPPORTED,
            null,
            "looks SM4-encrypted"),
        Arguments.of(
            "##0151QN=20260301090000123;ST=31;CN=2051;PW=123456;MN=0A1B2C3D4E5F000000000001;Flag=9;"
                + "CP=&&3F9A0C7E11B2D4E5A6C7B8D9E0F1A2B3C4D5E6F708192A3B4C5D6E7F8091A2B3&&1C80\r\n",
            Hj212RejectReason.ENCRYPTED_UNSUPPORTED,
            null,
            "looks SM4-encrypted"),
        Arguments.of(
            "##0151"
                + HEAD
                + "CP=&&3F9A0C7E11B2D4E5A6C7B8D9E0F1A2B3C4D5E6F708192A3B4C5D6E7F8091A2B3&&6240\r\n",
            Hj212RejectReason.BAD_GRAMMAR,
            null,
            "has no '='"));
  }

  @ParameterizedTest(name = "{1} {3}")
  @MethodSource("cases")
  void rejects(String frame, Hj212RejectReason reason, String field, String detail) {
    Hj212DecodeResult result = decoder.decode(frame);
    assertThat(result).isInstanceOf(Rejected.class);
    Rejected r = (Rejected) result;
    assertThat(r.reason()).as(r.message()).isEqualTo(reason);
    assertThat(r.field()).isEqualTo(field);
    assertThat(r.detail()).contains(detail);
    assertThat(r.packetOrNull()).isNull();
  }

  @Test
  void crcMessageIsExact() {
    Rejected r = (Rejected) decoder.decode(OFFICIAL_1062.replace("1C80", "1C81"));
    assertThat(r.message()).isEqualTo("CRC mismatch: packet says 1C81, computed 1C80");
    assertThat(r.reasonText()).isEqualTo("CRC_MISMATCH: packet says 1C81, computed 1C80");
  }

  @Test
  void dataSegmentOverTheLimitIsTooLong() {
    String segment =
        HEAD
            + "CP=&&DataTime=20250115102000;a21026-Avg="
            + "1".repeat(20)
            + ";x="
            + "y".repeat(950)
            + "&&";
    String frame = Hj212Encoder.frame(segment);
    Rejected r = (Rejected) decoder.decode(frame);
    assertThat(r.reason()).isEqualTo(Hj212RejectReason.TOO_LONG);
    Rejected wrongLength = (Rejected) decoder.decode("##0100" + frame.substring(6));
    assertThat(wrongLength.reason()).isEqualTo(Hj212RejectReason.TOO_LONG);
    assertThat(wrongLength.detail()).contains("limit 1024");
  }

  @Test
  void valueOverItsBoundIsFieldTooLong() {
    String frame =
        Hj212Encoder.frame(
            HEAD + "CP=&&DataTime=20250115102000;i11001-Info=" + "x".repeat(513) + "&&");
    Rejected r = (Rejected) decoder.decode(frame);
    assertThat(r.reason()).isEqualTo(Hj212RejectReason.FIELD_TOO_LONG);
    assertThat(r.field()).isEqualTo("i11001-Info");
  }

  /** GBK instead of UTF-8 Chinese; CRC FF01 computed over these bytes. */
  @Test
  void nonUtf8BytesAreBadEncoding() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(
        ("##0152QN=20250115103000789;ST=32;CN=3020;PW=123456;MN=0A1B2C3D4E5F000000000001;Flag=5;"
                + "CP=&&DataTime=20250115103000;PolId=w01018;w01018-Info=")
            .getBytes(StandardCharsets.US_ASCII));
    bytes.write("化学需氧量分析仪".getBytes(Charset.forName("GBK")));
    bytes.write("&&FF01\r\n".getBytes(StandardCharsets.US_ASCII));
    Rejected r = (Rejected) decoder.decode(bytes.toByteArray());
    assertThat(r.reason()).isEqualTo(Hj212RejectReason.BAD_ENCODING);
  }

  @Test
  void everyDecoderReasonHasACase() {
    Set<Hj212RejectReason> covered =
        cases().map(a -> (Hj212RejectReason) a.get()[1]).collect(Collectors.toSet());
    covered.add(Hj212RejectReason.BAD_ENCODING);
    Set<Hj212RejectReason> assemblerOnly =
        EnumSet.of(Hj212RejectReason.SPLIT_TIMEOUT, Hj212RejectReason.SPLIT_EVICTED);
    assertThat(covered).containsAll(EnumSet.complementOf(EnumSet.copyOf(assemblerOnly)));
  }
}
