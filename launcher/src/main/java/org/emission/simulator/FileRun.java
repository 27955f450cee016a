package org.emission.simulator;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.emission.hj212.Hj212RejectReason;

/**
 * What a file-mode run wrote.
 *
 * @param lines packet lines written
 * @param linesByCn lines per CN (damaged frames counted under the CN of the intact packet)
 * @param malformed 1-based line numbers of the damaged frames and the reason each must be rejected
 *     with
 * @param impostorLines lines with a registered MN and a wrong password
 * @param unregisteredLines lines of the logger that is not in devices.csv
 * @param incidents the incidents written to the incidents file
 * @param cleanDevices MNs of devices.csv without an incident
 * @param meterRecords meter records written (0 without a meters file)
 */
public record FileRun(
    Path packets,
    long lines,
    Map<String, Long> linesByCn,
    Map<Long, Hj212RejectReason> malformed,
    long impostorLines,
    long unregisteredLines,
    List<Incident> incidents,
    List<String> cleanDevices,
    long meterRecords,
    long elapsedMillis) {

  /** One line summary for the command line. */
  public String summary() {
    return String.format(
        "%d packets %s in %.1f s; %d damaged frames, %d wrong-password, %d unknown-MN lines;"
            + " %d incidents, %d clean devices; %d meter records",
        lines,
        linesByCn,
        elapsedMillis / 1000.0,
        malformed.size(),
        impostorLines,
        unregisteredLines,
        incidents.size(),
        cleanDevices.size(),
        meterRecords);
  }
}
