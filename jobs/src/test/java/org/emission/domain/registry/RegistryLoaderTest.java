package org.emission.domain.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.emission.domain.Fixtures.cst;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryLoaderTest {

  @TempDir Path dir;

  private static final String ENTERPRISES =
      """
      \uFEFFenterprise_id,name,region,district,park,sector
      E1,"Wuhai Power Co., Ltd.",Wuhai,Haibowan,,power
      E2,Qipanjing Steel,Ordos,Otog,Qipanjing park,steel
      """;

  private static final String OUTLETS =
      """
      outlet_id,enterprise_id,name,kind,mn,facility,o2_ref,status,status_since,flow_unit,min_interval,notes
      P1,E1,Unit 1 stack,flue_gas,MN0001,coal boiler >= 65 t/h,6,operating,2018-12-31,m3/s,10,"ultra-low, see permit"
      W1,E1,Wastewater,wastewater,MN0002,,,operating,2020-01-01,,,
      S1,E2,Sinter head,flue_gas,MN0003,sinter machine head,16,stopped,2024-05-01,,,
      """;

  // PM of power: GB 13223-2011 standard 30; special 20 from 2023-01-01 (内政发〔2020〕26号);
  // P1 ultra-low 10 from 2026-01-01 (Ordos: >= 65 t/h coal boilers ultra-low by end-2025).
  private static final String LIMITS =
      """
      outlet_id,pollutant,kind,value,unit,averaging,effective_from,effective_to,source
      sector:power,a34013,standard,30,mg/m3,hour,2012-01-01,,GB 13223-2011 Table 1
      sector:power,a34013,special,20,mg/m3,hour,2023-01-01,,GB 13223-2011 Table 2 special limit
      P1,a34013,ultra_low,10,mg/m3,hour,2026-01-01,,Ordos coal boilers >= 65 t/h ultra-low by end-2025
      sector:power,a21026,standard,100,mg/m3,hour,2012-01-01,,GB 13223-2011 Table 1
      P1,a21026,permit,40,mg/m3,hour,2020-01-01,,discharge permit of P1
      sector:power,a21026,special,50,mg/m3,hour,2023-01-01,,GB 13223-2011 Table 2 special limit
      P1,a21002,standard,100,mg/m3,hour,2012-01-01,2023-01-01,GB 13223-2011 Table 1
      P1,a21002,permit,100,mg/m3,hour,2020-01-01,,discharge permit of P1
      W1,w01018,standard,50,mg/L,day,2015-01-01,,GB 8978-1996 Table 4
      """;

  private void write(String file, String text) throws IOException {
    Files.writeString(dir.resolve(file), text, StandardCharsets.UTF_8);
  }

  private Registry validRegistry() throws Exception {
    write("enterprises.csv", ENTERPRISES);
    write("outlets.csv", OUTLETS);
    write("limits.csv", LIMITS);
    write("meters.csv", "this file is for a later job and must be ignored\n\"unbalanced");
    return RegistryLoader.load(dir);
  }

  @Test
  void loadsOutletsWithLookupsAndDefaults() throws Exception {
    Registry r = validRegistry();

    Outlet p1 = r.outletByMn("MN0001").orElseThrow();
    assertThat(p1.id()).isEqualTo("P1");
    assertThat(p1.o2Ref()).isEqualTo(6.0);
    assertThat(p1.flowUnit()).isEqualTo(FlowUnit.M3_PER_SECOND);
    assertThat(p1.minIntervalMinutes()).isEqualTo(10);
    assertThat(r.enterprise("E1").orElseThrow().name()).isEqualTo("Wuhai Power Co., Ltd.");

    Outlet w1 = r.outlet("W1").orElseThrow();
    assertThat(w1.kind()).isEqualTo(OutletKind.WASTEWATER);
    assertThat(w1.o2Ref()).isNull();
    // defaults: wastewater flow in L/s (HJ 212-2017 App. B), one record per minute
    assertThat(w1.flowUnit()).isEqualTo(FlowUnit.LITRES_PER_SECOND);
    assertThat(w1.minIntervalMinutes()).isEqualTo(1);
    assertThat(r.outlet("S1").orElseThrow().flowUnit()).isEqualTo(FlowUnit.M3_PER_HOUR);
    assertThat(r.outletByMn("nope")).isEmpty();
  }

  @Test
  void aFurtherLoggerOfAnOutletIsAFlueWithTheOutletsLimits() throws Exception {
    write(
        "devices.csv",
        """
        mn,pw,outlet_id,flue
        MN0001,123456,P1,primary
        MN0011,123456,P1,
        MN0012,123456,P1,north flue
        MN0002,123456,W1,
        """);
    Registry r = validRegistry();

    // the outlet's own logger stays the outlet; the others are flues 2 and 3 in file order
    assertThat(r.outletByMn("MN0001").orElseThrow().id()).isEqualTo("P1");
    Outlet flue2 = r.outletByMn("MN0011").orElseThrow();
    assertThat(flue2.id()).isEqualTo("P1-F2");
    assertThat(flue2.name()).isEqualTo("Unit 1 stack (flue 2)");
    assertThat(flue2.o2Ref()).isEqualTo(6.0);
    assertThat(flue2.flowUnit()).isEqualTo(FlowUnit.M3_PER_SECOND);
    Outlet flue3 = r.outletByMn("MN0012").orElseThrow();
    assertThat(flue3.id()).isEqualTo("P1-F3");
    assertThat(flue3.name()).isEqualTo("Unit 1 stack (north flue)");
    assertThat(r.outlets()).extracting(Outlet::id).contains("P1-F2", "P1-F3").hasSize(5);
    // judged against P1's rows: its own permit SO2 40 beats the sector's special 50 in 2024
    LimitInForce so2 = r.limitFor("P1-F2", "a21026", Averaging.HOUR, cst("2024-06-01T10:00"));
    assertThat(so2.value()).isEqualByComparingTo("40");
    assertThat(so2.source()).isEqualTo("discharge permit of P1");
    assertThat(r.limitsOf("P1-F3")).isEqualTo(r.limitsOf("P1"));
  }

  @Test
  void reportsDevicesOfUnknownOutletsAndMnsOfOtherOutlets() throws Exception {
    write(
        "devices.csv",
        """
        mn,pw,outlet_id
        MN0011,1,P9
        MN0002,1,P1
        MN0012,1,P1
        MN0012,1,P1
        bad mn,1,P1
        ,1,
        """);
    assertThatThrownBy(this::validRegistry)
        .isInstanceOf(RegistryException.class)
        .satisfies(
            t ->
                assertThat(((RegistryException) t).errors())
                    .extracting(RegistryError::toString)
                    .containsExactly(
                        "devices.csv:2 [outlet_id]: unknown outlet 'P9' (not in outlets.csv)",
                        "devices.csv:3 [mn]: MN 'MN0002' is the logger of outlet W1 in outlets.csv,"
                            + " not of P1",
                        "devices.csv:5 [mn]: duplicate mn 'MN0012' (first at line 4)",
                        "devices.csv:6 [mn]: MN 'bad mn' must be 1 to 24 characters 0-9, A-Z"
                            + " (HJ 212-2017 Table 3)",
                        "devices.csv:7 [mn]: value is required",
                        "devices.csv:7 [outlet_id]: value is required"));
  }

  @Test
  void specialLimitTakesOverAtMidnightCst() throws Exception {
    Registry r = validRegistry();
    // 2022-12-31 23:00 CST is still under the standard limit 30
    LimitInForce before = r.limitFor("P1", "a34013", Averaging.HOUR, cst("2022-12-31T23:00"));
    assertThat(before.value()).isEqualByComparingTo("30");
    assertThat(before.kind()).isEqualTo(LimitKind.STANDARD);
    // 2023-01-01 00:00 +08:00 (= 2022-12-31T16:00Z) the special limit 20 applies
    LimitInForce after = r.limitFor("P1", "a34013", Averaging.HOUR, cst("2023-01-01T00:00"));
    assertThat(cst("2023-01-01T00:00")).hasToString("2022-12-31T16:00:00Z");
    assertThat(after.value()).isEqualByComparingTo("20");
    assertThat(after.kind()).isEqualTo(LimitKind.SPECIAL);
    assertThat(after.source()).isEqualTo("GB 13223-2011 Table 2 special limit");
    assertThat(after.appliesTo()).isEqualTo("sector:power");
    assertThat(after.line()).isEqualTo(3);
  }

  @Test
  void ultraLowAppliesFromTheRetrofitDeadline() throws Exception {
    Registry r = validRegistry();
    // deadline end-2025: on 2025-12-31 23:00 the special limit 20 is still the strictest
    assertThat(r.limitFor("P1", "a34013", Averaging.HOUR, cst("2025-12-31T23:00")).value())
        .isEqualByComparingTo("20");
    LimitInForce ultraLow = r.limitFor("P1", "a34013", Averaging.HOUR, cst("2026-01-01T00:00"));
    assertThat(ultraLow.value()).isEqualByComparingTo("10");
    assertThat(ultraLow.kind()).isEqualTo(LimitKind.ULTRA_LOW);
    assertThat(ultraLow.appliesTo()).isEqualTo("P1");
  }

  @Test
  void strictestApplicableLimitWins() throws Exception {
    Registry r = validRegistry();
    // SO2 of P1 in 2024: sector standard 100, sector special 50, P1 permit 40 -> permit 40
    LimitInForce so2 = r.limitFor("P1", "a21026", Averaging.HOUR, cst("2024-06-01T10:00"));
    assertThat(so2.value()).isEqualByComparingTo("40");
    assertThat(so2.kind()).isEqualTo(LimitKind.PERMIT);
    assertThat(so2.source()).isEqualTo("discharge permit of P1");
    // NOx on 2022-12-31: standard 100 and permit 100 tie -> the later effective_from (permit)
    assertThat(r.limitFor("P1", "a21002", Averaging.HOUR, cst("2022-12-31T23:00")).kind())
        .isEqualTo(LimitKind.PERMIT);
    // effective_to is exclusive: the standard row no longer covers 2023-01-01 00:00
    assertThat(r.limitsOf("P1").stream().filter(l -> l.pollutant().equals("a21002")).toList())
        .hasSize(2)
        .first()
        .satisfies(l -> assertThat(l.covers(cst("2023-01-01T00:00"))).isFalse());
    // sector rows do not reach outlets of another sector; averaging must match
    assertThat(r.limitFor("S1", "a34013", Averaging.HOUR, cst("2024-01-01T00:00"))).isNull();
    assertThat(r.limitFor("P1", "a34013", Averaging.DAY, cst("2024-01-01T00:00"))).isNull();
    assertThat(r.limitFor("W1", "w01018", Averaging.DAY, cst("2024-01-01T00:00")).unit())
        .isEqualTo("mg/L");
  }

  @Test
  void equalValuesAreOrderedDeterministically() {
    Enterprise e = new Enterprise("E1", "x", "Wuhai", "d", "", "power");
    Outlet o = org.emission.domain.Fixtures.stack();
    LimitRule sector =
        rule("sector:power", null, "power", LimitKind.SPECIAL, "20", "2023-01-01", 2);
    LimitRule outlet = rule("OUT-1", "OUT-1", null, LimitKind.STANDARD, "20", "2023-01-01", 3);
    LimitRule permit = rule("OUT-1", "OUT-1", null, LimitKind.PERMIT, "20", "2023-01-01", 4);
    Registry r =
        Registry.of(
            List.of(new Enterprise("ENT-1", "x", "Wuhai", "d", "", "power"), e),
            List.of(o),
            List.of(sector, outlet, permit));
    // all 20: outlet rows before sector rows, then permit before standard
    assertThat(r.limitFor("OUT-1", "a34013", Averaging.HOUR, cst("2024-01-01T00:00")).kind())
        .isEqualTo(LimitKind.PERMIT);
  }

  private static LimitRule rule(
      String target,
      String outletId,
      String sector,
      LimitKind kind,
      String value,
      String from,
      int line) {
    return new LimitRule(
        target,
        outletId,
        sector,
        "a34013",
        kind,
        new BigDecimal(value),
        "mg/m3",
        Averaging.HOUR,
        java.time.LocalDate.parse(from),
        null,
        "test",
        line);
  }

  @Test
  void reportsEveryBadRowWithFileLineColumnAndReason() throws Exception {
    write(
        "enterprises.csv",
        """
        enterprise_id,name,region,district,park,sector
        E1,Power,Wuhai,Haibowan,,power
        E1,Duplicate,Wuhai,Haibowan,,power
        E3,,Wuhai,Haibowan,,coking
        """);
    write(
        "outlets.csv",
        """
        outlet_id,enterprise_id,name,kind,mn,facility,o2_ref,status,status_since,flow_unit,min_interval
        P1,E1,Stack,flue_gas,MN0001,,6,operating,2018-12-31,,
        P2,E9,Stack 2,flue_gas,MN0001,,21,running,2018/12/31,m3/min,7
        W1,E1,Water,wastewater,MN0003,,6,operating,2020-01-01,,
        """);
    write(
        "limits.csv",
        """
        outlet_id,pollutant,kind,value,unit,averaging,effective_from,effective_to,source
        P9,a34013,standard,30,mg/m3,hour,2012-01-01,,GB 13223-2011
        sector:cement,a34013,special,20,mg/m3,hour,2023-01-01,,GB 4915-2013
        P1,SO2,standard,-5,ppm,hourly,2023-13-01,2022-01-01,
        P1,a34013,standard,30,mg/m3,hour,2012-01-01,,GB 13223-2011
        P1,a34013,standard,25,mg/m3,hour,2020-01-01,,GB 13223-2011 (typo row)
        P1,a21026,standard,50,mg/L,day,2015-01-01,2015-01-01,GB 13223-2011
        """);

    assertThatThrownBy(() -> RegistryLoader.load(dir))
        .isInstanceOf(RegistryException.class)
        .satisfies(
            t -> {
              List<RegistryError> errors = ((RegistryException) t).errors();
              assertThat(errors)
                  .extracting(e -> e.file() + ":" + e.line() + " " + e.column())
                  .containsExactly(
                      "enterprises.csv:3 enterprise_id",
                      "enterprises.csv:4 name",
                      "outlets.csv:3 status",
                      "outlets.csv:3 status_since",
                      "outlets.csv:3 enterprise_id",
                      "outlets.csv:3 o2_ref",
                      "outlets.csv:3 flow_unit",
                      "outlets.csv:3 min_interval",
                      "outlets.csv:3 mn",
                      "outlets.csv:4 o2_ref",
                      "limits.csv:2 outlet_id",
                      "limits.csv:3 outlet_id",
                      "limits.csv:4 pollutant",
                      "limits.csv:4 value",
                      "limits.csv:4 unit",
                      "limits.csv:4 averaging",
                      "limits.csv:4 effective_from",
                      "limits.csv:4 source",
                      "limits.csv:6 effective_from",
                      "limits.csv:7 unit",
                      "limits.csv:7 effective_to");
              assertThat(errors.get(0).reason())
                  .isEqualTo("duplicate enterprise_id 'E1' (first at line 2)");
              assertThat(errors.get(2).reason())
                  .isEqualTo(
                      "'running' is not allowed; expected operating, stopped or decommissioned");
              assertThat(errors.get(3).reason()).contains("expected yyyy-MM-dd");
              assertThat(errors.get(4).reason())
                  .isEqualTo("unknown enterprise 'E9' (not in enterprises.csv)");
              assertThat(errors.get(5).reason())
                  .isEqualTo("reference O2 21 % must be at least 0 and below 21");
              assertThat(errors.get(8).reason())
                  .isEqualTo("duplicate mn 'MN0001' (first at line 2)");
              assertThat(errors.get(9).reason()).isEqualTo("must be empty for a wastewater outlet");
              assertThat(errors.get(11).reason())
                  .isEqualTo("no enterprise in enterprises.csv has sector 'cement'");
              assertThat(errors.get(18).reason())
                  .contains("overlaps the standard a34013 row at line 5");
              assertThat(errors.get(19).reason())
                  .isEqualTo("outlet P1 is flue_gas; its limits are in mg/m3");
              assertThat(errors.get(20).reason()).contains("(it is exclusive)");
              assertThat(t.getMessage())
                  .startsWith("registry is invalid (21 errors)")
                  .contains("outlets.csv:3 [status_since]: '2018/12/31' is not an ISO date");
            });
  }

  @Test
  void reportsMissingFilesColumnsAndUnterminatedQuotes() throws Exception {
    write(
        "enterprises.csv",
        "enterprise_id,name,region,district,sector\nE1,\"Power,Wuhai,x,,power\n");
    write("outlets.csv", "outlet_id,enterprise_id,name,kind,mn,facility,o2_ref,status\n");
    assertThatThrownBy(() -> RegistryLoader.load(dir))
        .isInstanceOf(RegistryException.class)
        .satisfies(
            t ->
                assertThat(((RegistryException) t).errors())
                    .extracting(RegistryError::toString)
                    .containsExactly(
                        "enterprises.csv:2: unterminated quoted cell (a \" without its closing \")",
                        "enterprises.csv:1 [park]: required column is missing from the header",
                        "outlets.csv:1 [status_since]: required column is missing from the header",
                        "limits.csv: file is missing from " + dir));
  }
}
