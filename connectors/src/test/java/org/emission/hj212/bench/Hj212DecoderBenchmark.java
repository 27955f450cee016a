package org.emission.hj212.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.emission.hj212.Hj212DecodeResult;
import org.emission.hj212.Hj212Decoder;
import org.emission.hj212.Hj212Packet;
import org.emission.hj212.Hj212Records;
import org.emission.hj212.SplitPacketAssembler;
import org.emission.records.CemsSample;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Decoding cost of typical HJ 212 packets: a 10-parameter real-time (2011) packet, an hourly (2061)
 * packet and a split pair (two Flag=7 sub-packets decoded and reassembled). Goal: about 1,000,000
 * packets per second per core and under 1 KiB allocated per packet.
 *
 * <p>Run with {@code main}; extra JMH arguments are passed through, e.g. {@code -prof gc}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(2)
@State(Scope.Thread)
public class Hj212DecoderBenchmark {

  static final String REALTIME_2011 =
      "##0462QN=20250115103000123;ST=31;CN=2011;PW=123456;MN=0A1B2C3D4E5F000000000001;Flag=5;"
          + "CP=&&DataTime=20250115103000;a21026-Rtd=25.3,a21026-ZsRtd=30.1,a21026-Flag=N;"
          + "a21002-Rtd=45.6,a21002-ZsRtd=54.2,a21002-Flag=N;a34013-Rtd=3.2,a34013-ZsRtd=3.8,"
          + "a34013-Flag=N;a19001-Rtd=7.8,a19001-Flag=N;a00000-Rtd=125.4,a00000-Flag=N;"
          + "a01011-Rtd=12.5,a01011-Flag=N;a01012-Rtd=85.2,a01012-Flag=N;a01013-Rtd=-0.12,"
          + "a01013-Flag=N;a01014-Rtd=8.6,a01014-Flag=N;a21005-Rtd=12.0,a21005-Flag=N&&6C00\r\n";

  static final String HOURLY_2061 =
      "##0472QN=20250115110000456;ST=31;CN=2061;PW=123456;MN=0A1B2C3D4E5F000000000001;Flag=5;"
          + "CP=&&DataTime=20250115100000;a21026-Avg=25.3,a21026-Min=20.1,a21026-Max=31.7,"
          + "a21026-ZsAvg=30.1,a21026-Cou=1.52,a21026-Flag=N;a21002-Avg=45.6,a21002-Min=40.2,"
          + "a21002-Max=50.3,a21002-ZsAvg=54.2,a21002-Cou=2.74,a21002-Flag=N;a34013-Avg=3.2,"
          + "a34013-Min=2.9,a34013-Max=3.6,a34013-ZsAvg=3.8,a34013-Cou=0.19,a34013-Flag=N;"
          + "a19001-Avg=7.8,a19001-Flag=N;a00000-Avg=125.4,a00000-Cou=451440,a00000-Flag=N&&1980\r\n";

  static final String SPLIT_1 =
      "##0219QN=20250115110000534;ST=31;CN=2061;PW=123456;MN=0A1B2C3D4E5F000000000001;Flag=7;"
          + "PNUM=2;PNO=1;CP=&&DataTime=20250115100000;a21026-Avg=25.3,a21026-ZsAvg=30.1,"
          + "a21026-Flag=N;a21002-Avg=45.6,a21002-ZsAvg=54.2,a21002-Flag=N&&9301\r\n";

  static final String SPLIT_2 =
      "##0183QN=20250115110000535;ST=31;CN=2061;PW=123456;MN=0A1B2C3D4E5F000000000001;Flag=7;"
          + "PNUM=2;PNO=2;CP=&&DataTime=20250115100000;a19001-Avg=7.8,a19001-Flag=N;"
          + "a00000-Avg=125.4,a00000-Flag=N&&F6C1\r\n";

  private static final Instant NOW = Instant.parse("2025-01-15T03:00:00Z");

  private final Hj212Decoder decoder = new Hj212Decoder();
  private final SplitPacketAssembler assembler =
      new SplitPacketAssembler(Duration.ofSeconds(30), 1024, 1 << 20, () -> NOW);
  private byte[] realtime;
  private byte[] hourly;
  private byte[] split1;
  private byte[] split2;

  @Setup
  public void setUp() {
    realtime = REALTIME_2011.getBytes(StandardCharsets.US_ASCII);
    hourly = HOURLY_2061.getBytes(StandardCharsets.US_ASCII);
    split1 = SPLIT_1.getBytes(StandardCharsets.US_ASCII);
    split2 = SPLIT_2.getBytes(StandardCharsets.US_ASCII);
    for (byte[] frame : new byte[][] {realtime, hourly, split1, split2}) {
      if (!decoder.decode(frame).ok()) {
        throw new IllegalStateException("benchmark frame does not decode");
      }
    }
  }

  /** Decode only: frame checks, CRC, grammar and value checks, packet of offsets. */
  @Benchmark
  public Hj212DecodeResult realtime2011() {
    return decoder.decode(realtime);
  }

  @Benchmark
  public Hj212DecodeResult hourly2061() {
    return decoder.decode(hourly);
  }

  /** Both sub-packets decoded and reassembled into one packet. */
  @Benchmark
  public void splitPair(Blackhole bh) {
    bh.consume(assembler.offer(decoder.decode(split1).packetOrNull()));
    List<SplitPacketAssembler.Event> done = assembler.offer(decoder.decode(split2).packetOrNull());
    bh.consume(done);
  }

  /** Decode and map to the Kafka record: here every String is made. */
  @Benchmark
  public CemsSample realtime2011ToCemsSample() {
    Hj212Packet packet = decoder.decode(realtime).packetOrNull();
    return Hj212Records.toCemsSample(packet, NOW, false);
  }

  public static void main(String[] args) throws RunnerException, CommandLineOptionException {
    new Runner(
            new OptionsBuilder()
                .parent(new CommandLineOptions(args))
                .include(Hj212DecoderBenchmark.class.getName() + ".*")
                .build())
        .run();
  }
}
