package org.emission.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldMapTest {

  @Test
  void keepsTheOrderPutAndTheFirstValueOfAKey() {
    FieldMap<String> m =
        new FieldMap.Builder<String>(1)
            .put("Avg", "25.3")
            .put("Flag", "N")
            .put("Avg", "99.9")
            .put("Max", "30.1")
            .build();
    assertThat(m).hasSize(3);
    assertThat(m.keySet()).containsExactly("Avg", "Flag", "Max");
    assertThat(m.get("Avg")).isEqualTo("25.3");
    // found by equality, not only by the instance put
    assertThat(m.get(new String("Max"))).isEqualTo("30.1");
    assertThat(m.get("Min")).isNull();
    assertThat(m.get(null)).isNull();
    assertThat(m.containsKey("Flag")).isTrue();
    List<String> seen = new ArrayList<>();
    m.forEach((k, v) -> seen.add(k + "=" + v));
    assertThat(seen).containsExactly("Avg=25.3", "Flag=N", "Max=30.1");
  }

  @Test
  void equalsAndHashesLikeAnyMapWithTheSameEntries() {
    FieldMap<String> m = new FieldMap.Builder<String>(2).put("a", "1").put("b", "2").build();
    assertThat(m).isEqualTo(Map.of("b", "2", "a", "1"));
    assertThat(Map.of("a", "1", "b", "2")).isEqualTo(m);
    assertThat(m.hashCode()).isEqualTo(Map.of("a", "1", "b", "2").hashCode());
    assertThat(m).isNotEqualTo(Map.of("a", "1"));
  }

  @Test
  void isImmutableAndHoldsNoNulls() {
    FieldMap<String> m = new FieldMap.Builder<String>(1).put("a", "1").build();
    assertThatThrownBy(() -> m.put("b", "2")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> m.entrySet().iterator().next().setValue("3"))
        .isInstanceOf(UnsupportedOperationException.class);
    FieldMap.Builder<String> b = new FieldMap.Builder<>(1);
    assertThatThrownBy(() -> b.put(null, "1")).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> b.put("a", null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void aBuilderStartsEmptyAgainAfterBuildingWithoutChangingTheMapBuilt() {
    FieldMap.Builder<String> b = new FieldMap.Builder<>(1);
    FieldMap<String> first = b.put("a", "1").build();
    FieldMap<String> second = b.put("b", "2").build();
    assertThat(first).isEqualTo(Map.of("a", "1"));
    assertThat(second).isEqualTo(Map.of("b", "2"));
    assertThat(b.build()).isEmpty();
  }

  @Test
  void copyOfKeepsAFieldMapAndCopiesAnyOtherMapInItsOrder() {
    FieldMap<String> m = new FieldMap.Builder<String>(1).put("a", "1").build();
    assertThat(FieldMap.copyOf(m)).isSameAs(m);
    Map<String, String> linked = new LinkedHashMap<>();
    linked.put("z", "26");
    linked.put("a", "1");
    FieldMap<String> copy = FieldMap.copyOf(linked);
    linked.put("b", "2");
    assertThat(copy.keySet()).containsExactly("z", "a");
  }
}
