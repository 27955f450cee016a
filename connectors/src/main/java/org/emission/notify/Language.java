package org.emission.notify;

/** The language of the message text. */
public enum Language {
  /** Chinese, as duty officers in Wuhai and Ordos read it. */
  ZH,
  EN;

  AlertText text() {
    return this == ZH ? new ChineseText() : new EnglishText();
  }
}
