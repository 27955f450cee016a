package org.emission.launcher;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The one launcher, {@code ./emission}: every user-facing command is a subcommand of it. */
@Command(
    name = "emission",
    mixinStandardHelpOptions = true,
    version = "emission 0.1.0",
    description =
        "Streaming analytics for pollutant-emission compliance and carbon accounting"
            + " (HJ 212 ingest, Flink, Kafka, ClickHouse, Grafana).",
    subcommands = {
      LocalCommand.class,
      DecodeCommand.class,
      ReplayCommand.class,
      GatewayCommand.class,
      SimulateCommand.class,
      NotifyCommand.class,
      org.emission.launcher.bench.BenchCommand.class,
      CommandLine.HelpCommand.class
    })
public final class EmissionCli {

  public static void main(String[] args) {
    int exit =
        new CommandLine(new EmissionCli()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
    System.exit(exit);
  }
}
