package org.emission.hj212;

import java.util.HashMap;
import java.util.Map;

/**
 * Code tables of HJ 212: command codes (CN, HJ 212-2017 Table 9), system codes (ST, Table 5), CP
 * field names (Table 4) and the HJ/T 212-2005 to 2017 pollutant code mapping (2017 Appendix B, from
 * HJ 524-2009 / HJ 525-2009). Additions of HJ 212-2025 are taken from secondary sources (see {@code
 * domain/hj212.md} §8, §9).
 */
public final class Hj212Codes {

  /** How a CP value is checked. */
  static final int VALUE_TEXT = 0;

  /** Number N14.2: optional sign, digits, optional point (HJ 212-2017 §6.3.3.2.2). */
  static final int VALUE_NUMBER = 1;

  /** Data flag, C1 (HJ 212-2017 Table 8). */
  static final int VALUE_DATA_FLAG = 2;

  /** Time N14, {@code yyyyMMddHHmmss}. */
  static final int VALUE_TIME = 3;

  /** Unsigned integer, e.g. QnRtn (N3). */
  static final int VALUE_INTEGER = 4;

  /** Header field ranks, in the standard's order (HJ 212-2017 §6.3.2 and Table 3). */
  static final int QN = 0;

  static final int ST = 1;
  static final int CN = 2;
  static final int PW = 3;
  static final int MN = 4;
  static final int FLAG = 5;
  static final int PNUM = 6;
  static final int PNO = 7;
  static final int RF = 8;
  static final int CP = 9;

  static final String[] HEADER_NAMES = {
    "QN", "ST", "CN", "PW", "MN", "Flag", "PNUM", "PNO", "RF", "CP"
  };

  static final ByteDictionary HEADER =
      new ByteDictionary(
          Map.of(
              "QN", QN, "ST", ST, "CN", CN, "PW", PW, "MN", MN, "Flag", FLAG, "PNUM", PNUM, "PNO",
              PNO, "RF", RF, "CP", CP));

  /** Kinds after the last '-' of {@code <code>-<kind>} names (HJ 212-2017 Table 4). */
  static final ByteDictionary KINDS =
      new ByteDictionary(
          Map.ofEntries(
              Map.entry("Rtd", VALUE_NUMBER),
              Map.entry("Avg", VALUE_NUMBER),
              Map.entry("Min", VALUE_NUMBER),
              Map.entry("Max", VALUE_NUMBER),
              Map.entry("Cou", VALUE_NUMBER),
              Map.entry("ZsRtd", VALUE_NUMBER),
              Map.entry("ZsAvg", VALUE_NUMBER),
              Map.entry("ZsMin", VALUE_NUMBER),
              Map.entry("ZsMax", VALUE_NUMBER),
              Map.entry("Flag", VALUE_DATA_FLAG),
              Map.entry("EFlag", VALUE_TEXT),
              Map.entry("SampleTime", VALUE_TIME),
              Map.entry("RS", VALUE_NUMBER),
              Map.entry("RT", VALUE_NUMBER),
              Map.entry("Info", VALUE_TEXT),
              Map.entry("SN", VALUE_TEXT),
              Map.entry("Data", VALUE_NUMBER),
              Map.entry("DayData", VALUE_NUMBER),
              Map.entry("NightData", VALUE_NUMBER)));

  /** The known kinds as Strings, so that grouped views share them instead of copying. */
  static final String[] KIND_NAMES = {
    "Rtd",
    "Avg",
    "Min",
    "Max",
    "Cou",
    "ZsRtd",
    "ZsAvg",
    "ZsMin",
    "ZsMax",
    "Flag",
    "EFlag",
    "SampleTime",
    "RS",
    "RT",
    "Info",
    "SN",
    "Data",
    "DayData",
    "NightData"
  };

  static final ByteDictionary KIND_INDEX = indexOf(KIND_NAMES);

