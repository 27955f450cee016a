package org.emission.domain.pipeline;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.emission.domain.aggregate.LiveValue;
import org.emission.domain.aggregate.OutletDay;
import org.emission.domain.aggregate.OutletHour;
import org.emission.domain.alert.Alert;
import org.emission.domain.cems.LoggerAggregate;
import org.emission.domain.cems.MinuteSnapshot;

/**
 * What one call of {@link DevicePipeline} produced, in the order it happened.
 *
 * @param minutes derived minute records (minute table)
 * @param hours hour values, first emissions and revisions (hour table, version column)
 * @param days day values, first emissions and revisions (day table, version column)
 * @param loggerValues the logger's own 2061/2031 values as received
 * @param live live running values (one per pollutant and minute)
 * @param alerts alert state changes (alerts topic)
 * @param rejected why the input was not used (unknown MN, late beyond retention), or null
 */
public record DeviceOutputs(
    List<MinuteSnapshot> minutes,
    List<OutletHour> hours,
    List<OutletDay> days,
    List<LoggerAggregate> loggerValues,
    List<LiveValue> live,
    List<Alert> alerts,
    String rejected)
    implements Serializable {

  static DeviceOutputs rejected(String reason) {
    return new DeviceOutputs(
        List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), reason);
  }

  /** Mutable collector used while one call runs. */
  static final class Builder {
    final List<MinuteSnapshot> minutes = new ArrayList<>();
    final List<OutletHour> hours = new ArrayList<>();
    final List<OutletDay> days = new ArrayList<>();
    final List<LoggerAggregate> loggerValues = new ArrayList<>();
    final List<LiveValue> live = new ArrayList<>();
    final List<Alert> alerts = new ArrayList<>();
    String rejected;

    /** Adds the alert changes of a rule (most calls have none). */
    void alerts(List<Alert> changes) {
      if (!changes.isEmpty()) {
        alerts.addAll(changes);
      }
    }

    DeviceOutputs build() {
      return new DeviceOutputs(
          copy(minutes),
          copy(hours),
          copy(days),
          copy(loggerValues),
          copy(live),
          copy(alerts),
          rejected);
    }

    private static <T> List<T> copy(List<T> list) {
      return list.isEmpty() ? List.of() : List.copyOf(list);
    }
  }
}
