package org.emission.simulator;

/**
 * One meter record as published: its topic ({@code energy.readings} or {@code production.output}),
 * key (meter id or enterprise id) and JSON (DESIGN.md, Kafka contracts).
 */
record MeterRecord(long time, String topic, String key, String json) {}
