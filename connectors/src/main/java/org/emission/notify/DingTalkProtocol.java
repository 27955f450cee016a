package org.emission.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.List;
import org.emission.kafka.JsonCodec;

/**
 * DingTalk custom robot (消息类型和数据格式,
 * https://open.dingtalk.com/document/robots/message-types-and-data-format):
 *
 * <ul>
 *   <li>markdown: {@code {"msgtype":"markdown","markdown":{"title":"…","text":"…"},
 *       "at":{"atMobiles":[…],"isAtAll":false}}}; the title is what the conversation list shows.
 *   <li>text: {@code {"msgtype":"text","text":{"content":"…"},"at":{…}}}.
 * </ul>
 *
 * <p>A mentioned mobile is only highlighted when the text contains {@code @mobile}, so it is
 * appended. With 加签 security the URL gets {@code &timestamp=…&sign=…} ({@link DingTalkSigner}),
 * made afresh for every attempt. Reply {@code {"errcode":0,"errmsg":"ok"}}; errcode 130101 ("send
 * too fast, exceed 20 times per minute") means the robot is throttled: DingTalk then refuses it for
 * 10 minutes (自定义机器人接入, https://open.dingtalk.com/document/robots/custom-robot-access).
 */
final class DingTalkProtocol implements WebhookProtocol {
  /**
   * "send too fast, exceed 20 times per minute", as DingTalk answers it (reported e.g. in
   * https://github.com/ccfos/nightingale/issues/369).
   */
  static final int RATE_LIMITED_ERRCODE = 130101;

  private final URI url;
  private final String secret;
  private final MessageFormat format;
  private final List<String> atMobiles;
  private final boolean atAll;
  private final String separator;

  DingTalkProtocol(TargetConfig target) {
    this.url = target.url();
    this.secret = target.secret();
    this.format = target.format();
    this.atMobiles = target.atMobiles();
    this.atAll = target.atAll();
    this.separator = target.language().text().labelSeparator();
  }

  @Override
  public WebhookRequest request(IncomingAlert alert, AlertMessage message, long nowMillis) {
    URI uri = secret == null ? url : DingTalkSigner.signedUrl(url, secret, nowMillis);
    return new WebhookRequest(uri, JsonCodec.write(body(message)));
  }

  ObjectNode body(AlertMessage message) {
    ObjectNode body = JsonCodec.mapper().createObjectNode();
    if (format == MessageFormat.MARKDOWN) {
      body.put("msgtype", "markdown");
      body.putObject("markdown")
          .put("title", message.title() + message.subject())
          .put("text", markdown(message) + mentions("\n\n"));
    } else {
      body.put("msgtype", "text");
      body.putObject("text").put("content", text(message) + mentions("\n"));
    }
    if (!atMobiles.isEmpty() || atAll) {
      ObjectNode at = body.putObject("at");
      atMobiles.forEach(at.putArray("atMobiles")::add);
      at.put("isAtAll", atAll);
    }
    return body;
  }

  String markdown(AlertMessage m) {
    StringBuilder s =
        new StringBuilder("#### ").append(m.title().trim()).append("\n\n").append(m.summary());
    if (!m.details().isEmpty()) {
      s.append('\n');
    }
    for (AlertMessage.Detail d : m.details()) {
      s.append("\n- ").append(d.label()).append(separator).append(d.value());
    }
    return s.toString();
  }

  String text(AlertMessage m) {
    StringBuilder s = new StringBuilder(m.headline());
    for (AlertMessage.Detail d : m.details()) {
      s.append('\n').append(d.label()).append(separator).append(d.value());
    }
    return s.toString();
  }

  private String mentions(String before) {
    if (atMobiles.isEmpty()) {
      return "";
    }
    StringBuilder s = new StringBuilder(before);
    for (String mobile : atMobiles) {
      s.append(s.length() == before.length() ? "@" : " @").append(mobile);
    }
    return s.toString();
  }

  @Override
  public Outcome judge(WebhookResponse response) {
    return RobotReplies.judge(response, RATE_LIMITED_ERRCODE);
  }
}
