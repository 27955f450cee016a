package org.emission.hj212;

/**
 * Frames as loggers send them, written out with lengths and CRCs computed independently (a
 * bit-by-bit implementation of HJ 212-2017 Appendix A outside this code base) and checked against
 * the values printed in {@code domain/hj212.md}.
 */
final class Hj212Samples {

  static final String MN = "0A1B2C3D4E5F000000000001";

  /** HJ 212-2017 official example (set real-time interval), CRC 1C80 as printed in the standard. */
  static final String OFFICIAL_1062 =
      "##0101QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;"
          + "CP=&&RtdInterval=30&&1C80\r\n";

  /** Worked example of hj212.md §5: 2017 flue-gas minute data, answer requested. */
  static final String MINUTE_2051 =
      "##0169QN=20250115103000123;ST=31;CN=2051;PW=123456;MN=0A1B2C3D4E5F000000000001;Flag=5;"
          + "CP=&&DataTime=20250115102000;a21026-Avg=25.3,a21026-Flag=N;a19001-Avg=7.8,a19001-Flag=N&&"
          + "7200\r\n";

  /** The gateway's 9014 answer to {@link #MINUTE_2051}, CRC BB01 (hj212.md §5). */
  static final String MINUTE_2051_ANSWER =
      "##0087QN=20250115103000123;ST=91;CN=9014;PW=123456;MN=0A1B2C3D4E5F000000000001;Flag=4;"
          + "CP=&&&&BB01\r\n";

  /**
   * HJ/T 212-2005 wastewater real-time upload: no QN, no Flag, 14-character MN, 2005 codes,
   * DataTime with milliseconds (sample of xiaoyao9184/hj-t212-parser, CRC 4980 per hj212.md §3).
   */
  static final String REALTIME_2005 =
      "##0139ST=32;CN=2011;PW=123456;MN=LD130133000015;CP=&&DataTime=20160824003817000;"
          + "B01-Rtd=36.91;011-Rtd=231.0,011-Flag=N;060-Rtd=1.803,060-Flag=N&&4980\r\n";

  /** HJ/T 212-2005 flue-gas minute data with 2005 codes 02, S01, B02 and a device state. */
  static final String FLUE_2005 =
      "##0140ST=31;CN=2051;PW=123456;MN=88888880000001;CP=&&DataTime=20160824010000;"
          + "02-Avg=25.3,02-Flag=N;S01-Avg=7.8,S01-Flag=N;B02-Avg=125.4;SB1-RS=1&&A881\r\n";

  /** 2017 real-time data of 10 flue-gas parameters. */
  static final String REALTIME_2011 =
      "##0462QN=20250115103000123;ST=31;CN=2011;PW=123456;MN=0A1B2C3D4E5F000000000001;Flag=5;"
          + "CP=&&DataTime=20250115103000;a21026-Rtd=25.3,a21026-ZsRtd=30.1,a21026-Flag=N;"
          + "a21002-Rtd=45.6,a21002-ZsRtd=54.2,a21002-Flag=N;a34013-Rtd=3.2,a34013-ZsRtd=3.8,"
          + "a34013-Flag=N;a19001-Rtd=7.8,a19001-Flag=N;a00000-Rtd=125.4,a00000-Flag=N;"
          + "a01011-Rtd=12.5,a01011-Flag=N;a01012-Rtd=85.2,a01012-Flag=N;a01013-Rtd=-0.12,"
          + "a01013-Flag=N;a01014-Rtd=8.6,a01014-Flag=N;a21005-Rtd=12.0,a21005-Flag=N&&6C00\r\n";

