package org.emission.launcher.bench;

import picocli.CommandLine.Command;

/** {@code ./emission bench}: figures for throughput and latency, printed, never asserted. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks that print figures with the machine's core count.",
    subcommands = {ReplayBench.class, AlertLatencyBench.class})
public final class BenchCommand {}
