/**
 * One logger's whole compliance chain behind two calls, for a Flink operator keyed by MN: {@link
 * org.emission.domain.pipeline.DevicePipeline#onSample} for each {@code cems.samples} record and
 * {@link org.emission.domain.pipeline.DevicePipeline#onTick} on a processing-time timer, both on a
 * {@link org.emission.domain.pipeline.DeviceState}.
 */
package org.emission.domain.pipeline;
