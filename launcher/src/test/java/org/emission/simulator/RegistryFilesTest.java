package org.emission.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.emission.domain.registry.Enterprise;
import org.emission.domain.registry.LimitRule;
import org.emission.domain.registry.Outlet;
import org.emission.domain.registry.OutletStatus;
import org.emission.domain.registry.Registry;
import org.emission.domain.registry.RegistryLoader;
import org.emission.gateway.DeviceDirectory;
import org.junit.jupiter.api.Test;

/** The shipped registry of the simulated region (registry/ at the repository root). */
class RegistryFilesTest {

  @Test
  void loadsWithoutErrorsAndHasTheRegionsCounts() throws Exception {
    Registry registry = RegistryLoader.load(SimulatedFiles.REGISTRY);
    assertThat(registry.enterprises()).hasSize(40);
    // 95 outlets (one decommissioned, without a logger) and 36 second flues of shared stacks:
    // 94 + 36 = 130 loggers
    assertThat(registry.outlets()).hasSize(95 + 36);
    assertThat(registry.outlets().stream().filter(o -> o.id().contains("-F"))).hasSize(36);
    assertThat(DeviceDirectory.load(SimulatedFiles.REGISTRY).size()).isEqualTo(130);
    SimulatedRegion region = SimulatedRegion.load(SimulatedFiles.REGISTRY);
    assertThat(region.devices()).hasSize(130);
    Set<String> sectors = new HashSet<>();
    registry.enterprises().forEach(e -> sectors.add(e.sector()));
    assertThat(sectors)
        .containsExactlyInAnyOrder(
            "coking",
            "ferroalloy",
            "carbide",
            "pvc",
            "cement",
            "power",
            "steel",
            "boiler",
            "wastewater",
            "mining");
  }

  @Test
  void everyMonitoredPollutantHasASourcedLimitInForce() {
    SimulatedRegion region = SimulatedRegion.load(SimulatedFiles.REGISTRY);
    Registry registry = region.registry();
    for (DeviceSpec d : region.devices()) {
      for (Channel c : d.channels()) {
        if (!c.pollutant()) {
          continue;
        }
        List<LimitRule> rules =
            registry.limitsOf(d.outlet().id()).stream()
                .filter(r -> r.pollutant().equals(c.code()))
                .toList();
        assertThat(rules).as(d.outlet().id() + " " + c.code()).isNotEmpty();
        assertThat(rules).allSatisfy(r -> assertThat(r.source()).isNotBlank());
        assertThat(
                registry.findLimit(
                    d.outlet().id(),
                    c.code(),
                    d.wastewater()
                        ? org.emission.domain.registry.Averaging.DAY
                        : org.emission.domain.registry.Averaging.HOUR,
                    java.time.Instant.ofEpochMilli(SimulatedFiles.FROM)))
            .as("limit in force for " + d.outlet().id() + " " + c.code())
            .isPresent();
      }
    }
  }

  @Test
  void primaryMnsAreTheOutletsAndSecondDevicesShareAStack() {
    SimulatedRegion region = SimulatedRegion.load(SimulatedFiles.REGISTRY);
    Map<String, Integer> perOutlet = new HashMap<>();
    for (DeviceSpec d : region.devices()) {
      perOutlet.merge(d.outlet().id(), 1, Integer::sum);
      assertThat(d.outlet().status()).isNotEqualTo(OutletStatus.DECOMMISSIONED);
    }
    for (Outlet o : region.registry().outlets()) {
      if (o.status() == OutletStatus.DECOMMISSIONED) {
        assertThat(perOutlet).doesNotContainKey(o.id());
        continue;
      }
      DeviceSpec logger =
          region.devices().stream().filter(d -> d.mn().equals(o.mn())).findFirst().orElseThrow();
      if (logger.primary()) {
        assertThat(logger.outlet()).as(o.id()).isEqualTo(o);
      } else {
        // a second flue: a monitoring point of its own, named after its outlet
        assertThat(o.id()).isEqualTo(logger.outlet().id() + "-F2");
        assertThat(o.name()).isEqualTo(logger.outlet().name() + " (flue 2)");
        assertThat(region.registry().limitsOf(o.id()))
            .isEqualTo(region.registry().limitsOf(logger.outlet().id()));
      }
    }
    assertThat(perOutlet.values().stream().filter(n -> n > 1).count()).isPositive();
  }

  @Test
  void enterpriseNamesAreFictionalAndParksAreTheSeeds() throws Exception {
    Registry registry = RegistryLoader.load(SimulatedFiles.REGISTRY);
    Set<String> parks = new HashSet<>();
    for (Enterprise e : registry.enterprises()) {
      if (!e.park().isEmpty()) {
        parks.add(e.park());
      }
      // names of real plants in the seeds (wuhai-context.md §4) must not be used
      assertThat(e.name())
          .doesNotContainIgnoringCase("Huayu")
          .doesNotContainIgnoringCase("Tongyuan");
    }
    assertThat(parks)
        .contains(
            "Haibowan industrial park",
            "Wuda industrial park",
            "Hainan industrial park",
            "Wuhai low-carbon industrial park",
            "Qipanjing industrial park",
            "Mengxi high-tech industrial park");
  }

  @Test
  void metersBelongToEnterprisesAndIncludeMinesProduction() {
    SimulatedRegion region = SimulatedRegion.load(SimulatedFiles.REGISTRY);
    Set<String> enterprises = new HashSet<>();
    region.registry().enterprises().forEach(e -> enterprises.add(e.id()));
    assertThat(region.meters()).isNotEmpty();
    assertThat(region.meters()).allSatisfy(m -> assertThat(enterprises).contains(m.enterpriseId()));
    assertThat(region.meters())
        .extracting(MeterSpec::kind)
        .contains("electricity", "coal", "natural_gas", "steam", "production");
    assertThat(region.meters()).anySatisfy(m -> assertThat(m.product()).isEqualTo("raw coal"));
  }
}
