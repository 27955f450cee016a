package org.emission.notify;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/** One POST of a JSON body to a target (the URI may carry the robot's key: never log it). */
public record WebhookRequest(URI uri, byte[] body) {
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The URI without its query, which carries robot keys and signatures. */
  public String redactedUri() {
    String s = uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath();
    return uri.getRawQuery() == null ? s : s + "?…";
  }
}
