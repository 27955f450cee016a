package org.emission.simulator;

import java.util.List;
import java.util.Map;

/**
 * A running live simulation: the loggers on their connections and the meter feed. {@link #close()}
 * stops them.
 */
public interface LiveRun extends AutoCloseable {

  /** Counters: connects, packets, answers received, resends, history requests ... */
  Map<String, Long> counters();

  /** The simulated time now (epoch ms). */
  long simulatedTime();

  /** The incidents scheduled, with the meter incidents seen so far. */
  List<Incident> incidents();

  /** MNs of devices.csv without an incident. */
  List<String> cleanDevices();

  /** One line for a status display. */
  String statusLine();

  @Override
  void close();
}