  /** CP field names without a code part (HJ 212-2017 Table 4 and Appendix C). */
  static final ByteDictionary PLAIN_FIELDS =
      new ByteDictionary(
          Map.ofEntries(
              Map.entry("DataTime", VALUE_TIME),
              Map.entry("BeginTime", VALUE_TIME),
              Map.entry("EndTime", VALUE_TIME),
              Map.entry("SystemTime", VALUE_TIME),
              Map.entry("RestartTime", VALUE_TIME),
              Map.entry("QnRtn", VALUE_INTEGER),
              Map.entry("ExeRtn", VALUE_INTEGER),
              Map.entry("RtdInterval", VALUE_INTEGER),
              Map.entry("MinInterval", VALUE_INTEGER),
              Map.entry("OverTime", VALUE_INTEGER),
              Map.entry("ReCount", VALUE_INTEGER),
              Map.entry("PolId", VALUE_TEXT),
              Map.entry("NewPW", VALUE_TEXT),
              Map.entry("InfoId", VALUE_TEXT),
              Map.entry("VaseNo", VALUE_TEXT),
              Map.entry("CstartTime", VALUE_TEXT),
              Map.entry("CTime", VALUE_TEXT),
              Map.entry("Ctime", VALUE_TEXT),
              Map.entry("Stime", VALUE_TEXT)));

  private static final boolean[] KNOWN_CN = new boolean[10000];

  /** Uploads that carry DataTime (HJ 212-2017 Appendix C; 2025: 2013, 2052, 2062, 2111). */
  private static final boolean[] DATA_UPLOAD_CN = new boolean[10000];

  /**
   * Uploads answered with 9014 when the A bit is set (HJ 212-2017 Tables C.14-C.18, C.24, C.39).
   */
  private static final boolean[] ANSWERED_UPLOAD_CN = new boolean[10000];

  private static final boolean[] KNOWN_ST = new boolean[100];

  private static final Map<String, String> CODE_2005_TO_2017 =
      Map.ofEntries(
          Map.entry("B02", "a00000"),
          Map.entry("S02", "a01011"),
          Map.entry("S03", "a01012"),
          Map.entry("S08", "a01013"),
          Map.entry("S05", "a01014"),
          Map.entry("S07", "a01016"),
          Map.entry("S04", "a01017"),
          Map.entry("S01", "a19001"),
          Map.entry("01", "a34013"),
          Map.entry("02", "a21026"),
          Map.entry("03", "a21002"),
          Map.entry("04", "a21005"),
          Map.entry("31", "a20057"),
          Map.entry("30", "a05001"),
          Map.entry("B01", "w00000"),
          Map.entry("001", "w01001"),
          Map.entry("011", "w01018"),
          Map.entry("060", "w21003"),
          Map.entry("065", "w21001"),
          Map.entry("101", "w21011"));

  static {
    int[] cn2017 = {
      1000, 1011, 1012, 1013, 1061, 1062, 1063, 1064, 1072, 2011, 2012, 2021, 2022, 2031, 2041,
      2051, 2061, 2081, 3011, 3012, 3013, 3014, 3015, 3016, 3017, 3018, 3019, 3020, 3021, 9011,
      9012, 9013, 9014
    };
    int[] cn2025 = {1001, 1002, 1014, 2013, 2052, 2062, 2111, 9015};
    for (int cn : cn2017) {
      KNOWN_CN[cn] = true;
    }
    for (int cn : cn2025) {
      KNOWN_CN[cn] = true;
    }
    for (int cn : new int[] {2011, 2021, 2031, 2041, 2051, 2061, 2081, 2013, 2052, 2062, 2111}) {
      DATA_UPLOAD_CN[cn] = true;
      ANSWERED_UPLOAD_CN[cn] = true;
    }
    ANSWERED_UPLOAD_CN[3019] = true;
    ANSWERED_UPLOAD_CN[3020] = true;
    int[] st = {
      21, 22, 23, 24, 25, 26, 27, 31, 32, 33, 34, 35, 36, 37, 38, 39, 41, 44, 45, 51, 52, 91
    };
    for (int code : st) {
      KNOWN_ST[code] = true;
    }
  }

