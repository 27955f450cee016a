package org.emission.notify;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Which offsets may be committed: a record counts as handled once every target it went to has sent
 * or dropped it, and a partition's committed position never passes a record still in delivery. So a
 * restart re-reads exactly what was not yet delivered: nothing lost, little repeated. Completions
 * come from the target threads; the consumer thread asks for what to commit.
 */
final class OffsetTracker {
  private final Map<TopicPartition, TreeMap<Long, int[]>> inDelivery = new HashMap<>();
  private final Map<TopicPartition, Long> next = new HashMap<>();
  private final Map<TopicPartition, Long> committed = new HashMap<>();

  /** A record handed to {@code deliveries} targets (0: handled already). */
  synchronized void track(TopicPartition tp, long offset, int deliveries) {
    next.put(tp, offset + 1);
    if (deliveries > 0) {
      inDelivery.computeIfAbsent(tp, k -> new TreeMap<>()).put(offset, new int[] {deliveries});
    }
  }

  /** A partition assigned at {@code position}, so that its start is committed too. */
  synchronized void start(TopicPartition tp, long position) {
    next.putIfAbsent(tp, position);
  }

  /** One target finished the record at {@code offset}. */
  synchronized void done(TopicPartition tp, long offset) {
    TreeMap<Long, int[]> open = inDelivery.get(tp);
    int[] remaining = open == null ? null : open.get(offset);
    if (remaining != null && --remaining[0] <= 0) {
      open.remove(offset);
    }
  }

  /** The positions to commit that differ from the last commit. */
  synchronized Map<TopicPartition, OffsetAndMetadata> committable() {
    return committable(next.keySet());
  }

  synchronized Map<TopicPartition, OffsetAndMetadata> committable(
      Collection<TopicPartition> partitions) {
    Map<TopicPartition, OffsetAndMetadata> out = new HashMap<>();
    for (TopicPartition tp : partitions) {
      Long position = position(tp);
      if (position != null && !position.equals(committed.get(tp))) {
        out.put(tp, new OffsetAndMetadata(position));
      }
    }
    return out;
  }

  /** The position a restart should read from: the first record not yet handled. */
  synchronized Long position(TopicPartition tp) {
    TreeMap<Long, int[]> open = inDelivery.get(tp);
    if (open != null && !open.isEmpty()) {
      return open.firstKey();
    }
    return next.get(tp);
  }

  synchronized void committed(Map<TopicPartition, OffsetAndMetadata> offsets) {
    offsets.forEach((tp, o) -> committed.put(tp, o.offset()));
  }

  /** A commit failed: commit these partitions again next time. */
  synchronized void uncommitted(Collection<TopicPartition> partitions) {
    partitions.forEach(committed::remove);
  }

  /** Partitions this consumer no longer owns. */
  synchronized void forget(Collection<TopicPartition> partitions) {
    for (TopicPartition tp : partitions) {
      inDelivery.remove(tp);
      next.remove(tp);
      committed.remove(tp);
    }
  }
}
