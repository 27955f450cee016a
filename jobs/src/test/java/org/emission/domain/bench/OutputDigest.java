package org.emission.domain.bench;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.emission.domain.aggregate.OutletDay;
import org.emission.domain.aggregate.OutletHour;
import org.emission.domain.alert.Alert;
import org.emission.domain.alert.AlertKind;
import org.emission.domain.pipeline.DeviceOutputs;

/**
 * SHA-256 over every {@link DeviceOutputs} of a run, field by field (minutes, hours, days, logger
 * values, live values, alerts, with their versions and rounding), so two runs on the same input are
 * equal exactly when their digests are. Also counts what the run produced, to show what a scenario
 * exercises.
 */
public final class OutputDigest {
  private final boolean liveValues;

  /** The component accessors of each record class. */
  private static final ClassValue<Method[]> ACCESSORS =
      new ClassValue<>() {
        @Override
        protected Method[] computeValue(Class<?> type) {
          RecordComponent[] components = type.getRecordComponents();
          Method[] accessors = new Method[components.length];
          for (int i = 0; i < components.length; i++) {
            accessors[i] = components[i].getAccessor();
            accessors[i].setAccessible(true);
          }
          return accessors;
        }
      };

  private final MessageDigest sha;
  private long calls;
  private long minutes;
  private long hours;
  private long revisedHours;
  private long days;
  private long revisedDays;
  private long live;
  private long loggerValues;
  private long rejected;
  private final Map<AlertKind, Long> alerts = new EnumMap<>(AlertKind.class);

  public OutputDigest() {
    this(true);
  }

  /**
   * A digest that leaves the live values out when {@code liveValues} is false (to compare a
   * pipeline without them with one that has them).
   */
  public OutputDigest(boolean liveValues) {
    this.liveValues = liveValues;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Adds a label (what was called) and the outputs of that call. */
  public void add(String label, DeviceOutputs out) {
    if (!liveValues) {
      out =
          new DeviceOutputs(
              out.minutes(),
              out.hours(),
              out.days(),
              out.loggerValues(),
              List.of(),
              out.alerts(),
              out.rejected());
    }
    calls++;
    update(label);
    feed(out);
    minutes += out.minutes().size();
    hours += out.hours().size();
    for (OutletHour h : out.hours()) {
      revisedHours += h.version() > 1 ? 1 : 0;
    }
    days += out.days().size();
    for (OutletDay d : out.days()) {
      revisedDays += d.version() > 1 ? 1 : 0;
    }
    live += out.live().size();
    loggerValues += out.loggerValues().size();
    rejected += out.rejected() == null ? 0 : 1;
    for (Alert a : out.alerts()) {
      alerts.merge(a.kind(), 1L, Long::sum);
    }
  }

  /**
   * Adds a value with every part of it: each component of a record, each element of a list or map
   * in order, and exact encodings of numbers (bits of doubles, unscaled value and scale of
   * decimals), times and texts — as exact as {@code toString()} of the records, and much faster.
   */
  private void feed(Object o) {
    if (o == null) {
      tag('0');
    } else if (o instanceof String text) {
      tag('s');
      update(text);
    } else if (o instanceof Record r) {
      tag('r');
      update(r.getClass().getName());
      for (Method accessor : ACCESSORS.get(r.getClass())) {
        try {
          feed(accessor.invoke(r));
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
    } else if (o instanceof List<?> list) {
      tag('l');
      number(list.size());
      for (Object e : list) {
        feed(e);
      }
    } else if (o instanceof Map<?, ?> map) {
      tag('m');
      number(map.size());
      for (Map.Entry<?, ?> e : map.entrySet()) {
        feed(e.getKey());
        feed(e.getValue());
      }
    } else if (o instanceof Double d) {
      tag('d');
      number(Double.doubleToRawLongBits(d));
    } else if (o instanceof Integer || o instanceof Long) {
      tag('i');
      number(((Number) o).longValue());
    } else if (o instanceof Boolean b) {
      tag(b ? 't' : 'f');
    } else if (o instanceof BigDecimal d) {
      tag('b');
      number(d.scale());
      sha.update(d.unscaledValue().toByteArray());
    } else if (o instanceof Instant t) {
      tag('@');
      number(t.getEpochSecond());
      number(t.getNano());
    } else if (o instanceof LocalDate day) {
      tag('D');
      number(day.toEpochDay());
    } else if (o instanceof Enum<?> e) {
      tag('e');
      update(e.name());
    } else {
      tag('?');
      update(o.getClass().getName() + ":" + o);
    }
  }

  private void tag(char c) {
    sha.update((byte) c);
  }

  private void number(long v) {
    for (int i = 0; i < 8; i++) {
      sha.update((byte) (v >>> (8 * i)));
    }
  }

  /** Adds any other text (e.g. a state summary). */
  public void update(String text) {
    sha.update(text.getBytes(StandardCharsets.UTF_8));
    sha.update((byte) '\n');
  }

  /** The digest so far, as hex (the digest itself is not consumed). */
  public String hex() {
    try {
      return HexFormat.of().formatHex(((MessageDigest) sha.clone()).digest());
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException(e);
    }
  }

  public Map<AlertKind, Long> alerts() {
    return alerts;
  }

  public long revisedHours() {
    return revisedHours;
  }

  public long revisedDays() {
    return revisedDays;
  }

  public String summary() {
    return String.format(
        java.util.Locale.ROOT,
        "%d calls: %d minutes, %d hours (%d revisions), %d days (%d revisions), %d live values,"
            + " %d logger values, %d rejected, alerts %s",
        calls,
        minutes,
        hours,
        revisedHours,
        days,
        revisedDays,
        live,
        loggerValues,
        rejected,
        alerts);
  }
}
