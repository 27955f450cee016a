package org.emission.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.emission.records.AlertEvent;

/**
 * One alert record as read from Kafka: the typed record, and its JSON as written (fields this
 * version does not know are kept, as the design's Kafka contracts ask, for generic webhooks).
 */
record IncomingAlert(AlertEvent event, ObjectNode json) {}
