package org.emission.notify;

/** How one kind of target wants an alert posted, and how to read its answer. */
interface WebhookProtocol {

  /** The request for one attempt at {@code nowMillis} (DingTalk signs with that timestamp). */
  WebhookRequest request(IncomingAlert alert, AlertMessage message, long nowMillis);

  Outcome judge(WebhookResponse response);

  static WebhookProtocol of(TargetConfig target) {
    return switch (target.type()) {
      case GENERIC -> new GenericProtocol(target.url());
      case WECOM -> new WeComProtocol(target);
      case DINGTALK -> new DingTalkProtocol(target);
    };
  }
}
