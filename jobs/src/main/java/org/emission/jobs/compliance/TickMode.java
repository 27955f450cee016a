package org.emission.jobs.compliance;

/** What drives the per-device tick that detects silent loggers and closes hours nobody closes. */
public enum TickMode {
  /** Wall-clock time: the live job, where "no data for 30 minutes" means real minutes. */
  PROCESSING,
  /**
   * Event time from the records' receive times: replay of a bounded file, where time is the file's
   * own clock and the end of the file closes what is open without calling anyone offline.
   */
  EVENT
}
