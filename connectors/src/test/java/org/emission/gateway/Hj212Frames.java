package org.emission.gateway;

/**
 * Frames written out by hand, with lengths and CRCs computed independently of the codec and checked
 * against the values printed in {@code domain/hj212.md} (§5 worked example).
 */
final class Hj212Frames {
  private Hj212Frames() {}

  static final String MN = "0A1B2C3D4E5F000000000001";

  /** hj212.md §5 worked example: 2017 flue-gas minute data, answer requested, CRC 7200. */
  static final String MINUTE_2051 =
      "##0169QN=20250115103000123;ST=31;CN=2051;PW=123456;MN=0A1B2C3D4E5F000000000001;Flag=5;"
          + "CP=&&DataTime=20250115102000;a21026-Avg=25.3,a21026-Flag=N;a19001-Avg=7.8,a19001-Flag=N&&"
          + "7200\r\n";

  /** The answer hj212.md §5 prescribes for {@link #MINUTE_2051}: CN 9014, CRC BB01. */
  static final String MINUTE_2051_ANSWER =
      "##0087QN=20250115103000123;ST=91;CN=9014;PW=123456;MN=0A1B2C3D4E5F000000000001;Flag=4;"
          + "CP=&&&&BB01\r\n";

  /** First of two sub-packets (Flag=7) of one hourly upload; QNs differ, DataTime is shared. */
  static final String SPLIT_1 =
      "##0219QN=20250115110000534;ST=31;CN=2061;PW=123456;MN=0A1B2C3D4E5F000000000001;Flag=7;"
          + "PNUM=2;PNO=1;CP=&&DataTime=20250115100000;a21026-Avg=25.3,a21026-ZsAvg=30.1,"
          + "a21026-Flag=N;a21002-Avg=45.6,a21002-ZsAvg=54.2,a21002-Flag=N&&9301\r\n";

  /** Second sub-packet of {@link #SPLIT_1}. */
  static final String SPLIT_2 =
      "##0183QN=20250115110000535;ST=31;CN=2061;PW=123456;MN=0A1B2C3D4E5F000000000001;Flag=7;"
          + "PNUM=2;PNO=2;CP=&&DataTime=20250115100000;a19001-Avg=7.8,a19001-Flag=N;"
          + "a00000-Avg=125.4,a00000-Flag=N&&F6C1\r\n";

  /** HJ 212-2025 heartbeat (CN 9015), Flag=9: version 2, answer requested. */
  static final String HEARTBEAT_2025 =
      "##0087QN=20260301080000000;ST=31;CN=9015;PW=123456;MN=0A1B2C3D4E5F000000000001;Flag=9;"
          + "CP=&&&&59C0\r\n";

  /** The 9013 answer to {@link #HEARTBEAT_2025}: Flag=8 (2025, no answer requested). */
  static final String HEARTBEAT_2025_ANSWER =
      "##0087QN=20260301080000000;ST=91;CN=9013;PW=123456;MN=0A1B2C3D4E5F000000000001;Flag=8;"
          + "CP=&&&&9C01\r\n";
}
