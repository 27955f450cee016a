package org.emission.local.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.emission.local.LocalCache;
import org.emission.local.SharedServices;
import org.junit.jupiter.api.Test;

/**
 * The official Node.js client, @clickhouse/client 1.23.1 (installed with npm into the local cache
 * on first use), against the ClickHouse under test: ping, command, insert, query with JSON, query
 * parameters, a server error with its code, and gzip in both directions.
 */
class NodeClientTest {
  private static final String VERSION = "1.23.1";

  @Test
  void officialNodeClientWorksAgainstTheServer() throws Exception {
    requireTool("node", "--version");
    requireTool("npm", "--version");
    Path module = install();
    Path script = Files.createTempFile("node-client-check", ".cjs");
    try (InputStream in =
        NodeClientTest.class.getResourceAsStream("/clickhouse/node-client-check.cjs")) {
      assertThat(in).as("test resource clickhouse/node-client-check.cjs").isNotNull();
      Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
    }
    try {
      Result result =
          run(
              List.of("node", script.toString()),
              Map.of(
                  "CH_CLIENT_MODULE",
                  module.toString(),
                  "CH_URL",
                  SharedServices.clickHouseUrl(),
                  "CH_USER",
                  RawHttp.USER,
                  "CH_PASSWORD",
                  RawHttp.PASSWORD),
              120);
      assertThat(result.exit()).as(result.output()).isZero();
      assertThat(result.output().lines())
          .containsSubsequence(
              "ping true",
              "command string",
              "insert true written_rows=2",
              "rows 2 [{\"id\":1,\"outlet\":\"outlet-1\",\"value\":25.5,\"at\":\"2025-01-15 10:20:00\"},"
                  + "{\"id\":2,\"outlet\":\"outlet-\\\"2\\\"\",\"value\":-1.25,\"at\":\"2025-01-15 10:21:00\"}]",
              "meta id:UInt32,outlet:String,value:Float64,at:DateTime('Asia/Shanghai')",
              "params [{\"x\":42,\"s\":\"it's\\ttabbed\"}]",
              "error code=62 type=SYNTAX_ERROR",
              "compressed [{\"n\":3,\"total\":27.25}]");
    } finally {
      Files.deleteIfExists(script);
    }
  }

  /** Installs the pinned client into the local cache unless it is there already. */
  private static Path install() throws Exception {
    Path prefix = LocalCache.subdir("node-clients");
    Path module = prefix.resolve("node_modules/@clickhouse/client");
    Path manifest = module.resolve("package.json");
    if (Files.isRegularFile(manifest)
        && Files.readString(manifest).contains("\"version\": \"" + VERSION + "\"")) {
      return module;
    }
    Result npm =
        run(
            List.of(
                "npm",
                "install",
                "--no-audit",
                "--no-fund",
                "--prefix",
                prefix.toString(),
                "@clickhouse/client@" + VERSION),
            Map.of(),
            600);
    if (npm.exit() != 0 || !Files.isRegularFile(manifest)) {
      fail("npm could not install @clickhouse/client@" + VERSION + ":\n" + npm.output());
    }
    return module;
  }

  private static void requireTool(String tool, String versionFlag) {
    try {
      Result result = run(List.of(tool, versionFlag), Map.of(), 60);
      if (result.exit() != 0) {
        fail(
            "'"
                + tool
                + " "
                + versionFlag
                + "' failed; this test needs Node.js and npm:\n"
                + result.output());
      }
    } catch (IOException e) {
      fail("'" + tool + "' is not on the PATH; this test needs Node.js and npm installed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail("interrupted", e);
    }
  }

  private record Result(int exit, String output) {}

  private static Result run(List<String> command, Map<String, String> env, int timeoutSeconds)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    Process process = builder.start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("'" + String.join(" ", command) + "' did not finish in " + timeoutSeconds + " s");
    }
    return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }
}