  private Hj212Codes() {}

  /** Whether a CN is defined by HJ 212-2017 Table 9 or a known 2025 addition. */
  public static boolean isKnownCn(String cn) {
    int code = fourDigits(cn);
    return code >= 0 && KNOWN_CN[code];
  }

  /** Whether a CN is a data upload that carries DataTime (2011, 2051, 2061, 2031, ...). */
  public static boolean isDataUpload(String cn) {
    int code = fourDigits(cn);
    return code >= 0 && DATA_UPLOAD_CN[code];
  }

  /** Whether an upload of this CN is answered with 9014 when it requests an answer. */
  public static boolean isAnsweredUpload(String cn) {
    int code = fourDigits(cn);
    return code >= 0 && ANSWERED_UPLOAD_CN[code];
  }

  /** Whether an ST is defined by HJ 212-2017 Table 5 or a known 2025 addition (44, 45). */
  public static boolean isKnownSt(String st) {
    if (st == null || st.length() != 2) {
      return false;
    }
    int tens = st.charAt(0) - '0';
    int ones = st.charAt(1) - '0';
    return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 && KNOWN_ST[tens * 10 + ones];
  }

  /**
   * The HJ 212-2017 code of an HJ/T 212-2005 pollutant code (e.g. "02" to "a21026", "S01" to
   * "a19001"), or null when the code is not in the mapping table.
   */
  public static String code2017Of2005(String code2005) {
    return CODE_2005_TO_2017.get(code2005);
  }

  private static final int RTD = key3('R', 't', 'd');
  private static final int AVG = key3('A', 'v', 'g');
  private static final int MIN = key3('M', 'i', 'n');
  private static final int MAX = key3('M', 'a', 'x');
  private static final int COU = key3('C', 'o', 'u');

  /**
   * The value check of a kind in {@code b[off, off + len)} (the part after the last '-'), or {@link
   * ByteDictionary#ABSENT}. The kinds of nearly every field (Rtd, Avg, Min, Max, Cou, Zs*, Flag)
   * are matched directly, the rest through {@link #KINDS}.
   */
  static int kindType(byte[] b, int off, int len) {
    if (len == 3) {
      int k = key3(b[off], b[off + 1], b[off + 2]);
      if (k == RTD || k == AVG || k == MIN || k == MAX || k == COU) {
        return VALUE_NUMBER;
      }
    } else if (len == 4) {
      if (b[off] == 'F' && b[off + 1] == 'l' && b[off + 2] == 'a' && b[off + 3] == 'g') {
        return VALUE_DATA_FLAG;
      }
    } else if (len == 5 && b[off] == 'Z' && b[off + 1] == 's') {
      int k = key3(b[off + 2], b[off + 3], b[off + 4]);
      if (k == RTD || k == AVG || k == MIN || k == MAX) {
        return VALUE_NUMBER;
      }
    }
    return KINDS.get(b, off, len);
  }

  private static ByteDictionary indexOf(String[] words) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < words.length; i++) {
      index.put(words[i], i);
    }
    return new ByteDictionary(index);
  }

  private static int key3(int c0, int c1, int c2) {
    return (c0 << 16) | (c1 << 8) | c2;
  }

  static boolean knownCn(int cn) {
    return cn >= 0 && cn < KNOWN_CN.length && KNOWN_CN[cn];
  }

  static boolean dataUpload(int cn) {
    return cn >= 0 && cn < DATA_UPLOAD_CN.length && DATA_UPLOAD_CN[cn];
  }

  static boolean knownSt(int st) {
    return st >= 0 && st < KNOWN_ST.length && KNOWN_ST[st];
  }

  private static int fourDigits(String s) {
    if (s == null || s.length() != 4) {
      return -1;
    }
    int v = 0;
    for (int i = 0; i < 4; i++) {
      int d = s.charAt(i) - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }
}
