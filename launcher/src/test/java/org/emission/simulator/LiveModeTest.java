package org.emission.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.emission.hj212.Hj212Commands;
import org.emission.hj212.Hj212DecodeResult;
import org.emission.hj212.Hj212Decoder;
import org.emission.hj212.Hj212Edition;
import org.emission.hj212.Hj212Encoder;
import org.emission.hj212.Hj212Packet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live mode against a small gateway stand-in on a real socket: it answers data packets (9014)
 * except the first minute packet, sends a history request and a set-time command, and checks that
 * the logger re-sends the unanswered packet and uploads the requested window.
 */
class LiveModeTest {

  private static final String MN = "881503FFF01100000000ABCD";
  private static final String PW = "A1B2C3";

  @TempDir Path dir;

  @Test
  void loggerRetriesAnswersHistoryRequestsAndSetTime() throws Exception {
    writeRegistry();
    try (ServerSocket server = new ServerSocket(0)) {
      Gateway gateway = new Gateway(server);
      gateway.start();
      long start = CstTime.parse("2025-03-01T10:00");
      LiveOptions options =
          LiveOptions.of(dir, "127.0.0.1", server.getLocalPort(), 5, 600, null)
              .withStart(start)
              .withRtdSeconds(300)
              .withAnswerTimeout(1_500, 3);
      try (LiveRun run = RegionSimulator.live(options)) {
        List<Hj212Packet> minutes = gateway.await(p -> p.cn().equals("2051"), 6, 30);
        Hj212Packet first = minutes.get(0);
        assertThat(gateway.received)
            .filteredOn(p -> first.qn().equals(p.qn()) && p.cn().equals("2051"))
            .as("the unanswered first minute packet is sent again with its QN")
            .hasSizeGreaterThanOrEqualTo(2);

        LocalDateTime begin = first.dataTime();
        LocalDateTime end = begin.plusMinutes(2);
        String requestQn = "20250301110000123";
        gateway.send(
            Hj212Commands.historyRequest(
                Hj212Edition.HJ212_2017, requestQn, "31", PW, MN, "2051", begin, end));
        List<Hj212Packet> answer =
            gateway.await(p -> requestQn.equals(p.qn()) && p.cn().equals("9012"), 1, 30);
        List<Hj212Packet> window =
            gateway.received.stream().filter(p -> requestQn.equals(p.qn())).toList();
        assertThat(window.get(0).cn()).isEqualTo("9011");
        assertThat(window.get(0).value("QnRtn")).isEqualTo("1");
        assertThat(window.stream().filter(p -> p.cn().equals("2051")).map(Hj212Packet::dataTime))
            .containsExactly(begin, begin.plusMinutes(1), end);
        assertThat(answer.get(0).value("ExeRtn")).isEqualTo("1");

        String setQn = "20250301110100456";
        gateway.send(
            Hj212Commands.setTime(
                Hj212Edition.HJ212_2017, setQn, "31", PW, MN, LocalDateTime.of(2025, 3, 1, 11, 1)));
        gateway.await(p -> setQn.equals(p.qn()) && p.cn().equals("9012"), 1, 30);
        assertThat(gateway.received)
            .filteredOn(p -> setQn.equals(p.qn()))
            .extracting(Hj212Packet::cn)
            .containsExactly("9011", "9012");

        assertThat(run.counters().get("connects")).isGreaterThanOrEqualTo(1);
        assertThat(run.counters().get("resends")).isGreaterThanOrEqualTo(1);
        assertThat(run.counters().get("history_requests")).isEqualTo(1);
        assertThat(run.counters().get("history_packets")).isEqualTo(3);
      }
      gateway.close();
    }
  }

  private void writeRegistry() throws IOException {
    Files.writeString(
        dir.resolve("enterprises.csv"),
        "enterprise_id,name,region,district,park,sector\n"
            + "T1,Test Power Co.,Wuhai,Haibowan,Haibowan industrial park,power\n");
    Files.writeString(
        dir.resolve("outlets.csv"),
        "outlet_id,enterprise_id,name,kind,mn,facility,o2_ref,status,status_since,process,design_flow\n"
            + "T1-DA001,T1,Unit 1,flue_gas,"
            + MN
            + ",,6,operating,2016-01-01,coal_unit,1000000\n");
    Files.writeString(
        dir.resolve("limits.csv"),
        "outlet_id,pollutant,kind,value,unit,averaging,effective_from,effective_to,source\n"
            + "T1-DA001,a34013,ultra_low,10,mg/m3,hour,2019-01-01,,test\n"
            + "T1-DA001,a21026,ultra_low,35,mg/m3,hour,2019-01-01,,test\n"
            + "T1-DA001,a21002,ultra_low,50,mg/m3,hour,2019-01-01,,test\n");
    Files.writeString(
        dir.resolve("devices.csv"),
        "mn,pw,outlet_id,protocol,ack,max_segment,scenario\n"
            + MN
            + ","
            + PW
            + ",T1-DA001,2017,1,1024,\n");
  }

  /** Accepts the logger, answers its packets, records them, and sends commands. */
  private static final class Gateway extends Thread {
    final ServerSocket server;
    final List<Hj212Packet> received = new CopyOnWriteArrayList<>();
    private volatile Socket socket;
    private boolean skippedFirstMinute;

    Gateway(ServerSocket server) {
      this.server = server;
      setDaemon(true);
    }

    @Override
    public void run() {
      Hj212Decoder decoder = new Hj212Decoder();
      try {
        socket = server.accept();
        FrameReader frames = new FrameReader(socket.getInputStream());
        byte[] frame;
        while ((frame = frames.next()) != null) {
          Hj212DecodeResult r = decoder.decode(frame);
          Hj212Packet p = r.packetOrNull();
          if (p == null) {
            continue;
          }
          received.add(p);
          if (p.cn().equals("2051") && !skippedFirstMinute) {
            skippedFirstMinute = true;
            continue;
          }
          Hj212Commands.answerFor(p).ifPresent(this::send);
        }
      } catch (IOException e) {
        // the test closed the socket
      }
    }

    synchronized void send(Hj212Packet p) {
      try {
        OutputStream out = socket.getOutputStream();
        out.write(Hj212Encoder.encode(p));
        out.flush();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    List<Hj212Packet> await(Predicate<Hj212Packet> which, int count, int seconds)
        throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      while (System.nanoTime() < deadline) {
        List<Hj212Packet> found = new ArrayList<>(received.stream().filter(which).toList());
        if (found.size() >= count) {
          return found;
        }
        Thread.sleep(50);
      }
      throw new AssertionError(
          "timed out; received "
              + received.size()
              + " packets: "
              + received.stream().map(p -> p.cn() + "/" + p.qn()).toList());
    }

    void close() throws IOException {
      if (socket != null) {
        socket.close();
      }
    }
  }
}
