package org.emission.gateway;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.emission.kafka.JsonCodec;
import org.emission.kafka.Topics;
import org.emission.records.CemsSample;
import org.emission.records.IngestReject;
import org.emission.records.RawPacket;

/** The Kafka records the gateway writes (design: Kafka contracts), keyed by MN. */
final class GatewayRecords {
  private GatewayRecords() {}

  /** The frame as received, for {@code hj212.raw}. */
  static ProducerRecord<String, byte[]> raw(
      Instant receivedAt, String peer, String mn, byte[] frame) {
    String text = text(frame);
    String base64 = text == null ? Base64.getEncoder().encodeToString(frame) : null;
    if (text == null) {
      text = new String(frame, StandardCharsets.UTF_8);
    }
    RawPacket raw = new RawPacket(RawPacket.SCHEMA, receivedAt, peer, mn, text, base64);
    return new ProducerRecord<>(Topics.HJ212_RAW, mn, JsonCodec.write(raw));
  }

  /** A rejected packet or run of bytes, for {@code ingest.rejects}. */
  static ProducerRecord<String, byte[]> reject(
      Instant receivedAt, String peer, String mn, String reasonCode, String reason, String text) {
    IngestReject reject =
        new IngestReject(IngestReject.SCHEMA, receivedAt, peer, mn, reasonCode, reason, text);
    return new ProducerRecord<>(Topics.INGEST_REJECTS, mn, JsonCodec.write(reject));
  }

  /** A data packet, for {@code cems.samples}. */
  static ProducerRecord<String, byte[]> sample(CemsSample sample) {
    return new ProducerRecord<>(Topics.CEMS_SAMPLES, sample.mn(), JsonCodec.write(sample));
  }

  /** The bytes as UTF-8 text, or null when they are not valid UTF-8. */
  static String text(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return strictUtf8(bytes);
      }
    }
    // ASCII, the usual case (HJ 212-2017 §6.3: all characters ASCII but Chinese ones).
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  private static String strictUtf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
