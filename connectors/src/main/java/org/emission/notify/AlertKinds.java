package org.emission.notify;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The alert kinds the compliance job emits (its {@code AlertKind}), with their names in messages.
 */
final class AlertKinds {
  private static final Map<String, String[]> NAMES = new LinkedHashMap<>();

  static {
    name("EXCEEDANCE", "超标", "Exceedance");
    name("EARLY_WARNING", "超标预警", "Exceedance early warning");
    name("DEVICE_OFFLINE", "数采仪离线", "Data logger offline");
    name("DATA_GAP", "数据缺失", "Data gap");
    name("LOW_TRANSMISSION_RATE", "传输有效率不足", "Low transmission rate");
    name("FLAT_LINE", "数据恒值（疑似造假）", "Flat line (suspected falsification)");
    name("DILUTION", "疑似稀释排放", "Suspected dilution");
    name("ZERO_FLOW_WITH_POLLUTANT", "零流量有浓度", "Pollutant with zero flow");
    name("CALIBRATION_TOO_LONG", "校准超时", "Calibration too long");
    name("MAINTENANCE_TOO_LONG", "维护超时", "Maintenance too long");
    name("CALIBRATION_TOO_OFTEN", "校准过频", "Calibration too often");
    name("OUT_OF_RANGE", "超量程", "Out of range");
    name("LOGGER_HOUR_MISMATCH", "小时值与分钟值不符", "Logger hour mismatch");
    name("STOPPED_BUT_EMITTING", "停产仍排放", "Stopped but emitting");
    name("OPERATING_BUT_SILENT", "生产无数据", "Operating but silent");
  }

  private AlertKinds() {}

  private static void name(String kind, String zh, String en) {
    NAMES.put(kind, new String[] {zh, en});
  }

  static Set<String> known() {
    return NAMES.keySet();
  }

  /** The kind's name in {@code language}; an unknown kind keeps its code. */
  static String name(String kind, Language language) {
    String[] names = NAMES.get(kind);
    return names == null ? String.valueOf(kind) : names[language == Language.ZH ? 0 : 1];
  }
}
