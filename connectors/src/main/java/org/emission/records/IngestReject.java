package org.emission.records;

import java.time.Instant;
import java.util.Objects;

/**
 * One packet, or run of bytes, the gateway did not accept: the record on Kafka topic {@code
 * ingest.rejects} (the dead-letter topic), keyed by the MN when known.
 *
 * @param schema record schema version, currently {@value #SCHEMA}
 * @param receivedAt when the gateway received it
 * @param peer the logger's address, {@code ip:port}
 * @param mn the MN when one can be read, else null
 * @param reasonCode machine-readable reason: a {@code Hj212RejectReason} name (e.g. {@code
 *     CRC_MISMATCH}, {@code NO_HEADER} for bytes outside any frame, {@code SPLIT_TIMEOUT}) or a
 *     gateway reason ({@code UNKNOWN_DEVICE}, {@code WRONG_PASSWORD})
 * @param reason human message, e.g. "CRC mismatch: packet says 1C81, computed 1C80"
 * @param text the packet (or bytes) as received, UTF-8 decoded
 */
public record IngestReject(
    int schema,
    Instant receivedAt,
    String peer,
    String mn,
    String reasonCode,
    String reason,
    String text) {

  public static final int SCHEMA = 1;

  public IngestReject {
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(peer, "peer");
    Objects.requireNonNull(reasonCode, "reasonCode");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(text, "text");
  }
}
