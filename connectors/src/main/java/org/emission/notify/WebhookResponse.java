package org.emission.notify;

import java.nio.charset.StandardCharsets;

/** What a target answered: the HTTP status and body. */
public record WebhookResponse(int status, byte[] body) {
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
