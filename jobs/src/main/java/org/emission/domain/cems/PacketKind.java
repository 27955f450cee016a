package org.emission.domain.cems;

/** The HJ 212-2017 data commands (CN, Table 9) the compliance job reads. */
public enum PacketKind {
  /** CN 2011 real-time data (实时数据). */
  REALTIME("2011"),
  /** CN 2051 minute data (分钟数据), one record per MinInterval. */
  MINUTE("2051"),
  /** CN 2061 hourly data (小时数据) as computed by the logger. */
  HOUR("2061"),
  /** CN 2031 daily data (日数据) as computed by the logger. */
  DAY("2031"),
  /** Any other command. */
  OTHER("");

  private static final PacketKind[] KINDS = values();

  private final String cn;

  PacketKind(String cn) {
    this.cn = cn;
  }

  public String cn() {
    return cn;
  }

  public static PacketKind of(String cn) {
    for (PacketKind k : KINDS) {
      if (k != OTHER && k.cn.equals(cn)) {
        return k;
      }
    }
    return OTHER;
  }
}
