package org.emission.hj212;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One item of the CP data area: the fields between two ';', separated by ',' (HJ 212-2017
 * §6.3.3.1), e.g. {@code a21026-Avg=25.3,a21026-Flag=N}.
 *
 * @param fields the fields in the order sent
 */
public record Hj212Item(List<Hj212Field> fields) {

  public Hj212Item {
    fields = List.copyOf(fields);
  }

  /** An item of the given fields. */
  public static Hj212Item of(Hj212Field... fields) {
    return new Hj212Item(List.of(fields));
  }

  @Override
  public String toString() {
    return fields.stream().map(Hj212Field::toString).collect(Collectors.joining(","));
  }
}
