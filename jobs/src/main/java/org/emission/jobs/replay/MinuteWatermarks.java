package org.emission.jobs.replay;

import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.emission.domain.Cst;

/**
 * Watermarks of a replay, on the file's own clock (timestamps never decrease): one each time the
 * clock enters a new minute, just before that minute, emitted after the record that entered it.
 *
 * <p>Periodic watermarks would make a replay depend on the machine's speed: how far the clock had
 * moved when the wall-clock interval fired decides whether a device's per-minute tick runs before
 * or after its data after a silence, and so whether DEVICE_OFFLINE is raised. Emitted from the
 * records themselves, the ticks of every minute run at the same point of the input on every run.
 */
final class MinuteWatermarks<T> implements WatermarkGenerator<T> {

  private long emitted = Long.MIN_VALUE;

  @Override
  public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
    long beforeMinute = Math.floorDiv(eventTimestamp, Cst.MINUTE_MS) * Cst.MINUTE_MS - 1;
    if (beforeMinute > emitted) {
      emitted = beforeMinute;
      output.emitWatermark(new Watermark(beforeMinute));
    }
  }

  @Override
  public void onPeriodicEmit(WatermarkOutput output) {
    // watermarks come from the records only
  }
}
