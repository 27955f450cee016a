package org.emission.domain.pipeline;

import java.io.Serializable;

/**
 * Settings of {@link DevicePipeline} (project choices, not regulatory values).
 *
 * @param lateRetentionHours how long hour and day states are kept after the device's newest record,
 *     so that late (re-sent) minutes can still update them; older minutes are dropped and counted
 *     (default 48; state grows with it: about 60 records per pollutant-hour at MinInterval 1)
 * @param closeAfterSilenceMinutes on a tick, when the device has sent nothing for this long, hours
 *     ending at least this long ago are closed (invalid "no_data" if empty); otherwise an hour
 *     closes when a record of a later hour arrives (default 10)
 * @param realtimeRetentionMinutes how long minutes formed from 2011 data stay re-openable (default
 *     120)
 * @param liveValues whether every minute gives the live view of its pollutant (running hour,
 *     trailing 60 minutes, day/month/year masses; default true); a replay, whose outputs have no
 *     live view, turns it off — it changes no hour, day or alert
 */
public record PipelineSettings(
    int lateRetentionHours,
    int closeAfterSilenceMinutes,
    int realtimeRetentionMinutes,
    boolean liveValues)
    implements Serializable {

  public PipelineSettings {
    if (lateRetentionHours < 2) {
      throw new IllegalArgumentException("lateRetentionHours must be >= 2");
    }
    if (closeAfterSilenceMinutes < 1) {
      throw new IllegalArgumentException("closeAfterSilenceMinutes must be >= 1");
    }
    if (realtimeRetentionMinutes < 1) {
      throw new IllegalArgumentException("realtimeRetentionMinutes must be >= 1");
    }
  }

  public static PipelineSettings defaults() {
    return new PipelineSettings(48, 10, 120, true);
  }

  /** These settings without the live view. */
  public PipelineSettings withoutLiveValues() {
    return new PipelineSettings(
        lateRetentionHours, closeAfterSilenceMinutes, realtimeRetentionMinutes, false);
  }
}
