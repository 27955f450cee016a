package org.emission.simulator;

/**
 * The expected load of a unit (0..1 of its design) at a CST time, before the unit's own random
 * drift: power dispatch with a night trough and two peaks, district heating by season, continuous
 * processes, tapping cycles of submerged-arc furnaces, converter heats and sewage inflow.
 *
 * <p>Heating season 15 October – 15 April [U: the usual Inner Mongolia period; the seeds only say
 * "采暖期"] — it also sets the night-mining ban hours (wuhai-context.md §5).
 */
final class LoadCurve {

  private LoadCurve() {}

  static double at(ProcessKind.LoadShape shape, long millis) {
    double h = CstTime.hourOfDay(millis);
    return switch (shape) {
      case POWER ->
          0.74 + 0.14 * bump(h, 11, 2.5) + 0.16 * bump(h, 20, 2.2) - 0.12 * bump(h, 4, 2.5);
      case HEATING ->
          heatingSeason(millis)
              ? 0.78 + 0.12 * bump(h, 5, 3) + 0.06 * bump(h, 20, 2) - 0.08 * bump(h, 14, 3)
              : 0.42 + 0.06 * bump(h, 7, 1.5) + 0.08 * bump(h, 20.5, 1.5);
      case CONTINUOUS -> 0.93;
      case TAPPING -> {
        double phase = (h * 60) % 120;
        yield phase < 15 ? 0.97 : 0.92;
      }
      case BATCH -> {
        double phase = (h * 60) % 36;
        yield phase < 22 ? 0.95 : 0.6;
      }
      case SEWAGE ->
          0.78 + 0.28 * bump(h, 10, 2.5) + 0.2 * bump(h, 20.5, 2) - 0.22 * bump(h, 4.5, 2);
    };
  }

  /** 15 October to 15 April (CST days). */
  static boolean heatingSeason(long millis) {
    java.time.LocalDate d = CstTime.day(millis);
    int m = d.getMonthValue();
    int day = d.getDayOfMonth();
    return m >= 11 || m <= 3 || (m == 10 && day >= 15) || (m == 4 && day < 15);
  }

  private static double bump(double h, double centre, double width) {
    double d = Math.abs(h - centre);
    d = Math.min(d, 24 - d);
    return Math.exp(-d * d / (2 * width * width));
  }
}
