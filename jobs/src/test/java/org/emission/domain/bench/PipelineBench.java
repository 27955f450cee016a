package org.emission.domain.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.emission.domain.alert.AlertThresholds;
import org.emission.domain.pipeline.DeviceOutputs;
import org.emission.domain.pipeline.DevicePipeline;
import org.emission.domain.pipeline.DeviceState;
import org.emission.domain.pipeline.PipelineSettings;
import org.emission.records.CemsSample;

/**
 * Single-thread throughput of {@link DevicePipeline#onSample} on the {@code bench replay} input
 * ({@link BenchRegion}): prints samples per second and bytes allocated per sample; asserts nothing.
 * Packets are built a day at a time outside the measured time (then a full collection). Thread CPU
 * time is printed beside wall time since the machine may be shared.
 *
 * <pre>
 * java -cp ... org.emission.domain.bench.PipelineBench [devices=130] [days=1] [from=2025-01-01]
 *     [rounds=3] [digest=false]
 * </pre>
 *
 * Each round runs the whole input on fresh states; the first round warms the JIT up, and the best
 * later round is printed last (the machine may be shared, so single rounds vary).
 */
public final class PipelineBench {

  private PipelineBench() {}

  /** What one round measured. */
  public record Result(
      long samples,
      long nanos,
      long cpuNanos,
      long gcMillis,
      long bytes,
      String digest,
      String summary) {
    public double samplesPerSecond() {
      return samples / (nanos / 1e9);
    }

    public double bytesPerSample() {
      return (double) bytes / samples;
    }
  }

  public static void main(String[] args) {
    int devices = args.length > 0 ? Integer.parseInt(args[0]) : 130;
    int days = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    LocalDate from = args.length > 2 ? LocalDate.parse(args[2]) : LocalDate.of(2025, 1, 1);
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    boolean digest = args.length > 4 && Boolean.parseBoolean(args[4]);
    Result best = null;
    for (int r = 1; r <= rounds; r++) {
      Result result = run(devices, days, from, digest);
      if (r > 1 && (best == null || result.nanos() < best.nanos())) {
        best = result;
      }
      System.out.printf(
          Locale.ROOT,
          "round %d: %d samples (%d devices x %d days from %s) in %.2f s (thread CPU %.2f s, GC %.2f"
              + " s) = %.0f samples/s, %.0f bytes/sample%s%n",
          r,
          result.samples(),
          devices,
          days,
          from,
          result.nanos() / 1e9,
          result.cpuNanos() / 1e9,
          result.gcMillis() / 1e3,
          result.samplesPerSecond(),
          result.bytesPerSample(),
          digest ? "; digest " + result.digest() + "; " + result.summary() : "");
    }
    if (best != null) {
      System.out.printf(
          Locale.ROOT,
          "best of rounds 2..%d: %.0f samples/s (%.0f by thread CPU time), %.0f bytes/sample%n",
          rounds,
          best.samplesPerSecond(),
          best.samples() / (best.cpuNanos() / 1e9),
          best.bytesPerSample());
    }
  }

  private static long gcMillis() {
    long total = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, gc.getCollectionTime());
    }
    return total;
  }

  /** One round on fresh states. */
  public static Result run(int devices, int days, LocalDate from, boolean digest) {
    DevicePipeline pipeline =
        new DevicePipeline(
            BenchRegion.registry(devices), AlertThresholds.defaults(), PipelineSettings.defaults());
    DeviceState[] states = new DeviceState[devices];
    for (int d = 0; d < devices; d++) {
      states[d] = pipeline.newState();
    }
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    OutputDigest outputs = digest ? new OutputDigest() : null;
    long samples = 0;
    long nanos = 0;
    long cpuNanos = 0;
    long gcMillis = 0;
    long bytes = 0;
    for (int day = 0; day < days; day++) {
      LocalDateTime dayStart = from.plusDays(day).atStartOfDay();
      List<CemsSample> input = new ArrayList<>(devices * 1440);
      for (int m = 0; m < 1440; m++) {
        input.addAll(BenchRegion.minute(devices, dayStart.plusMinutes(m)));
      }
      int n = input.size();
      // the packets are live for the whole day: move them out of the young generation first, so
      // that the collections measured are those of the pipeline's own garbage
      System.gc();
      long allocatedBefore = threads.getThreadAllocatedBytes(thread);
      long gcBefore = gcMillis();
      long cpuBefore = threads.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      for (int i = 0; i < n; i++) {
        DeviceOutputs out = pipeline.onSample(states[i % devices], input.get(i));
        if (outputs != null) {
          outputs.add("", out);
        }
      }
      long dayNanos = System.nanoTime() - start;
      long dayCpu = threads.getCurrentThreadCpuTime() - cpuBefore;
      nanos += dayNanos;
      cpuNanos += dayCpu;
      gcMillis += gcMillis() - gcBefore;
      bytes += threads.getThreadAllocatedBytes(thread) - allocatedBefore;
      samples += n;
      if (days > 31 && (day + 1) % 30 == 0) {
        System.out.printf(
            Locale.ROOT,
            "  day %d (%s): %.0f samples/s (%.0f by thread CPU time)%n",
            day + 1,
            dayStart.toLocalDate(),
            n / (dayNanos / 1e9),
            n / (dayCpu / 1e9));
      }
    }
    for (int d = 0; d < devices; d++) {
      DeviceOutputs out = pipeline.onEndOfInput(states[d], BenchRegion.mn(d));
      if (outputs != null) {
        outputs.add("end", out);
      }
    }
    return new Result(
        samples,
        nanos,
        cpuNanos,
        gcMillis,
        bytes,
        outputs == null ? null : outputs.hex(),
        outputs == null ? null : outputs.summary());
  }
}
