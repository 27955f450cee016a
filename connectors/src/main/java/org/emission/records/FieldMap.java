package org.emission.records;

import java.io.Serializable;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The small immutable maps of a {@link CemsSample}: a packet's pollutants, the fields of one
 * pollutant, its other fields. Keys and values sit side by side in one array, in the order sent,
 * and are found by a linear scan, which for the few keys of a packet is faster than hashing and
 * allocates two objects per map instead of one per entry.
 *
 * @param <V> the value type
 */
public final class FieldMap<V> extends AbstractMap<String, V> implements Serializable {
  private static final long serialVersionUID = 1L;

  private static final FieldMap<?> EMPTY = new FieldMap<>(new Object[0], 0);

  // key 0, value 0, key 1, value 1, ...
  private final Object[] entries;
  private final int size;

  private FieldMap(Object[] entries, int size) {
    this.entries = entries;
    this.size = size;
  }

  /** The empty map. */
  @SuppressWarnings("unchecked")
  public static <V> FieldMap<V> of() {
    return (FieldMap<V>) EMPTY;
  }

  /** The map itself when it is a FieldMap, else a FieldMap of its entries in its order. */
  public static <V> FieldMap<V> copyOf(Map<String, ? extends V> map) {
    if (map instanceof FieldMap<?> fields) {
      @SuppressWarnings("unchecked")
      FieldMap<V> same = (FieldMap<V>) fields;
      return same;
    }
    Builder<V> b = new Builder<>(map.size());
    map.forEach(b::put);
    return b.build();
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean containsKey(Object key) {
    return indexOf(key) >= 0;
  }

  @Override
  @SuppressWarnings("unchecked")
  public V get(Object key) {
    int i = indexOf(key);
    return i < 0 ? null : (V) entries[i + 1];
  }

  private int indexOf(Object key) {
    if (key == null) {
      return -1;
    }
    for (int i = 0; i < 2 * size; i += 2) {
      Object k = entries[i];
      if (k == key || k.equals(key)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void forEach(BiConsumer<? super String, ? super V> action) {
    for (int i = 0; i < 2 * size; i += 2) {
      action.accept((String) entries[i], (V) entries[i + 1]);
    }
  }

  @Override
  public Set<Entry<String, V>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return size;
      }

      @Override
      public Iterator<Entry<String, V>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < size;
          }

          @Override
          @SuppressWarnings("unchecked")
          public Entry<String, V> next() {
            if (next >= size) {
              throw new NoSuchElementException();
            }
            int i = 2 * next++;
            return new SimpleImmutableEntry<>((String) entries[i], (V) entries[i + 1]);
          }
        };
      }
    };
  }

  /** Builds a FieldMap; of a key put twice, the first value is kept. */
  public static final class Builder<V> {
    private Object[] entries;
    private int size;

    public Builder(int expectedSize) {
      entries = new Object[2 * Math.max(expectedSize, 1)];
    }

    /** Adds the entry unless the key is there already; keys and values must not be null. */
    public Builder<V> put(String key, V value) {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
      for (int i = 0; i < 2 * size; i += 2) {
        if (entries[i].equals(key)) {
          return this;
        }
      }
      if (2 * size == entries.length) {
        entries = java.util.Arrays.copyOf(entries, 2 * entries.length);
      }
      entries[2 * size] = key;
      entries[2 * size + 1] = value;
      size++;
      return this;
    }

    public int size() {
      return size;
    }

    /** The map of the entries put; the builder starts empty again. */
    public FieldMap<V> build() {
      FieldMap<V> map = size == 0 ? of() : new FieldMap<>(entries, size);
      entries = new Object[entries.length];
      size = 0;
      return map;
    }
  }
}
