package org.emission.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceDirectoryTest {
  @TempDir Path dir;

  private Path write(String text) throws IOException {
    Path csv = dir.resolve("devices.csv");
    Files.writeString(csv, text, StandardCharsets.UTF_8);
    return csv;
  }

  @Test
  void loadsASpreadsheetExport() throws IOException {
    write(
        "\uFEFFMN,PW,Outlet_ID,note\r\n"
            + "0A1B2C3D4E5F000000000001,123456,OUT-1,\"stack 1, boiler\"\r\n"
            + "\r\n"
            + " 0A1B2C3D4E5F000000000002 , abc123 , OUT-2 ,\r\n");
    DeviceDirectory d = DeviceDirectory.load(dir);
    assertThat(d.size()).isEqualTo(2);
    assertThat(d.find("0A1B2C3D4E5F000000000001"))
        .isEqualTo(new Device("0A1B2C3D4E5F000000000001", "123456", "OUT-1"));
    assertThat(d.find("0A1B2C3D4E5F000000000002").pw()).isEqualTo("abc123");
    assertThat(d.find("nope")).isNull();
    assertThat(d.find("0A1B2C3D4E5F000000000001").toString()).doesNotContain("123456");
  }

  @Test
  void reportsEveryProblemWithFileLineColumnAndReason() throws IOException {
    Path csv =
        write(
            "mn,pw,outlet_id\n"
                + "0A1B2C3D4E5F000000000001,123456,OUT-1\n"
                + "0A1B2C3D4E5F000000000001,123456,OUT-2\n"
                + "bad mn!,12;456,\n"
                + ",,OUT-4\n"
                + "only,two\n"
                + "\"open,123456,OUT-5\n");
    assertThatThrownBy(() -> DeviceDirectory.load(dir))
        .isInstanceOf(DeviceDirectoryException.class)
        .satisfies(
            e -> {
              List<String> p = ((DeviceDirectoryException) e).problems();
              assertThat(p)
                  .containsExactly(
                      csv + ":3: column mn: 0A1B2C3D4E5F000000000001 is already on line 2",
                      csv
                          + ":4: column mn: 'bad mn!' is not a device number (1 to 32 letters, digits, - or _;"
                          + " HJ 212-2017 Table 3: 24 characters 0-9A-F)",
                      csv
                          + ":4: column pw: the password contains a space, a control character or one of ; , = &"
                          + " (HJ 212 has no escapes, HJ 212-2017 §6.3.3)",
                      csv + ":4: column outlet_id: outlet is empty",
                      csv + ":5: column mn: device number is empty",
                      csv + ":5: column pw: password is empty",
                      csv + ":6: 2 fields, but the header has 3",
                      csv + ":7: a quoted field is not closed");
              assertThat(e.getMessage()).startsWith("8 problems in the device directory:");
            });
  }

  @Test
  void reportsAMissingHeaderColumnAndAMissingFile() throws IOException {
    write("mn,password,outlet_id\nA,1,O\n");
    assertThatThrownBy(() -> DeviceDirectory.load(dir))
        .hasMessageContaining(
            "devices.csv:1: the header has no column pw (expected mn,pw,outlet_id, found mn,password,outlet_id)");
    Files.delete(dir.resolve("devices.csv"));
    assertThatThrownBy(() -> DeviceDirectory.load(dir))
        .hasMessageContaining("devices.csv: file not found");
  }

  @Test
  void reloadsAChangedFileAndKeepsTheOldDevicesWhenTheNewFileIsBad() throws IOException {
    Path csv = write("mn,pw,outlet_id\nA1,111111,O1\n");
    DeviceDirectory d = DeviceDirectory.load(dir);
    assertThat(d.reloadIfChanged()).isFalse();

    write("mn,pw,outlet_id\nA1,111111,O1\nB2,222222,O2\n");
    Files.setLastModifiedTime(csv, FileTime.from(Instant.now().plusSeconds(10)));
    assertThat(d.reloadIfChanged()).isTrue();
    assertThat(d.find("B2")).isNotNull();

    write("mn,pw,outlet_id\nA1,,O1\n");
    Files.setLastModifiedTime(csv, FileTime.from(Instant.now().plusSeconds(20)));
    assertThatThrownBy(d::reloadIfChanged).hasMessageContaining("password is empty");
    assertThat(d.size()).isEqualTo(2);
    // The same bad version is reported once.
    assertThat(d.reloadIfChanged()).isFalse();
  }
}
