package org.emission.records;

import java.time.Instant;
import java.util.Objects;

/**
 * One frame exactly as the gateway received it: the record on Kafka topic {@code hj212.raw}, keyed
 * by the logger's MN when it can be read (design: data flow, "audit, every packet as received").
 *
 * <p>Written for every frame, valid or not, before anything else is decided about it, so that the
 * topic can replay the ingest.
 *
 * @param schema record schema version, currently {@value #SCHEMA}
 * @param receivedAt when the gateway read the frame's last byte
 * @param peer the logger's address, {@code ip:port}
 * @param mn the MN of the frame when one can be read, even from a rejected frame, else null
 * @param text the frame as received, {@code ##} to CR LF, decoded as UTF-8 (HJ 212-2017 §6.3)
 * @param textBase64 the frame's bytes in base64 when they are not valid UTF-8 (then {@code text}
 *     holds U+FFFD in place of the bad bytes), else null
 */
public record RawPacket(
    int schema, Instant receivedAt, String peer, String mn, String text, String textBase64) {

  public static final int SCHEMA = 1;

  public RawPacket {
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(peer, "peer");
    Objects.requireNonNull(text, "text");
  }
}
