package org.emission.launcher;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.emission.hj212.DecodeCommandSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ./emission decode [FILE]}: HJ 212 packets, one per line, to JSON lines. */
@Command(
    name = "decode",
    mixinStandardHelpOptions = true,
    description = {
      "Decodes HJ 212 packets (HJ/T 212-2005, HJ 212-2017, HJ 212-2025), one per line, into one"
          + " JSON object per line:",
      "  {\"ok\": true, \"ST\", \"CN\", \"QN\", \"MN\", \"Flag\", \"DataTime\", \"values\": {...}}",
      "or {\"ok\": false, \"reason\": \"...\"} for a packet that is rejected, with the reason."
    })
final class DecodeCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "FILE",
      description = "File of packets, one per line (default: standard input).")
  Path file;

  @Override
  public Integer call() throws Exception {
    try (BufferedReader in =
            file == null
                ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                : Files.newBufferedReader(file, StandardCharsets.UTF_8);
        BufferedWriter out =
            new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))) {
      new DecodeCommandSupport().decodeLines(in, out);
    }
    return 0;
  }
}
