package org.emission.domain.cems;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Random;
import org.emission.domain.DataFlag;
import org.junit.jupiter.api.Test;

/** The shortcuts of field parsing read every text exactly as the plain definitions do. */
class MinuteReadingParseTest {

  /** {@code CemsSample.decimal(...)} as a double: the definition of a field's number. */
  private static Double byTheBook(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return new BigDecimal(text).doubleValue();
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static void check(String text) {
    Double expected = byTheBook(text);
    Double actual = MinuteReading.number(text);
    assertThat(actual == null ? null : Double.doubleToRawLongBits(actual))
        .as("'%s'", text)
        .isEqualTo(expected == null ? null : Double.doubleToRawLongBits(expected));
  }

  @Test
  void numbersAreReadAsBigDecimalReadsThem() {
    String[] special = {
      null,
      "",
      "-",
      "+",
      ".",
      "-.",
      "1.",
      ".5",
      "-.5",
      "+1",
      "-0",
      "+0",
      "-0.0",
      "00012.300",
      "1e3",
      "1E-3",
      "1.5E2",
      " 1",
      "1 ",
      "1,5",
      "NaN",
      "Infinity",
      "0x10",
      "1.2.3",
      "--1",
      "4503599627370495.5",
      "4503599627370496.5",
      "999999999999999999",
      "1000000000000000000",
      "9223372036854775807",
      "-9223372036854775808",
      "0.000000000000000000000001",
      "123456789012345678",
      "12345678901234567.8",
      "0.1",
      "0.3",
      "266.0",
      "1000000"
    };
    for (String s : special) {
      check(s);
    }
    Random rng = new Random(9);
    String alphabet = "0123456789.-+eE";
    for (int i = 0; i < 100_000; i++) {
      // plain decimals of 1 to 20 digits
      int digits = 1 + rng.nextInt(20);
      StringBuilder b = new StringBuilder(rng.nextInt(4) == 0 ? "-" : "");
      int point = rng.nextInt(digits + 2);
      for (int d = 0; d < digits; d++) {
        if (d == point && d > 0) {
          b.append('.');
        }
        b.append((char) ('0' + rng.nextInt(10)));
      }
      check(b.toString());
      // the way loggers and the simulator write values
      check(String.format(Locale.ROOT, "%." + rng.nextInt(7) + "f", rng.nextDouble() * 1e6));
      // any short text of number characters
      StringBuilder any = new StringBuilder();
      for (int n = rng.nextInt(8); n > 0; n--) {
        any.append(alphabet.charAt(rng.nextInt(alphabet.length())));
      }
      check(any.toString());
    }
  }

  /** The flag parsing as it is defined: trimmed, upper case, an unknown letter is D. */
  private static DataFlag flagByTheBook(String text) {
    if (text == null || text.isBlank()) {
      return DataFlag.N;
    }
    try {
      return DataFlag.valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return DataFlag.D;
    }
  }

  @Test
  void flagsAreReadAsDefined() {
    for (char c = 0; c < Character.MAX_VALUE; c++) {
      String text = String.valueOf(c);
      assertThat(DataFlag.parse(text)).as("U+%04X", (int) c).isEqualTo(flagByTheBook(text));
    }
    for (String text : new String[] {null, "", " ", " N ", "n", "NN", "t ", "ı", "\u0130"}) {
      assertThat(DataFlag.parse(text)).as("'%s'", text).isEqualTo(flagByTheBook(text));
    }
  }
}
