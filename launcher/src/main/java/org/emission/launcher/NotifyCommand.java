package org.emission.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.emission.notify.AlertNotifier;
import org.emission.notify.NotifierConfig;
import org.emission.notify.NotifierConfigException;
import org.emission.notify.TargetConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./emission notify}: the alert notifier on its own, reading a Kafka cluster's alerts. */
@Command(
    name = "notify",
    mixinStandardHelpOptions = true,
    description = {
      "Reads the alert state changes on Kafka topic alerts (its own consumer group, offsets"
          + " committed once delivered) and posts them to webhook targets: generic JSON, WeCom"
          + " group robots and DingTalk robots (Chinese text, markdown or text messages).",
      "Each target has its own queue, rate limit (robots: 20 messages per minute), retries with"
          + " exponential backoff and filter (kinds, min severity, lifecycles). Webhook URLs and"
          + " DingTalk secrets come from the environment variables the config names (url_env,"
          + " secret_env); see notify.example.json. Runs until Ctrl-C or --duration."
    })
final class NotifyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--config",
      required = true,
      paramLabel = "FILE",
      description = "Notifier configuration (JSON), e.g. notify.example.json.")
  Path config;

  @Option(
      names = "--kafka",
      defaultValue = "127.0.0.1:9092",
      description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE}).")
  String kafka;

  @Option(
      names = "--dry-run",
      description =
          "Print each message instead of sending it; joins no consumer group and commits nothing."
              + " Unset url_env/secret_env variables get placeholders.")
  boolean dryRun;

  @Option(
      names = "--duration",
      description = "Stop after this long (e.g. PT5M or 300s); default: run until Ctrl-C.")
  String duration;

  @Override
  public Integer call() throws Exception {
    Duration stopAfter;
    try {
      stopAfter = duration == null ? null : Durations.parse(duration);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--duration: " + e.getMessage());
    }
    NotifierConfig settings;
    try {
      settings =
          NotifierConfig.load(
              config, dryRun ? NotifierConfig.withPlaceholders(System::getenv) : System::getenv);
    } catch (NotifierConfigException e) {
      System.err.println("emission notify: " + e.getMessage());
      return 1;
    }
    // The notifier's start line, retries and drops are its status output.
    Configurator.setLevel("org.emission.notify", Level.INFO);
    CountDownLatch stop = new CountDownLatch(1);
    long deadline = stopAfter == null ? Long.MAX_VALUE : System.nanoTime() + stopAfter.toNanos();
    try (AlertNotifier notifier =
        dryRun
            ? AlertNotifier.startDryRun(settings, kafka, System.out)
            : AlertNotifier.start(settings, kafka)) {
      Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "notify-stop"));
      System.err.println(
          "alert notifier"
              + (dryRun ? " (dry run: printing, not sending)" : "")
              + " reading "
              + settings.topic()
              + " on "
              + kafka
              + ", targets: "
              + String.join(", ", settings.targets().stream().map(TargetConfig::toString).toList())
              + ". Stop with Ctrl-C.");
      while (!stop.await(1, TimeUnit.SECONDS)) {
        if (!notifier.running()) {
          System.err.println("emission notify: stopped: " + notifier.failure());
          return 1;
        }
        if (System.nanoTime() > deadline) {
          break;
        }
      }
      System.err.println("stopping ...");
      notifier.close();
      System.err.println(notifier.stats());
    } catch (IllegalStateException e) {
      System.err.println("emission notify: " + e.getMessage());
      return 1;
    }
    return 0;
  }
}
