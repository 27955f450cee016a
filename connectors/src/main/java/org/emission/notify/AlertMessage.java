package org.emission.notify;

import java.util.List;

/**
 * The human text of one alert state change, before a target puts it into its message format.
 *
 * @param title e.g. 【超标告警】
 * @param subject what it is about, e.g. 排放口 DA001 SO2 (DingTalk's notification title)
 * @param summary one sentence starting with the subject
 * @param details further facts, each a label and a value
 * @param closing whether the alert ended (robots colour it as good news)
 */
public record AlertMessage(
    String title, String subject, String summary, List<Detail> details, boolean closing) {

  /** One labelled fact, e.g. 企业: E001. */
  public record Detail(String label, String value) {}

  public AlertMessage {
    details = List.copyOf(details);
  }

  /** Title and summary as one line: 【超标告警】排放口 DA001 SO2 小时均值 …. */
  public String headline() {
    return title + summary;
  }
}
