package org.emission.notify;

/** The robot message type: {@code msgtype} markdown or text (WeCom and DingTalk both have both). */
public enum MessageFormat {
  MARKDOWN,
  TEXT
}
