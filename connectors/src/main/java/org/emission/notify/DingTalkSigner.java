package org.emission.notify;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a DingTalk robot with 加签 security (自定义机器人安全设置,
 * https://open.dingtalk.com/document/robots/customize-robot-security-settings):
 * "把timestamp+"\n"+密钥当做签名字符串，使用HmacSHA256算法计算签名，然后进行Base64
 * encode，最后再把签名参数再进行urlEncode，得到最终的签名（需要使用UTF-8字符集）", the timestamp in milliseconds and within one
 * hour of DingTalk's clock; both are appended to the webhook URL as {@code &timestamp=…&sign=…}.
 */
public final class DingTalkSigner {
  private DingTalkSigner() {}

  /** {@code urlEncode(base64(HmacSHA256(key = secret, timestamp + "\n" + secret)))}. */
  public static String sign(String secret, long timestampMillis) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest =
          mac.doFinal((timestampMillis + "\n" + secret).getBytes(StandardCharsets.UTF_8));
      return URLEncoder.encode(Base64.getEncoder().encodeToString(digest), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  /** The webhook URL with {@code timestamp} and {@code sign} appended. */
  public static URI signedUrl(URI webhook, String secret, long timestampMillis) {
    String s = webhook.toString();
    String separator = webhook.getRawQuery() == null ? "?" : "&";
    return URI.create(
        s + separator + "timestamp=" + timestampMillis + "&sign=" + sign(secret, timestampMillis));
  }
}
