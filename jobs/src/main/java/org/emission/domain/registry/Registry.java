package org.emission.domain.registry;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The loaded reference data: immutable, with lookups by outlet id and by logger MN, and the limit
 * in force for a period. Serializable so a job can broadcast it.
 */
public final class Registry implements Serializable {

  private static final long serialVersionUID = 1L;

  /**
   * Order among applicable limits: the strictest (lowest value) first; on equal values the later
   * {@code effective_from}, then an outlet row before a sector row, then permit, ultra_low,
   * special, standard, then the earlier line — so the choice never depends on row order.
   */
  static final Comparator<LimitRule> STRICTEST_FIRST =
      Comparator.comparing(LimitRule::value)
          .thenComparing(LimitRule::effectiveFrom, Comparator.reverseOrder())
          .thenComparing(r -> r.outletId() == null)
          .thenComparing(r -> -r.kind().ordinal())
          .thenComparingInt(LimitRule::line);

  private final Map<String, Enterprise> enterprises;
  private final Map<String, Outlet> outlets;
  private final Map<String, Outlet> outletsByMn;
  private final Map<String, List<LimitRule>> limitsByOutlet;
  private final List<LimitRule> limits;
  // outlet id -> pollutant -> its rows in limitsOf order, built on first use
  private transient volatile Map<String, Map<String, List<Candidate>>> candidates;

  /** A row that applies to an outlet, with its validity as instants and its limit in force. */
  private record Candidate(LimitRule rule, Instant from, Instant to, LimitInForce inForce) {

    /** {@link LimitRule#covers}. */
    boolean covers(Instant periodStart) {
      return !periodStart.isBefore(from) && (to == null || periodStart.isBefore(to));
    }
  }

  private Registry(
      Map<String, Enterprise> enterprises,
      Map<String, Outlet> outlets,
      List<FlueDevice> flues,
      List<LimitRule> limits) {
    this.enterprises = Map.copyOf(enterprises);
    Map<String, Outlet> all = new LinkedHashMap<>(outlets);
    Map<String, String> limitsOwner = new HashMap<>();
    Map<String, Integer> fluesOf = new HashMap<>();
    for (FlueDevice f : flues) {
      Outlet stack = outlets.get(f.outletId());
      if (stack == null) {
        throw new IllegalArgumentException(
            "flue device " + f.mn() + ": unknown outlet " + f.outletId());
      }
      int number = fluesOf.merge(f.outletId(), 2, (n, one) -> n + 1);
      Outlet flue = f.asOutlet(stack, number);
      if (all.putIfAbsent(flue.id(), flue) != null) {
        throw new IllegalArgumentException(
            "flue device " + f.mn() + ": id " + flue.id() + " is taken");
      }
      limitsOwner.put(flue.id(), stack.id());
    }
    this.outlets = Collections.unmodifiableMap(all);
    Map<String, Outlet> byMn = new HashMap<>();
    for (Outlet o : all.values()) {
      if (byMn.putIfAbsent(o.mn(), o) != null) {
        throw new IllegalArgumentException("MN " + o.mn() + " belongs to two outlets");
      }
    }
    this.outletsByMn = Map.copyOf(byMn);
    this.limits = List.copyOf(limits);
    Map<String, List<LimitRule>> byOutlet = new HashMap<>();
    for (Outlet o : all.values()) {
      String owner = limitsOwner.getOrDefault(o.id(), o.id());
      Enterprise e = enterprises.get(o.enterpriseId());
      String sector = e == null ? null : e.sector();
      List<LimitRule> applicable = new ArrayList<>();
      for (LimitRule r : limits) {
        if (owner.equals(r.outletId()) || (r.sector() != null && r.sector().equals(sector))) {
          applicable.add(r);
        }
      }
      byOutlet.put(o.id(), List.copyOf(applicable));
    }
    this.limitsByOutlet = Map.copyOf(byOutlet);
  }

  /**
   * A registry from already validated rows (the loader's result; also for tests). Ids must be
   * unique; no validation beyond that is done here.
   */
  public static Registry of(
      Collection<Enterprise> enterprises, Collection<Outlet> outlets, List<LimitRule> limits) {
    return of(enterprises, outlets, List.of(), limits);
  }

