package org.emission.domain.alert;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.emission.domain.Cst;
import org.emission.domain.DataFlag;
import org.emission.domain.cems.PollutantMinute;
import org.emission.domain.registry.Outlet;

/**
 * Calibration and maintenance periods of one analyser (state of one outlet and pollutant), from the
 * minute flags C and M (HJ 212-2017 Table 8). A period is a run of consecutive records with the
 * flag; missing records do not break it.
 *
 * <ul>
 *   <li>CALIBRATION_TOO_LONG: a C period longer than {@code calibrationMaxMinutes}; starts at the
 *       period start, closes at its end.
 *   <li>MAINTENANCE_TOO_LONG: an M period longer than {@code maintenanceMaxMinutes}; likewise.
 *   <li>CALIBRATION_TOO_OFTEN: more than {@code calibrationMaxPerDay} C periods starting in one CST
 *       day (calibration hides the real signal: every period is an invalid stretch); starts at the
 *       day's 00:00 +08:00, UPDATED with the count, closes at the day's end.
 * </ul>
 */
public final class CalibrationRule implements Serializable {

  private static final long serialVersionUID = 1L;

  private final AlertSlot tooLong = new AlertSlot(AlertKind.CALIBRATION_TOO_LONG);
  private final AlertSlot maintenance = new AlertSlot(AlertKind.MAINTENANCE_TOO_LONG);
  private final AlertSlot tooOften = new AlertSlot(AlertKind.CALIBRATION_TOO_OFTEN);
  private long lastStart = Long.MIN_VALUE;
  private DataFlag runFlag;
  private long runStart;
  private int runMinutes;
  private long day = Long.MIN_VALUE;
  private int calibrationsToday;

  public List<Alert> onMinute(Outlet outlet, PollutantMinute m, AlertThresholds t) {
    long start = m.start().toEpochMilli();
    if (start <= lastStart) {
      return List.of();
    }
    lastStart = start;
    List<Alert> out = new ArrayList<>();
    long minuteDay = Cst.dayStart(start);
    if (minuteDay != day) {
      if (tooOften.isOpen()) {
        Instant dayEnd = Instant.ofEpochMilli(day + Cst.DAY_MS);
        out.add(tooOften.close(dayEnd, m.start(), null));
      }
      day = minuteDay;
      calibrationsToday = 0;
    }
    DataFlag flag = m.flag();
    boolean inRun = flag == DataFlag.C || flag == DataFlag.M;
    if (runFlag != null && flag != runFlag) {
      endRun(m.start(), out);
    }
    if (!inRun) {
      return out;
    }
    if (runFlag == null) {
      runFlag = flag;
      runStart = start;
      runMinutes = 0;
      if (flag == DataFlag.C) {
        calibrationsToday++;
        countCalibration(outlet, m, t, out);
      }
    }
    runMinutes += m.coveredMinutes();
    AlertSlot slot = flag == DataFlag.C ? tooLong : maintenance;
    int max = flag == DataFlag.C ? t.calibrationMaxMinutes() : t.maintenanceMaxMinutes();
    if (!slot.isOpen() && runMinutes > max) {
      out.add(
          slot.openAgainstThreshold(
              outlet,
              m.pollutant(),
              Instant.ofEpochMilli(runStart),
              m.end(),
              (double) runMinutes,
              (double) max,
              flag == DataFlag.C ? "calibrationMaxMinutes" : "maintenanceMaxMinutes",
              (flag == DataFlag.C ? "calibration" : "maintenance")
                  + " for "
                  + runMinutes
                  + " minutes (max "
                  + max
                  + ")"));
    }
    return out;
  }

  private void countCalibration(
      Outlet outlet, PollutantMinute m, AlertThresholds t, List<Alert> out) {
    if (calibrationsToday <= t.calibrationMaxPerDay()) {
      return;
    }
    String detail =
        calibrationsToday
            + " calibration periods on "
            + Cst.day(m.start())
            + " (max "
            + t.calibrationMaxPerDay()
            + ")";
    if (!tooOften.isOpen()) {
      out.add(
          tooOften.openAgainstThreshold(
              outlet,
              m.pollutant(),
              Instant.ofEpochMilli(day),
              m.end(),
              (double) calibrationsToday,
              (double) t.calibrationMaxPerDay(),
              "calibrationMaxPerDay",
              detail));
    } else {
      tooOften.update(m.end(), (double) calibrationsToday, detail).ifPresent(out::add);
    }
  }

  private void endRun(Instant end, List<Alert> out) {
    AlertSlot slot = runFlag == DataFlag.C ? tooLong : maintenance;
    if (slot.isOpen()) {
      out.add(
          slot.close(
              end,
              end,
              (runFlag == DataFlag.C ? "calibration" : "maintenance")
                  + " lasted "
                  + runMinutes
                  + " minutes"));
    }
    runFlag = null;
  }
}
