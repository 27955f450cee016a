/**
 * The alert notifier: reads the alert state changes of Kafka topic {@code alerts} (design: Kafka
 * contracts) and posts them to webhook targets, so that a duty officer's phone rings when a stack
 * goes over its limit.
 *
 * <p>Three kinds of target ({@link org.emission.notify.TargetType}): a generic JSON webhook, and
 * the group robots of WeCom (企业微信群机器人) and DingTalk (钉钉自定义机器人), which is how such alerts reach
 * phones in China. The vendor documents this package follows:
 *
 * <ul>
 *   <li>WeCom, 群机器人配置说明, https://developer.work.weixin.qq.com/document/path/91770: POST JSON {@code
 *       {"msgtype":"markdown","markdown":{"content":...}}} (content at most 4096 bytes of UTF-8) or
 *       {@code {"msgtype":"text","text":{"content":...,"mentioned_mobile_list":[...]}}} (at most
 *       2048 bytes); reply {@code {"errcode":0,"errmsg":"ok"}}; "每个机器人发送的消息不能超过20条/分钟".
 *   <li>WeCom, 全局错误码, https://developer.work.weixin.qq.com/document/path/90313: errcode 45009, "api
 *       freq out of limit" (接口调用超过限制).
 *   <li>DingTalk, 自定义机器人接入, https://open.dingtalk.com/document/robots/custom-robot-access:
 *       "每个机器人每分钟最多发送20条消息到群里，如果超过20条，会限流10分钟"; reply {@code {"errcode":0,"errmsg":"ok"}}; errcode
 *       130101, "send too fast, exceed 20 times per minute".
 *   <li>DingTalk, 消息类型和数据格式,
 *       https://open.dingtalk.com/document/robots/message-types-and-data-format: {@code
 *       {"msgtype":"markdown","markdown":{"title":...,"text":...},"at":{"atMobiles":[...],
 *       "isAtAll":false}}}; a mobile is only highlighted when the text contains {@code @mobile}.
 *   <li>DingTalk, 自定义机器人安全设置,
 *       https://open.dingtalk.com/document/robots/customize-robot-security-settings: the signed
 *       robot's {@code timestamp} (milliseconds, within one hour of DingTalk's clock) and {@code
 *       sign = urlEncode(base64(HmacSHA256(key = secret, timestamp + "\n" + secret)))}, UTF-8.
 * </ul>
 *
 * <p>Delivery never blocks the compliance job: the job only writes Kafka; this notifier is a
 * separate consumer group. Each target has its own bounded queue and thread; when a queue is full
 * the consumer pauses its partitions instead of dropping; offsets are committed only for records
 * every matching target has finished (sent, or dropped after its retries).
 */
package org.emission.notify;
