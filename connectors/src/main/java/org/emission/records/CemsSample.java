package org.emission.records;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * One valid HJ 212 data packet of one outlet at one time: the record on Kafka topic {@code
 * cems.samples}, keyed by the logger's MN (design: Kafka contracts).
 *
 * <p>All pollutants of the packet travel together so that oxygen correction sees O2 beside each
 * pollutant. Values are kept as the decimal text the logger sent; {@link #decimal} parses one
 * without binary floating point.
 *
 * @param schema record schema version, currently {@value #SCHEMA}
 * @param mn the data logger's device id (MN)
 * @param st system code, e.g. "31" flue gas, "32" wastewater
 * @param cn command code: "2011" real-time, "2051" minute, "2061" hourly, "2031" daily
 * @param qn request id of the packet ({@code yyyyMMddHHmmssSSS}), may be null for 2005 loggers
 * @param protocol edition of HJ 212 the packet was written in, e.g. "HJ212-2017"
 * @param dataTime the packet's DataTime in China Standard Time (start of the interval for
 *     2051/2061/2031, the sampling instant for 2011)
 * @param receivedAt when the gateway received the packet
 * @param backfill true when the logger marked the packet as re-sent stored data (2025 RF=1) or it
 *     answered a history request of the gateway
 * @param pollutants per pollutant code (e.g. "a21026"), the fields present without the code prefix
 *     ("Rtd", "Avg", "Min", "Max", "Cou", "ZsRtd", "ZsAvg", "ZsMin", "ZsMax", "Flag", "EFlag", ...)
 * @param extra CP fields that belong to no pollutant (device states such as "SB1-RS", unknown
 *     fields), kept as sent
 */
@TypeInfo(CemsSampleTypeInfo.Factory.class)
public record CemsSample(
    int schema,
    String mn,
    String st,
    String cn,
    String qn,
    String protocol,
    OffsetDateTime dataTime,
    Instant receivedAt,
    boolean backfill,
    Map<String, Map<String, String>> pollutants,
    Map<String, String> extra) {

  public static final int SCHEMA = 1;

  public CemsSample {
    Objects.requireNonNull(mn, "mn");
    Objects.requireNonNull(cn, "cn");
    Objects.requireNonNull(dataTime, "dataTime");
    // immutable all the way down: records cross Flink's network and state serializers
    pollutants = pollutants == null ? FieldMap.of() : immutable(pollutants);
    extra = extra == null ? FieldMap.of() : FieldMap.copyOf(extra);
  }

  /** The maps themselves when they are {@link FieldMap}s already, else copies. */
  private static Map<String, Map<String, String>> immutable(
      Map<String, Map<String, String>> pollutants) {
    if (pollutants instanceof FieldMap<Map<String, String>> outer) {
      boolean all = true;
      for (Map<String, String> fields : outer.values()) {
        all &= fields instanceof FieldMap;
      }
      if (all) {
        return outer;
      }
    }
    FieldMap.Builder<Map<String, String>> copy = new FieldMap.Builder<>(pollutants.size());
    pollutants.forEach((code, fields) -> copy.put(code, FieldMap.copyOf(fields)));
    return copy.build();
  }

  /** The text of one field of one pollutant, or null when the packet did not carry it. */
  public String field(String pollutantCode, String field) {
    Map<String, String> fields = pollutants.get(pollutantCode);
    return fields == null ? null : fields.get(field);
  }

  /** One field of one pollutant as an exact decimal, or null when absent or not a number. */
  public BigDecimal decimal(String pollutantCode, String field) {
    String text = field(pollutantCode, field);
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
