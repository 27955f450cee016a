package org.emission.hj212;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emission.hj212.Hj212Samples.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecodeCommandSupportTest {

  private static List<String> run(String input) throws Exception {
    StringWriter out = new StringWriter();
    new DecodeCommandSupport().decodeLines(new BufferedReader(new StringReader(input)), out);
    return out.toString().lines().toList();
  }

  @Test
  void writesOneJsonLinePerFrame() throws Exception {
    String input =
        MINUTE_2051
            + "\r\n"
            + "   \n"
            + OFFICIAL_1062.replace("1C80", "1C81")
            + FLUE_2005.replace("\r\n", "\n")
            + CHINESE_3020.replace("\r\n", "")
            + "\n"
            + OFFICIAL_1062.replace("1C80", "1c80").replace("\r\n", "\r");
    List<String> lines = run(input);
    assertThat(lines)
        .containsExactly(
            "{\"ok\": true, \"ST\": \"31\", \"CN\": \"2051\", \"QN\": \"20250115103000123\", "
                + "\"MN\": \"0A1B2C3D4E5F000000000001\", \"Flag\": 5, \"DataTime\": \"20250115102000\", "
                + "\"values\": {\"a21026-Avg\": \"25.3\", \"a21026-Flag\": \"N\", \"a19001-Avg\": \"7.8\", "
                + "\"a19001-Flag\": \"N\"}, \"edition\": \"HJ212-2017\", \"warnings\": []}",
            "{\"ok\": false, \"reason\": \"CRC_MISMATCH: packet says 1C81, computed 1C80\", \"line\": 4}",
            "{\"ok\": true, \"ST\": \"31\", \"CN\": \"2051\", \"QN\": null, \"MN\": \"88888880000001\", "
                + "\"Flag\": null, \"DataTime\": \"20160824010000\", \"values\": {\"a21026-Avg\": \"25.3\", "
                + "\"a21026-Flag\": \"N\", \"a19001-Avg\": \"7.8\", \"a19001-Flag\": \"N\", "
                + "\"a00000-Avg\": \"125.4\", \"SB1-RS\": \"1\"}, \"original_codes\": {\"a21026\": \"02\", "
                + "\"a19001\": \"S01\", \"a00000\": \"B02\"}, \"edition\": \"HJT212-2005\", "
                + "\"warnings\": [\"MISSING_FLAG\", \"MISSING_QN\"]}",
            "{\"ok\": true, \"ST\": \"32\", \"CN\": \"3020\", \"QN\": \"20250115103000789\", "
                + "\"MN\": \"0A1B2C3D4E5F000000000001\", \"Flag\": 5, \"DataTime\": \"20250115103000\", "
                + "\"values\": {\"PolId\": \"w01018\", \"w01018-Info\": \"化学需氧量分析仪\"}, "
                + "\"edition\": \"HJ212-2017\", \"warnings\": []}",
            "{\"ok\": true, \"ST\": \"32\", \"CN\": \"1062\", \"QN\": \"20160801085857223\", "
                + "\"MN\": \"010000A8900016F000169DC0\", \"Flag\": 5, \"DataTime\": null, "
                + "\"values\": {\"RtdInterval\": \"30\"}, \"edition\": \"HJ212-2017\", "
                + "\"warnings\": [\"LOWERCASE_CRC: 1c80\"]}");
  }

  @Test
  void splitAndBackfillFieldsAppear() throws Exception {
    List<String> lines = run(SPLIT_1 + BACKFILL_2025);
    ObjectMapper mapper = new ObjectMapper();
    JsonNode split = mapper.readTree(lines.get(0));
    assertThat(split.get("PNUM").asInt()).isEqualTo(2);
    assertThat(split.get("PNO").asInt()).isEqualTo(1);
    assertThat(split.get("Flag").asInt()).isEqualTo(7);
    JsonNode rf = mapper.readTree(lines.get(1));
    assertThat(rf.get("RF").asText()).isEqualTo("1");
    assertThat(rf.get("edition").asText()).isEqualTo("HJ212-2025");
    assertThat(rf.get("values").get("e10001-Avg").asText()).isEqualTo("152.6");
  }

  @Test
  void rejectLinesCountEveryInputLine() throws Exception {
    List<String> lines = run("\n\nnot a packet\n");
    assertThat(lines)
        .containsExactly(
            "{\"ok\": false, \"reason\": \"NO_HEADER: frame does not start with ## but with 'not a pa...'\", \"line\": 3}");
  }

  @Test
  void emptyInputWritesNothing() throws Exception {
    assertThat(run("")).isEmpty();
  }
}
