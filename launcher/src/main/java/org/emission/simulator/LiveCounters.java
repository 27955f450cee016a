package org.emission.simulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** What the live loggers did, counted across all of them (thread-safe). */
final class LiveCounters {

  final AtomicLong connects = new AtomicLong();
  final AtomicLong connectFailures = new AtomicLong();
  final AtomicLong packets = new AtomicLong();
  final AtomicLong bytes = new AtomicLong();
  final AtomicLong answers = new AtomicLong();
  final AtomicLong resends = new AtomicLong();
  final AtomicLong unanswered = new AtomicLong();
  final AtomicLong notSent = new AtomicLong();
  final AtomicLong damaged = new AtomicLong();
  final AtomicLong impostor = new AtomicLong();
  final AtomicLong unregistered = new AtomicLong();
  final AtomicLong commands = new AtomicLong();
  final AtomicLong historyRequests = new AtomicLong();
  final AtomicLong historyPackets = new AtomicLong();
  final AtomicLong clockSets = new AtomicLong();
  final AtomicLong meterRecords = new AtomicLong();

  Map<String, Long> snapshot() {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("connects", connects.get());
    m.put("connect_failures", connectFailures.get());
    m.put("packets", packets.get());
    m.put("bytes", bytes.get());
    m.put("answers_received", answers.get());
    m.put("resends", resends.get());
    m.put("unanswered", unanswered.get());
    m.put("not_sent_offline", notSent.get());
    m.put("damaged_frames", damaged.get());
    m.put("wrong_password_packets", impostor.get());
    m.put("unknown_mn_packets", unregistered.get());
    m.put("host_commands", commands.get());
    m.put("history_requests", historyRequests.get());
    m.put("history_packets", historyPackets.get());
    m.put("clock_sets", clockSets.get());
    m.put("meter_records", meterRecords.get());
    return m;
  }
}
