package org.emission.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.emission.kafka.JsonCodec;

/**
 * WeCom group robot (群机器人配置说明, https://developer.work.weixin.qq.com/document/path/91770):
 *
 * <ul>
 *   <li>markdown: {@code {"msgtype":"markdown","markdown":{"content":"…"}}}, content at most 4096
 *       bytes of UTF-8; colours with {@code <font color="info|comment|warning">}; no mentions by
 *       phone number.
 *   <li>text: {@code {"msgtype":"text","text":{"content":"…","mentioned_mobile_list":[…]}}},
 *       content at most 2048 bytes; {@code "@all"} in the list mentions everyone.
 * </ul>
 *
 * <p>Reply {@code {"errcode":0,"errmsg":"ok"}}; a non-zero errcode is a failure even with HTTP 200;
 * errcode 45009 (api freq out of limit, 全局错误码
 * https://developer.work.weixin.qq.com/document/path/90313) means the robot's 20 messages per
 * minute are used up.
 */
final class WeComProtocol implements WebhookProtocol {
  /**
   * "api freq out of limit" (接口调用超过限制), as WeCom answers it (reported e.g. in
   * https://github.com/WecomTeam/wecom-openclaw-plugin/issues/48).
   */
  static final int RATE_LIMITED_ERRCODE = 45009;

  static final int MARKDOWN_MAX_BYTES = 4096;
  static final int TEXT_MAX_BYTES = 2048;

  private final URI url;
  private final MessageFormat format;
  private final List<String> mentions;
  private final String separator;

  WeComProtocol(TargetConfig target) {
    this.url = target.url();
    this.format = target.format();
    List<String> m = new ArrayList<>(target.atMobiles());
    if (target.atAll()) {
      m.add("@all");
    }
    this.mentions = List.copyOf(m);
    this.separator = target.language().text().labelSeparator();
  }

  @Override
  public WebhookRequest request(IncomingAlert alert, AlertMessage message, long nowMillis) {
    return new WebhookRequest(url, JsonCodec.write(body(message)));
  }

  ObjectNode body(AlertMessage message) {
    ObjectNode body = JsonCodec.mapper().createObjectNode();
    if (format == MessageFormat.MARKDOWN) {
      body.put("msgtype", "markdown");
      body.putObject("markdown")
          .put("content", Utf8.truncate(markdown(message), MARKDOWN_MAX_BYTES));
    } else {
      body.put("msgtype", "text");
      ObjectNode text = body.putObject("text");
      text.put("content", Utf8.truncate(text(message), TEXT_MAX_BYTES));
      if (!mentions.isEmpty()) {
        mentions.forEach(text.putArray("mentioned_mobile_list")::add);
      }
    }
    return body;
  }

  String markdown(AlertMessage m) {
    StringBuilder s = new StringBuilder();
    s.append("<font color=\"")
        .append(m.closing() ? "info" : "warning")
        .append("\">")
        .append(m.title().trim())
        .append("</font>\n")
        .append(m.summary());
    for (AlertMessage.Detail d : m.details()) {
      s.append("\n> ").append(d.label()).append(separator).append(d.value());
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

  @Override
  public Outcome judge(WebhookResponse response) {
    return RobotReplies.judge(response, RATE_LIMITED_ERRCODE);
  }
}
