package org.emission.notify;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Prints each request instead of sending it, and answers as a robot does on success. */
final class DryRunTransport implements Transport {
  private static final byte[] OK =
      "{\"errcode\":0,\"errmsg\":\"ok\"}".getBytes(StandardCharsets.UTF_8);

  private final PrintStream out;

  DryRunTransport(PrintStream out) {
    this.out = out;
  }

  @Override
  public WebhookResponse post(String target, WebhookRequest request, Duration timeout) {
    synchronized (out) {
      out.println("[" + target + "] POST " + request.redactedUri());
      out.println(request.bodyText());
      out.flush();
    }
    return new WebhookResponse(200, OK);
  }
}
