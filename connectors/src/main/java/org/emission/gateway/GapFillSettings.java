package org.emission.gateway;

import java.time.Duration;

/**
 * Bounds of gap fill ({@link GapFiller}).
 *
 * @param enabled whether the gateway asks loggers for missing data at all
 * @param maxSpan the longest window asked for at once (older data is not asked for)
 * @param requestTimeout how long a request may go without its 9012 execution result
 * @param maxAttempts how often one window is asked for
 * @param defaultMinuteInterval the minute interval assumed until a device's is known
 * @param maxDevices most devices tracked
 */
record GapFillSettings(
    boolean enabled,
    Duration maxSpan,
    Duration requestTimeout,
    int maxAttempts,
    Duration defaultMinuteInterval,
    int maxDevices) {}
