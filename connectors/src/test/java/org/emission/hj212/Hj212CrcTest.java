package org.emission.hj212;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class Hj212CrcTest {

  /** HJ 212-2017 Appendix A, step by step: the reference the fast version must equal. */
  static int bitwise(byte[] bytes, int off, int len) {
    int reg = 0xFFFF;
    for (int i = off; i < off + len; i++) {
      reg = (reg >> 8) ^ (bytes[i] & 0xFF);
      for (int bit = 0; bit < 8; bit++) {
        int lsb = reg & 1;
        reg >>= 1;
        if (lsb == 1) {
          reg ^= 0xA001;
        }
      }
    }
    return reg;
  }

  /** Modbus CRC-16, which HJ 212 is not. */
  static int modbus(byte[] bytes) {
    int reg = 0xFFFF;
    for (byte b : bytes) {
      reg ^= b & 0xFF;
      for (int bit = 0; bit < 8; bit++) {
        reg = (reg & 1) != 0 ? (reg >>> 1) ^ 0xA001 : reg >>> 1;
      }
    }
    return reg;
  }

  private static int crc(String s) {
    return Hj212Crc.compute(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void checkValuesOfHj212Md() {
    assertThat(Hj212Crc.toHex(crc("123456789"))).isEqualTo("2F80");
    assertThat(
            Hj212Crc.toHex(
                crc(
                    "QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;"
                        + "CP=&&RtdInterval=30&&")))
        .isEqualTo("1C80");
    assertThat(
            Hj212Crc.toHex(
                crc(
                    "QN=20250115103000123;ST=31;CN=2051;PW=123456;MN=0A1B2C3D4E5F000000000001;Flag=5;"
                        + "CP=&&DataTime=20250115102000;a21026-Avg=25.3,a21026-Flag=N;"
                        + "a19001-Avg=7.8,a19001-Flag=N&&")))
        .isEqualTo("7200");
    assertThat(
            Hj212Crc.toHex(
                crc(
                    "QN=20250115103000123;ST=91;CN=9014;PW=123456;MN=0A1B2C3D4E5F000000000001;Flag=4;"
                        + "CP=&&&&")))
        .isEqualTo("BB01");
  }

  @Test
  void isNotModbus() {
    byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
    assertThat(Hj212Crc.toHex(modbus(check))).isEqualTo("4B37");
    assertThat(Hj212Crc.compute(check)).isNotEqualTo(modbus(check));
  }

  @Test
  void emptyInputIsTheInitialRegister() {
    assertThat(Hj212Crc.compute(new byte[0])).isEqualTo(0xFFFF);
  }

  @Test
  void slicedLoopEqualsTheStandardsBitLoopOnRandomBytes() {
    Random random = new Random(212);
    for (int n = 0; n < 5000; n++) {
      byte[] bytes = new byte[random.nextInt(80)];
      random.nextBytes(bytes);
      int off = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
      int len = bytes.length - off == 0 ? 0 : random.nextInt(bytes.length - off + 1);
      assertThat(Hj212Crc.compute(bytes, off, len))
          .as("bytes %d..%d", off, off + len)
          .isEqualTo(bitwise(bytes, off, len));
    }
  }

  @Test
  void nonAsciiBytesAreUnsigned() {
    byte[] utf8 = "化学需氧量".getBytes(StandardCharsets.UTF_8);
    assertThat(Hj212Crc.compute(utf8)).isEqualTo(bitwise(utf8, 0, utf8.length));
  }

  @Test
  void updateContinuesACrc() {
    byte[] bytes = "QN=20160801085857223;ST=32".getBytes(StandardCharsets.US_ASCII);
    int first = Hj212Crc.update(Hj212Crc.INITIAL, bytes, 0, 11);
    assertThat(Hj212Crc.update(first, bytes, 11, bytes.length - 11))
        .isEqualTo(Hj212Crc.compute(bytes));
  }

  @Test
  void only256DistinctValuesExist() {
    Random random = new Random(7);
    Set<Integer> seen = new HashSet<>();
    for (int n = 0; n < 20000; n++) {
      byte[] bytes = new byte[1 + random.nextInt(20)];
      random.nextBytes(bytes);
      seen.add(Hj212Crc.compute(bytes));
    }
    assertThat(seen).hasSizeLessThanOrEqualTo(256);
  }

  @Test
  void hexIsUpperCaseHighByteFirst() {
    assertThat(Hj212Crc.toHex(0x1C80)).isEqualTo("1C80");
    assertThat(Hj212Crc.toHex(0x00AB)).isEqualTo("00AB");
  }
}
