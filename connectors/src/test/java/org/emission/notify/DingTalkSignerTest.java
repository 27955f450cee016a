package org.emission.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class DingTalkSignerTest {
  private static final String SECRET =
      "SECc0ffee0123456789abcdef0123456789abcdef0123456789abcdef01234567";
  private static final long TIMESTAMP = 1736906400000L;

  /**
   * Computed apart from this code, with DingTalk's own Python sample (hmac, base64, quote_plus).
   */
  @Test
  void matchesTheVendorsPythonSample() {
    assertThat(DingTalkSigner.sign(SECRET, TIMESTAMP))
        .isEqualTo("VqcjDHbThomHmVxQxPi%2Fio01aQgO5U1EEdIG92ewcUI%3D");
    assertThat(DingTalkSigner.sign("this is secret", TIMESTAMP))
        .isEqualTo("A7iXzRqF3baE2Rh5PtJCLl0LHRps25PFInYXYJfE7Rg%3D");
  }

  @Test
  void matchesAnIndependentComputation() throws Exception {
    assertThat(DingTalkSigner.sign(SECRET, TIMESTAMP)).isEqualTo(expected(SECRET, TIMESTAMP));
    assertThat(DingTalkSigner.sign("SEC000", 1L)).isEqualTo(expected("SEC000", 1L));
  }

  @Test
  void appendsTimestampAndSignToTheWebhookUrl() {
    URI url = URI.create("https://oapi.dingtalk.com/robot/send?access_token=abc");

    assertThat(DingTalkSigner.signedUrl(url, SECRET, TIMESTAMP))
        .hasToString(
            "https://oapi.dingtalk.com/robot/send?access_token=abc&timestamp=1736906400000"
                + "&sign=VqcjDHbThomHmVxQxPi%2Fio01aQgO5U1EEdIG92ewcUI%3D");
    assertThat(DingTalkSigner.signedUrl(URI.create("http://127.0.0.1:1/robot"), "s", 5L).toString())
        .startsWith("http://127.0.0.1:1/robot?timestamp=5&sign=");
  }

  /** HmacSHA256(secret, timestamp + "\n" + secret), Base64, then percent-encoding by hand. */
  static String expected(String secret, long timestamp) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String base64 =
        Base64.getEncoder()
            .encodeToString(
                mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8)));
    return base64.replace("%", "%25").replace("+", "%2B").replace("/", "%2F").replace("=", "%3D");
  }
}
