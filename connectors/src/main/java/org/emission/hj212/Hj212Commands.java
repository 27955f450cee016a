package org.emission.hj212;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Packets the gateway (上位机, host) sends: answers to what loggers upload (HJ 212-2017 §7 and
 * Appendix C) and host commands.
 *
 * <p>Answers use ST=91 (system interaction, HJ 212-2017 Table 5), echo QN, PW and MN, and set no A
 * or D bit. Their Flag carries the version bits of the packet answered: Flag=4 for 2017 (as in
 * Appendix C), Flag=8 for 2025, and for HJ/T 212-2005 Flag=0, or no Flag at all when the logger
 * sent none (2005 loggers that omit Flag may not parse one). QN and PW are omitted when the logger
 * omitted them.
 */
public final class Hj212Commands {

  /** Answer codes of CN 9011 (HJ 212-2017 Table 6, 请求命令返回). */
  public enum QnRtn {
    READY(1),
    REFUSED(2),
    PW_WRONG(3),
    MN_WRONG(4),
    ST_WRONG(5),
    FLAG_WRONG(6),
    QN_WRONG(7),
    CN_WRONG(8),
    CRC_WRONG(9),
    UNKNOWN(100);

    private final int code;

    QnRtn(int code) {
      this.code = code;
    }

    public int code() {
      return code;
    }
  }

  /** Result codes of CN 9012 (HJ 212-2017 Table 7, 执行结果). */
  public enum ExeRtn {
    SUCCESS(1),
    FAILED(2),
    CONDITION_WRONG(3),
    TIMEOUT(4),
    BUSY(5),
    SYSTEM_FAULT(6),
    NO_DATA(100);

    private final int code;

    ExeRtn(int code) {
      this.code = code;
    }

    public int code() {
      return code;
    }
  }

  /** System code of all answers (HJ 212-2017 Table 5). */
  public static final String ST_INTERACTION = "91";

  private static final Set<String> NOTIFICATIONS = Set.of("1013", "9015");

  private static final Set<String> HISTORY_CNS = Set.of("2031", "2041", "2051", "2061");

  private Hj212Commands() {}

  /**
   * The answer the gateway owes for a received packet (HJ 212-2017 §7): 9014 for a data upload with
   * the A bit set, one per sub-packet; 9013 for a notification (1013 time-calibration request; 2025
   * heartbeat 9015, as reported by secondary sources); nothing otherwise.
   */
  public static Optional<Hj212Packet> answerFor(Hj212Packet received) {
    if (NOTIFICATIONS.contains(received.cn())) {
      return Optional.of(notificationAnswer(received));
    }
    if (received.ackRequested() && Hj212Codes.isAnsweredUpload(received.cn())) {
      return Optional.of(dataAnswer(received));
    }
    return Optional.empty();
  }

  /** CN 9014 data answer (数据应答, HJ 212-2017 Tables C.14-C.18), {@code CP=&&&&}. */
  public static Hj212Packet dataAnswer(Hj212Packet upload) {
    return answer(upload, "9014").build();
  }

  /** CN 9013 notification answer (通知应答, HJ 212-2017 Table C.4), {@code CP=&&&&}. */
  public static Hj212Packet notificationAnswer(Hj212Packet notification) {
    return answer(notification, "9013").build();
  }

  /** CN 9011 request answer (请求应答) with {@code QnRtn}. */
  public static Hj212Packet requestAnswer(Hj212Packet request, QnRtn qnRtn) {
    return answer(request, "9011").item("QnRtn", Integer.toString(qnRtn.code())).build();
  }

  /** CN 9012 execution result (执行结果) with {@code ExeRtn}. */
  public static Hj212Packet executionResult(Hj212Packet request, ExeRtn exeRtn) {
    return answer(request, "9012").item("ExeRtn", Integer.toString(exeRtn.code())).build();
  }

  /**
   * Host request for stored data (HJ 212-2017 Table C.47 ff.): CN 2031 daily, 2041 daily running
   * time, 2051 minute or 2061 hourly data between {@code begin} and {@code end}, answer requested
   * (Flag=5 for 2017). The logger answers 9011, uploads the data, then 9012.
   */
  public static Hj212Packet historyRequest(
      Hj212Edition edition,
      String qn,
      String st,
      String pw,
      String mn,
      String cn,
      LocalDateTime begin,
      LocalDateTime end) {
    if (!HISTORY_CNS.contains(cn)) {
      throw new IllegalArgumentException("not a history data CN (2031, 2041, 2051, 2061): " + cn);
    }
    if (end.isBefore(begin)) {
      throw new IllegalArgumentException("EndTime before BeginTime");
    }
    return command(edition, qn, st, pw, mn, cn)
        .item(
            new Hj212Field("BeginTime", Hj212Times.format(begin)),
            new Hj212Field("EndTime", Hj212Times.format(end)))
        .build();
  }

  /** Host command CN 1012: set the logger's clock ({@code SystemTime}, HJ 212-2017 Table C.3). */
  public static Hj212Packet setTime(
      Hj212Edition edition, String qn, String st, String pw, String mn, LocalDateTime systemTime) {
    return command(edition, qn, st, pw, mn, "1012")
        .item("SystemTime", Hj212Times.format(systemTime))
        .build();
  }

  /** A QN for a host command: {@code yyyyMMddHHmmssSSS} of the given local (UTC+8) time. */
  public static String qn(LocalDateTime time) {
    return Hj212Times.format(time) + String.format("%03d", time.getNano() / 1_000_000);
  }

  private static Hj212Packet.Builder answer(Hj212Packet to, String cn) {
    Integer flag = to.flag() == null ? null : to.versionBits() << 2;
    return Hj212Packet.builder()
        .qn(to.qn())
        .st(ST_INTERACTION)
        .cn(cn)
        .pw(to.pw())
        .mn(Objects.requireNonNull(to.mn(), "MN"))
        .flag(flag);
  }

  private static Hj212Packet.Builder command(
      Hj212Edition edition, String qn, String st, String pw, String mn, String cn) {
    return Hj212Packet.builder()
        .qn(Objects.requireNonNull(qn, "qn"))
        .st(Objects.requireNonNull(st, "st"))
        .cn(cn)
        .pw(pw)
        .mn(Objects.requireNonNull(mn, "mn"))
        .flag((edition.versionBits() << 2) | 1);
  }
}
