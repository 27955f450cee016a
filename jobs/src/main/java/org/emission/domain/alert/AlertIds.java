package org.emission.domain.alert;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.UUID;

/**
 * Deterministic alert ids: a name-based UUID version 5 (RFC 9562 §5.5, SHA-1) of {@code
 * outlet|pollutant|kind|start} in a fixed namespace, so the same episode replayed gets the same id
 * (design: alerts have a deterministic id of outlet, pollutant, rule, start).
 */
public final class AlertIds {

  /** Namespace of emission-compliance alert ids (a fixed random UUID). */
  public static final UUID NAMESPACE = UUID.fromString("6f1c2a9e-3b57-4d1a-9a0e-2c6d8e4f7b13");

  private AlertIds() {}

  /** The id of an alert; {@code pollutant} is null for outlet-level alerts. */
  public static String of(String outletId, String pollutant, AlertKind kind, Instant start) {
    String name =
        outletId + "|" + (pollutant == null ? "" : pollutant) + "|" + kind.name() + "|" + start;
    return uuid5(NAMESPACE, name).toString();
  }

  static UUID uuid5(UUID namespace, String name) {
    MessageDigest sha1;
    try {
      sha1 = MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is required of every Java platform", e);
    }
    ByteBuffer ns = ByteBuffer.allocate(16);
    ns.putLong(namespace.getMostSignificantBits()).putLong(namespace.getLeastSignificantBits());
    sha1.update(ns.array());
    byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
    hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
    hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
    ByteBuffer b = ByteBuffer.wrap(hash, 0, 16);
    return new UUID(b.getLong(), b.getLong());
  }
}
