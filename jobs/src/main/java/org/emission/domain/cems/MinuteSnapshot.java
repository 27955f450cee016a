package org.emission.domain.cems;

import java.io.Serializable;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * All pollutants and parameters of one outlet's minute record, derived ({@link MinuteDerivation}):
 * what the hour states and the minute-level alert rules consume.
 *
 * @param pollutants per HJ 212 code, including NOx derived from NO and NO2
 */
public record MinuteSnapshot(
    String outletId,
    String mn,
    Instant start,
    int coveredMinutes,
    PacketKind source,
    boolean backfill,
    Map<String, PollutantMinute> pollutants)
    implements Serializable {

  public MinuteSnapshot {
    pollutants = Collections.unmodifiableMap(new TreeMap<>(pollutants));
  }

  public Instant end() {
    return start.plusSeconds(60L * coveredMinutes);
  }

  public PollutantMinute get(String code) {
    return pollutants.get(code);
  }
}
