package org.emission.hj212;

import java.util.List;
import java.util.Objects;

/** Outcome of decoding one frame: an accepted packet with warnings, or a rejection. */
public sealed interface Hj212DecodeResult
    permits Hj212DecodeResult.Accepted, Hj212DecodeResult.Rejected {

  /** Whether the packet was accepted. */
  boolean ok();

  /** The packet, or null when rejected. */
  Hj212Packet packetOrNull();

  /**
   * An accepted packet.
   *
   * @param packet the decoded packet
   * @param warnings tolerated deviations, one per kind with its first occurrence, in order found
   */
  record Accepted(Hj212Packet packet, List<Hj212Notice> warnings) implements Hj212DecodeResult {

    public Accepted {
      Objects.requireNonNull(packet, "packet");
      warnings = List.copyOf(warnings);
    }

    /** Whether a warning of this kind was raised. */
    public boolean hasWarning(Hj212Warning warning) {
      for (Hj212Notice notice : warnings) {
        if (notice.warning() == warning) {
          return true;
        }
      }
      return false;
    }

    @Override
    public boolean ok() {
      return true;
    }

    @Override
    public Hj212Packet packetOrNull() {
      return packet;
    }
  }

  /**
   * A rejected frame.
   *
   * @param reason machine-readable reason
   * @param field the field concerned for MISSING_FIELD, BAD_FIELD_VALUE, FIELD_TOO_LONG and
   *     DUPLICATE_FIELD, else null
   * @param detail what exactly, e.g. "packet says 1C81, computed 1C80"
   */
  record Rejected(Hj212RejectReason reason, String field, String detail)
      implements Hj212DecodeResult {

    public Rejected {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }

    /** Human message, e.g. "CRC mismatch: packet says 1C81, computed 1C80". */
    public String message() {
      return reason.label() + ": " + detail;
    }

    /** Machine-readable form, e.g. "CRC_MISMATCH: packet says 1C81, computed 1C80". */
    public String reasonText() {
      return reason.name() + ": " + detail;
    }

    @Override
    public boolean ok() {
      return false;
    }

    @Override
    public Hj212Packet packetOrNull() {
      return null;
    }

    @Override
    public String toString() {
      return reasonText();
    }
  }
}
