package org.emission.simulator;

import java.util.List;

/**
 * The logger's own hourly values (CN 2061) from the records it sent in the hour, computed as the
 * compliance job recomputes them from the same records (hj75-validity.md §2–§3), so that a clean
 * logger's hour agrees with its minutes: the mean of the valid (N) values, the converted mean over
 * the valid values whose record had a valid O2, and for wastewater the flow-weighted concentration
 * {@code C = Σ G / Σ D × 10^3} from the records' amounts (HJ 212-2017 App. D.1). The hour flag is N
 * with at least 45 valid minutes (any valid record for wastewater), F when mostly stopped, else the
 * most frequent invalid flag.
 */
final class HourAccumulator {

  private static final double AIR_O2 = 21.0;

  private final List<Channel> channels;
  private final int n;
  private final Double o2Ref;
  private final boolean wastewater;
  private final int o2Index;
  private final int flowIndex;

  private long hourStart = Long.MIN_VALUE;
  private final int[] valid;
  private final long[] sum;
  private final long[] min;
  private final long[] max;
  private final double[] zsSum;
  private final int[] zsCount;
  private final double[] cou;
  private final int[] stop;
  private final int[] calibration;
  private final int[] maintenance;
  private final double[] volumeOfValid;

  HourAccumulator(List<Channel> channels, Double o2Ref, boolean wastewater) {
    this.channels = channels;
    this.n = channels.size();
    this.o2Ref = o2Ref;
    this.wastewater = wastewater;
    int o2 = -1;
    int flow = -1;
    for (int i = 0; i < n; i++) {
      Channel.Role r = channels.get(i).role();
      if (r == Channel.Role.O2) {
        o2 = i;
      } else if (r == Channel.Role.FLOW || r == Channel.Role.WATER_FLOW) {
        flow = i;
      }
    }
    o2Index = o2;
    flowIndex = flow;
    valid = new int[n];
    sum = new long[n];
    min = new long[n];
    max = new long[n];
    zsSum = new double[n];
    zsCount = new int[n];
    cou = new double[n];
    stop = new int[n];
    calibration = new int[n];
    maintenance = new int[n];
    volumeOfValid = new double[n];
  }

  /** Starts the hour {@code [start, start + 1 h)}. */
  void begin(long start) {
    hourStart = start;
    java.util.Arrays.fill(valid, 0);
    java.util.Arrays.fill(sum, 0);
    java.util.Arrays.fill(min, Long.MAX_VALUE);
    java.util.Arrays.fill(max, Long.MIN_VALUE);
    java.util.Arrays.fill(zsSum, 0);
    java.util.Arrays.fill(zsCount, 0);
    java.util.Arrays.fill(cou, 0);
    java.util.Arrays.fill(stop, 0);
    java.util.Arrays.fill(calibration, 0);
    java.util.Arrays.fill(maintenance, 0);
    java.util.Arrays.fill(volumeOfValid, 0);
  }

  long hourStart() {
    return hourStart;
  }

  boolean started() {
    return hourStart != Long.MIN_VALUE;
  }

  void add(MinuteRecord r) {
    double flowM3h = Double.NaN;
    if (flowIndex >= 0 && r.flag[flowIndex] == 'N') {
      Channel f = channels.get(flowIndex);
      flowM3h = Decimals.value(r.avg[flowIndex], f.scale());
    }
    boolean o2Valid = o2Index >= 0 && r.flag[o2Index] == 'N';
    double o2 = o2Valid ? Decimals.value(r.avg[o2Index], 2) : Double.NaN;
    for (int i = 0; i < n; i++) {
      Channel c = channels.get(i);
      char f = r.flag[i];
      if (f == 'F') {
        stop[i] += r.minutes;
        continue;
      }
      if (f == 'C') {
        calibration[i] += r.minutes;
      } else if (f == 'M') {
        maintenance[i] += r.minutes;
      }
      if (c.couScale() >= 0 && c.role() != Channel.Role.POLLUTANT) {
        cou[i] += Decimals.value(r.cou[i], c.couScale());
      }
      if (f != 'N') {
        continue;
      }
      valid[i] += r.minutes;
      sum[i] += r.avg[i] * r.minutes;
      min[i] = Math.min(min[i], r.min[i]);
      max[i] = Math.max(max[i], r.max[i]);
      if (!c.pollutant()) {
        continue;
      }
      double value = Decimals.value(r.avg[i], c.scale());
      if (wastewater) {
        cou[i] += Decimals.value(r.cou[i], c.couScale());
        volumeOfValid[i] += Decimals.value(r.cou[flowIndex], 2);
      } else {
        if (!Double.isNaN(flowM3h)) {
          cou[i] += value * flowM3h * r.minutes / 60.0 * 1e-6;
        }
        if (o2Ref != null && o2Valid && o2 < 20.9) {
          zsSum[i] += value * (AIR_O2 - o2Ref) / (AIR_O2 - o2) * r.minutes;
          zsCount[i] += r.minutes;
        }
      }
    }
  }

  /** The hour's values; {@code mismatchCode}'s Avg and ZsAvg are multiplied by {@code factor}. */
  HourRecord finish(String mismatchCode, double factor) {
    HourRecord h = new HourRecord(hourStart, n);
    for (int i = 0; i < n; i++) {
      Channel c = channels.get(i);
      double f = c.code().equals(mismatchCode) ? factor : 1;
      if (valid[i] > 0) {
        double mean = Decimals.value(sum[i], c.scale()) / valid[i];
        if (wastewater && c.pollutant() && volumeOfValid[i] > 0) {
          mean = cou[i] / volumeOfValid[i] * 1000;
        }
        h.avg[i] = Decimals.units(mean * f, c.scale());
        h.min[i] = min[i];
        h.max[i] = max[i];
        h.hasValue[i] = true;
      } else {
        h.hasValue[i] = false;
      }
      if (zsCount[i] > 0) {
        h.zs[i] = Decimals.units(zsSum[i] / zsCount[i] * f, c.scale());
        h.hasZs[i] = true;
      }
      if (c.couScale() >= 0) {
        h.cou[i] = Decimals.units(cou[i], c.couScale());
        h.hasCou[i] = true;
      }
      h.flag[i] = flag(i);
    }
    return h;
  }

  private char flag(int i) {
    int needed = wastewater ? 1 : 45;
    if (valid[i] >= needed) {
      return 'N';
    }
    if (stop[i] >= 30) {
      return 'F';
    }
    if (calibration[i] == 0 && maintenance[i] == 0) {
      return 'D';
    }
    return calibration[i] >= maintenance[i] ? 'C' : 'M';
  }

  /** One hour's values per channel. */
  static final class HourRecord {
    final long start;
    final long[] avg;
    final long[] min;
    final long[] max;
    final long[] zs;
    final long[] cou;
    final boolean[] hasValue;
    final boolean[] hasZs;
    final boolean[] hasCou;
    final char[] flag;

    HourRecord(long start, int n) {
      this.start = start;
      avg = new long[n];
      min = new long[n];
      max = new long[n];
      zs = new long[n];
      cou = new long[n];
      hasValue = new boolean[n];
      hasZs = new boolean[n];
      hasCou = new boolean[n];
      flag = new char[n];
    }
  }
}
