package org.emission.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The meter records of a run: the JSON contracts, a rollover, a replacement and night mining. */
class MeterRecordsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void registersRollOverAndAreReplacedAndAMineWorksAtNight() throws Exception {
    SimulatedFiles.Run run = SimulatedFiles.standard();
    List<JsonNode> records = new ArrayList<>();
    for (String line : Files.readAllLines(run.meters(), StandardCharsets.UTF_8)) {
      records.add(JSON.readTree(line));
    }
    assertThat(records).isNotEmpty();
    assertThat(records).allSatisfy(r -> assertThat(r.get("schema").asInt()).isEqualTo(1));

    Map<String, JsonNode> last = new HashMap<>();
    boolean rollover = false;
    boolean replacement = false;
    for (JsonNode r : records) {
      if (!r.has("meter_id") || !r.has("register")) {
        continue;
      }
      assertThat(r.get("time").asText()).endsWith("+08:00");
      String id = r.get("meter_id").asText();
      JsonNode before = last.put(id, r);
      if (before == null) {
        continue;
      }
      double drop = before.get("register").asDouble() - r.get("register").asDouble();
      boolean sameSerial = before.get("serial").asText().equals(r.get("serial").asText());
      if (sameSerial && drop > 0) {
        assertThat(r.has("register_max")).isTrue();
        assertThat(before.get("register").asDouble())
            .isGreaterThan(r.get("register_max").asDouble() * 0.99);
        rollover = true;
      }
      if (!sameSerial) {
        assertThat(r.get("previous_serial").asText()).isEqualTo(before.get("serial").asText());
        assertThat(r.get("register").asDouble()).isZero();
        replacement = true;
      }
    }
    assertThat(rollover).as("a register rollover").isTrue();
    assertThat(replacement).as("a meter replacement").isTrue();

    Incident night =
        run.result().incidents().stream()
            .filter(i -> i.kind() == IncidentKind.NIGHT_MINING)
            .findFirst()
            .orElseThrow();
    List<JsonNode> banned = new ArrayList<>();
    for (JsonNode r : records) {
      if (r.has("product") && r.get("product").asText().equals("raw coal")) {
        long end = CstTime.parse(r.get("end").asText());
        assertThat(r.get("quantity").asDouble()).isPositive();
        if (!MeterSimulation.miningAllowed(end - 1)) {
          banned.add(r);
          assertThat(r.get("enterprise_id").asText()).isEqualTo(night.subject());
          assertThat(end).isBetween(night.start(), night.end());
        }
      }
    }
    assertThat(banned).as("production in the night ban").isNotEmpty();
  }
}