  /** 2017 hourly data. */
  static final String HOURLY_2061 =
      "##0472QN=20250115110000456;ST=31;CN=2061;PW=123456;MN=0A1B2C3D4E5F000000000001;Flag=5;"
          + "CP=&&DataTime=20250115100000;a21026-Avg=25.3,a21026-Min=20.1,a21026-Max=31.7,"
          + "a21026-ZsAvg=30.1,a21026-Cou=1.52,a21026-Flag=N;a21002-Avg=45.6,a21002-Min=40.2,"
          + "a21002-Max=50.3,a21002-ZsAvg=54.2,a21002-Cou=2.74,a21002-Flag=N;a34013-Avg=3.2,"
          + "a34013-Min=2.9,a34013-Max=3.6,a34013-ZsAvg=3.8,a34013-Cou=0.19,a34013-Flag=N;"
          + "a19001-Avg=7.8,a19001-Flag=N;a00000-Avg=125.4,a00000-Cou=451440,a00000-Flag=N&&1980\r\n";

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

  /** 2025 back-filled (RF=1) minute data of a facility electricity system (ST=44). */
  static final String BACKFILL_2025 =
      "##0155QN=20260301090000123;ST=44;CN=2051;PW=123456;MN=0A1B2C3D4E5F000000000001;Flag=9;"
          + "RF=1;CP=&&DataTime=20260301080000;e10001-Avg=152.6,e10001-Flag=N;SB1-RS=1&&C481\r\n";

  /** 2025 raw periodic data (CN 2013). */
  static final String RAW_2013 =
      "##0140QN=20260301090000200;ST=31;CN=2013;PW=123456;MN=0A1B2C3D4E5F000000000001;Flag=9;"
          + "CP=&&DataTime=20260301085959;a21026-Rtd=25.3,a21026-Flag=N&&B401\r\n";

  /** 2025 automatic standard-check data (CN 2062) with field kinds this codec does not know. */
  static final String CHECK_2062 =
      "##0168QN=20260301090000300;ST=32;CN=2062;PW=123456;MN=0A1B2C3D4E5F000000000001;Flag=9;"
          + "CP=&&DataTime=20260301060000;w01018-Check=49.6,w01018-StandardValue=50.0,"
          + "w01018-Flag=N&&B401\r\n";

  /** Field information (CN 3020) with Chinese text: 144 characters but 160 UTF-8 bytes. */
  static final String CHINESE_3020 =
      "##0160QN=20250115103000789;ST=32;CN=3020;PW=123456;MN=0A1B2C3D4E5F000000000001;Flag=5;"
          + "CP=&&DataTime=20250115103000;PolId=w01018;w01018-Info=化学需氧量分析仪&&4B00\r\n";

  /** Host request for hourly history (BeginTime/EndTime, Flag=5). */
  static final String HISTORY_REQUEST =
      "##0134QN=20250115120000000;ST=31;CN=2061;PW=123456;MN=0A1B2C3D4E5F000000000001;Flag=5;"
          + "CP=&&BeginTime=20250115000000,EndTime=20250115110000&&F281\r\n";

  /** Host command: set the logger's time (CN 1012). */
  static final String SET_TIME =
      "##0112QN=20250115120000001;ST=31;CN=1012;PW=123456;MN=0A1B2C3D4E5F000000000001;Flag=5;"
          + "CP=&&SystemTime=20250115120000&&7EC0\r\n";

  /** 9011 answer (QnRtn=1) to {@link #HISTORY_REQUEST}. */
  static final String REQUEST_ANSWER =
      "##0094QN=20250115120000000;ST=91;CN=9011;PW=123456;MN=0A1B2C3D4E5F000000000001;Flag=4;"
          + "CP=&&QnRtn=1&&18C0\r\n";

  /** 9012 execution result (ExeRtn=1) of {@link #HISTORY_REQUEST}. */
  static final String EXECUTION_RESULT =
      "##0095QN=20250115120000000;ST=91;CN=9012;PW=123456;MN=0A1B2C3D4E5F000000000001;Flag=4;"
          + "CP=&&ExeRtn=1&&6300\r\n";

  /** Host request to start real-time upload: data CN with an empty CP. */
  static final String START_REALTIME =
      "##0087QN=20250115120000000;ST=31;CN=2011;PW=123456;MN=0A1B2C3D4E5F000000000001;Flag=5;"
          + "CP=&&&&3D40\r\n";

  private Hj212Samples() {}
}
