package org.emission.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import org.emission.kafka.JsonCodec;

/**
 * A plain JSON webhook: the alert record's JSON as it was on Kafka (snake_case, times ISO-8601 with
 * their offset, unknown fields kept) plus {@code "text"}, the one-line message. Any 2xx answer is
 * success; 429 means "too many".
 */
final class GenericProtocol implements WebhookProtocol {
  private final URI url;

  GenericProtocol(URI url) {
    this.url = url;
  }

  @Override
  public WebhookRequest request(IncomingAlert alert, AlertMessage message, long nowMillis) {
    ObjectNode body = alert.json().deepCopy();
    body.put("text", message.headline());
    return new WebhookRequest(url, JsonCodec.write(body));
  }

  @Override
  public Outcome judge(WebhookResponse response) {
    int status = response.status();
    if (status >= 200 && status <= 299) {
      return Outcome.SENT;
    }
    return status == 429 ? Outcome.rateLimited("HTTP 429") : Outcome.failed("HTTP " + status);
  }
}
