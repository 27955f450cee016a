package org.emission.simulator;

/**
 * The values of one logger record (a minute, or MinInterval minutes for wastewater), per channel,
 * as scaled units ({@link Decimals}) exactly as they are sent. Reused from record to record.
 */
final class MinuteRecord {

  long start;
  int minutes;
  final long[] avg;
  final long[] min;
  final long[] max;
  final long[] zs;
  final boolean[] hasZs;
  final long[] cou;
  final char[] flag;

  /** Whether the channel's value is frozen (flat line): real-time values repeat it. */
  final boolean[] frozen;

  MinuteRecord(int channels) {
    avg = new long[channels];
    min = new long[channels];
    max = new long[channels];
    zs = new long[channels];
    hasZs = new boolean[channels];
    cou = new long[channels];
    flag = new char[channels];
    frozen = new boolean[channels];
  }
}
