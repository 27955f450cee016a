package org.emission.notify;

import java.io.IOException;
import java.time.Duration;

/** Posts webhook requests: over HTTP, or printed for a dry run. */
public interface Transport {
  /**
   * Posts {@code request} for {@code target}, waiting at most {@code timeout} for the answer.
   *
   * @throws IOException when there is no answer (connection refused, timeout, ...)
   */
  WebhookResponse post(String target, WebhookRequest request, Duration timeout)
      throws IOException, InterruptedException;
}
