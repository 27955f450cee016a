package org.emission.notify;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.emission.kafka.JsonCodec;

/**
 * Reads a robot's reply: both WeCom and DingTalk answer HTTP 200 with {@code
 * {"errcode":0,"errmsg":"ok"}} on success, and a non-zero errcode (still HTTP 200) on failure.
 */
final class RobotReplies {
  private RobotReplies() {}

  static Outcome judge(WebhookResponse response, int rateLimitErrcode) {
    if (response.status() == 429) {
      return Outcome.rateLimited("HTTP 429");
    }
    if (response.status() < 200 || response.status() > 299) {
      return Outcome.failed("HTTP " + response.status());
    }
    JsonNode reply;
    try {
      reply = JsonCodec.mapper().readTree(response.body());
    } catch (IOException e) {
      reply = null;
    }
    if (reply == null || !reply.path("errcode").canConvertToInt()) {
      return Outcome.failed("reply without errcode: " + snippet(response.bodyText()));
    }
    int errcode = reply.path("errcode").asInt();
    if (errcode == 0) {
      return Outcome.SENT;
    }
    String reason = "errcode " + errcode + ": " + reply.path("errmsg").asText("");
    return errcode == rateLimitErrcode ? Outcome.rateLimited(reason) : Outcome.failed(reason);
  }

  private static String snippet(String body) {
    return body.length() <= 120 ? body : body.substring(0, 120) + "…";
  }
}
