package org.emission.kafka;

import java.util.LinkedHashMap;
import java.util.Map;

/** The Kafka topics of the engine (design: Kafka contracts) and their partition counts. */
public final class Topics {
  /** Every HJ 212 packet as received, for audit. Key: MN. */
  public static final String HJ212_RAW = "hj212.raw";

  /** One record per valid HJ 212 data packet ({@link org.emission.records.CemsSample}). Key: MN. */
  public static final String CEMS_SAMPLES = "cems.samples";

  /** Rejected packets with their reason (the dead-letter topic). Key: MN when known. */
  public static final String INGEST_REJECTS = "ingest.rejects";

  /** Energy meter readings (cumulative registers or intervals). Key: meter id. */
  public static final String ENERGY_READINGS = "energy.readings";

  /** Production output per enterprise and product. Key: enterprise id. */
  public static final String PRODUCTION_OUTPUT = "production.output";

  /** One record per alert state change (opened, updated, closed). Key: alert id. */
  public static final String ALERTS = "alerts";

  private Topics() {}

  /** Topic name to partition count, as local mode creates them. */
  public static Map<String, Integer> all() {
    Map<String, Integer> topics = new LinkedHashMap<>();
    topics.put(HJ212_RAW, 4);
    topics.put(CEMS_SAMPLES, 4);
    topics.put(INGEST_REJECTS, 1);
    topics.put(ENERGY_READINGS, 2);
    topics.put(PRODUCTION_OUTPUT, 1);
    topics.put(ALERTS, 2);
    return topics;
  }
}
