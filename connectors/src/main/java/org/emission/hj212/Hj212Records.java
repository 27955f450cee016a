package org.emission.hj212;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Set;
import org.emission.records.CemsSample;
import org.emission.records.FieldMap;

/** Maps decoded packets to the Kafka records of the design (topic {@code cems.samples}). */
public final class Hj212Records {

  /** HJ 212 times are China Standard Time without an offset (HJ 212-2017 §6.3.3, DESIGN: Time). */
  public static final ZoneOffset CHINA_STANDARD_TIME = ZoneOffset.ofHours(8);

  /**
   * Data CNs whose packets are monitoring samples: real-time, minute, hour, day, devices, 2025 raw.
   */
  private static final Set<String> SAMPLE_CNS =
      Set.of("2011", "2013", "2021", "2031", "2041", "2051", "2061");

  private Hj212Records() {}

  /**
   * Whether a packet belongs on {@code cems.samples}: a sample CN (2011, 2013, 2021, 2031, 2041,
   * 2051, 2061) sent by a logger (not ST=91) with a DataTime.
   */
  public static boolean isSample(Hj212Packet packet) {
    return SAMPLE_CNS.contains(packet.cn())
        && !Hj212Commands.ST_INTERACTION.equals(packet.st())
        && packet.dataTimeText() != null;
  }

  /**
   * The {@link CemsSample} of a data packet (reassembled if it was split).
   *
   * @param packet a packet with MN, CN and DataTime
   * @param receivedAt when the gateway received it
   * @param historyAnswer whether it answers a history request of the gateway; together with the
   *     packet's own {@code RF=1} this sets {@link CemsSample#backfill()}
   * @throws IllegalArgumentException when the packet has no DataTime
   */
  public static CemsSample toCemsSample(
      Hj212Packet packet, Instant receivedAt, boolean historyAnswer) {
    Objects.requireNonNull(receivedAt, "receivedAt");
    LocalDateTime dataTime = packet.dataTime();
    if (dataTime == null) {
      throw new IllegalArgumentException("CN=" + packet.cn() + " packet has no DataTime");
    }
    // the device fields as SBxxx-RS, then the other fields but DataTime (a record field itself)
    FieldMap.Builder<String> extra = new FieldMap.Builder<>(packet.otherFields().size());
    packet
        .devices()
        .forEach((device, kinds) -> kinds.forEach((kind, v) -> extra.put(device + "-" + kind, v)));
    packet
        .otherFields()
        .forEach(
            (name, v) -> {
              if (!name.equals("DataTime")) {
                extra.put(name, v);
              }
            });
    return new CemsSample(
        CemsSample.SCHEMA,
        packet.mn(),
        packet.st(),
        packet.cn(),
        packet.qn(),
        packet.edition().label(),
        dataTime.atOffset(CHINA_STANDARD_TIME),
        receivedAt,
        packet.backfill() || historyAnswer,
        packet.pollutants(),
        extra.build());
  }
}