  /**
   * A registry with further loggers of outlets: each {@link FlueDevice} becomes a monitoring point
   * of its own ({@link FlueDevice#asOutlet}), judged against its outlet's limits, numbered from 2
   * per outlet in list order.
   *
   * @throws IllegalArgumentException when a flue's outlet is unknown or an id or MN is taken twice
   */
  public static Registry of(
      Collection<Enterprise> enterprises,
      Collection<Outlet> outlets,
      List<FlueDevice> flues,
      List<LimitRule> limits) {
    Map<String, Enterprise> e = new LinkedHashMap<>();
    enterprises.forEach(x -> e.put(x.id(), x));
    Map<String, Outlet> o = new LinkedHashMap<>();
    outlets.forEach(x -> o.put(x.id(), x));
    return new Registry(e, o, flues, limits);
  }

  public Optional<Enterprise> enterprise(String enterpriseId) {
    return Optional.ofNullable(enterprises.get(enterpriseId));
  }

  public Optional<Outlet> outlet(String outletId) {
    return Optional.ofNullable(outlets.get(outletId));
  }

  /** The outlet (or flue monitoring point) whose logger has this HJ 212 MN. */
  public Optional<Outlet> outletByMn(String mn) {
    return Optional.ofNullable(outletsByMn.get(mn));
  }

  public Collection<Outlet> outlets() {
    return outlets.values();
  }

  public Collection<Enterprise> enterprises() {
    return enterprises.values();
  }

  /** All limit rows, in file order. */
  public List<LimitRule> limits() {
    return limits;
  }

  /**
   * The rows that apply to an outlet (its own rows and its sector's rows; for a flue, its
   * outlet's), any date.
   */
  public List<LimitRule> limitsOf(String outletId) {
    return limitsByOutlet.getOrDefault(outletId, List.of());
  }

  /**
   * The limit in force for the period starting at {@code periodStart} (an hour start, or a day's
   * 00:00 +08:00 for daily limits): among the outlet's rows for this pollutant and averaging whose
   * validity covers that instant ({@code effective_from} inclusive at 00:00 +08:00, {@code
   * effective_to} exclusive), the strictest, i.e. the lowest value ({@link #STRICTEST_FIRST}).
   *
   * @return the limit, or null when no row applies
   */
  public LimitInForce limitFor(
      String outletId, String pollutant, Averaging averaging, Instant periodStart) {
    return findLimit(outletId, pollutant, averaging, periodStart).orElse(null);
  }

  /** {@link #limitFor} as an Optional. */
  public Optional<LimitInForce> findLimit(
      String outletId, String pollutant, Averaging averaging, Instant periodStart) {
    Map<String, List<Candidate>> byPollutant = candidates().get(outletId);
    List<Candidate> rows = byPollutant == null ? null : byPollutant.get(pollutant);
    if (rows == null) {
      return Optional.empty();
    }
    // the first of the strictest, as Stream.min keeps it
    Candidate best = null;
    for (int i = 0, n = rows.size(); i < n; i++) {
      Candidate c = rows.get(i);
      if (c.rule().averaging() == averaging
          && c.covers(periodStart)
          && (best == null || STRICTEST_FIRST.compare(best.rule(), c.rule()) > 0)) {
        best = c;
      }
    }
    return best == null ? Optional.empty() : Optional.of(best.inForce());
  }

  private Map<String, Map<String, List<Candidate>>> candidates() {
    Map<String, Map<String, List<Candidate>>> index = candidates;
    if (index == null) {
      index = new HashMap<>();
      for (Map.Entry<String, List<LimitRule>> e : limitsByOutlet.entrySet()) {
        Map<String, List<Candidate>> byPollutant = new HashMap<>();
        for (LimitRule r : e.getValue()) {
          byPollutant
              .computeIfAbsent(r.pollutant(), p -> new ArrayList<>())
              .add(new Candidate(r, r.validFrom(), r.validTo(), LimitInForce.of(e.getKey(), r)));
        }
        index.put(e.getKey(), Collections.unmodifiableMap(byPollutant));
      }
      index = Map.copyOf(index);
      candidates = index;
    }
    return index;
  }
}
