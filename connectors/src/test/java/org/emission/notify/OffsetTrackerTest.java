package org.emission.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class OffsetTrackerTest {
  private final TopicPartition p0 = new TopicPartition("alerts", 0);
  private final TopicPartition p1 = new TopicPartition("alerts", 1);
  private final OffsetTracker tracker = new OffsetTracker();

  @Test
  void commitsUpToTheFirstRecordStillInDelivery() {
    tracker.track(p0, 10, 2);
    tracker.track(p0, 11, 1);
    tracker.track(p0, 12, 0);
    assertThat(tracker.position(p0)).isEqualTo(10);

    tracker.done(p0, 11);
    tracker.done(p0, 10);
    assertThat(tracker.position(p0)).isEqualTo(10);
    tracker.done(p0, 10);
    assertThat(tracker.position(p0)).isEqualTo(13);
  }

  @Test
  void onlyChangedPositionsAreCommittable() {
    tracker.track(p0, 0, 0);
    tracker.track(p1, 5, 1);
    assertThat(tracker.committable())
        .containsEntry(p0, new OffsetAndMetadata(1))
        .containsEntry(p1, new OffsetAndMetadata(5));

    tracker.committed(tracker.committable());
    assertThat(tracker.committable()).isEmpty();

    tracker.done(p1, 5);
    assertThat(tracker.committable())
        .containsOnlyKeys(p1)
        .containsEntry(p1, new OffsetAndMetadata(6));

    tracker.uncommitted(List.of(p0));
    assertThat(tracker.committable()).containsKeys(p0, p1);
  }

  @Test
  void forgetsRevokedPartitions() {
    tracker.track(p0, 3, 1);
    tracker.forget(List.of(p0));
    tracker.done(p0, 3);

    assertThat(tracker.position(p0)).isNull();
    assertThat(tracker.committable()).isEmpty();
  }
}
