package org.emission.domain.cems;

import java.util.Map;
import java.util.TreeMap;
import org.emission.domain.DataFlag;
import org.emission.domain.PollutantCodes;
import org.emission.domain.registry.Outlet;
import org.emission.domain.registry.OutletKind;

/**
 * Derives the compliance values of a minute record (pure).
 *
 * <ul>
 *   <li>Flue gas: converted concentration {@code C' = C × (21 − O2ref) / (21 − O2meas)} with the O2
 *       ({@code a19001}) of the same record (HJ 212-2017 App. D.2), not computed when O2 is
 *       missing, invalid or >= 20.9 %; the unconverted value when the outlet has no reference O2;
 *       NOx from NO and NO2 when the record has no {@code a21002} ({@code NOx = NO × 1.533 + NO2});
 *       flow converted from the outlet's flow unit to m3/h. HJ 75-2017 forms the hourly converted
 *       value from minute data, so conversion is done per minute with that minute's O2.
 *   <li>Wastewater (App. D.1): record volume {@code Dm} from the flow's {@code -Cou} (m3) when
 *       sent, else {@code Q(L/s) × covered seconds × 10^-3}; pollutant mass {@code Gm} from the
 *       pollutant's {@code -Cou} (kg) when sent — the logger integrates its 5-second slices, finer
 *       than the record mean — else {@code Dm × C × 10^-3}.
 * </ul>
 */
public final class MinuteDerivation {

  private MinuteDerivation() {}

  public static MinuteSnapshot derive(OutletMinute m, Outlet outlet) {
    Map<String, PollutantMinute> out = new TreeMap<>();
    if (outlet.kind() == OutletKind.WASTEWATER) {
      deriveWastewater(m, outlet, out);
    } else {
      deriveFlueGas(m, outlet, out);
    }
    return new MinuteSnapshot(
        m.outletId(), m.mn(), m.start(), m.coveredMinutes(), m.source(), m.backfill(), out);
  }

  private static void deriveFlueGas(
      OutletMinute m, Outlet outlet, Map<String, PollutantMinute> out) {
    MinuteReading o2Reading = m.readings().get(PollutantCodes.O2);
    Double o2 = o2Reading != null && o2Reading.isValid() ? o2Reading.value() : null;
    MinuteReading flowReading = m.readings().get(PollutantCodes.FLUE_GAS_FLOW);
    Double flow =
        flowReading == null || flowReading.value() == null
            ? null
            : outlet.flowUnit().toM3PerHour(flowReading.value());
    DataFlag flowFlag = flowReading == null ? null : flowReading.flag();

    // the record's readings are in code order already; a copy only to add a derived NOx
    Map<String, MinuteReading> readings = m.readings();
    boolean noxDerived = false;
    if (!readings.containsKey(PollutantCodes.NOX) && readings.containsKey(PollutantCodes.NO)) {
      readings = new TreeMap<>(readings);
      readings.put(
          PollutantCodes.NOX,
          noxReading(readings.get(PollutantCodes.NO), readings.get(PollutantCodes.NO2)));
      noxDerived = true;
    }
    for (Map.Entry<String, MinuteReading> e : readings.entrySet()) {
      String code = e.getKey();
      MinuteReading r = e.getValue();
      boolean derived = noxDerived && code.equals(PollutantCodes.NOX);
      if (PollutantCodes.isFlueGasParameter(code)) {
        Double value = code.equals(PollutantCodes.FLUE_GAS_FLOW) ? flow : r.value();
        out.put(
            code,
            new PollutantMinute(
                m.outletId(),
                code,
                m.start(),
                m.coveredMinutes(),
                r.flag(),
                value,
                null,
                false,
                o2,
                flow,
                flowFlag,
                null,
                null,
                false));
        continue;
      }
      Double converted = null;
      boolean unconvertible = false;
      if (r.value() != null) {
        if (outlet.hasReferenceO2()) {
          converted = Conversions.toReferenceO2(r.value(), outlet.o2Ref(), o2);
          unconvertible = converted == null;
        } else {
          converted = r.value();
        }
      }
      out.put(
          code,
          new PollutantMinute(
              m.outletId(),
              code,
              m.start(),
              m.coveredMinutes(),
              r.flag(),
              r.value(),
              converted,
              unconvertible,
              o2,
              flow,
              flowFlag,
              null,
              null,
              derived));
    }
  }

  /**
   * NOx from NO and NO2 readings: the value when NO has one (NO2 counted as 0 when absent or
   * invalid, as for NO-only analysers); the flag is NO's when invalid, else NO2's when sent and
   * invalid, else T when either is over range, else N.
   */
  static MinuteReading noxReading(MinuteReading no, MinuteReading no2) {
    Double no2Value = no2 != null && no2.isValid() ? no2.value() : null;
    Double value = no.value() == null ? null : Conversions.noxFromNoAndNo2(no.value(), no2Value);
    DataFlag flag;
    if (!no.flag().isValid()) {
      flag = no.flag();
    } else if (no2 != null && !no2.flag().isValid()) {
      flag = no2.flag();
    } else if (no.flag() == DataFlag.T || (no2 != null && no2.flag() == DataFlag.T)) {
      flag = DataFlag.T;
    } else {
      flag = DataFlag.N;
    }
    return new MinuteReading(value, flag, null, null, null, null);
  }

  private static void deriveWastewater(
      OutletMinute m, Outlet outlet, Map<String, PollutantMinute> out) {
    MinuteReading flowReading = m.readings().get(PollutantCodes.WASTEWATER_FLOW);
    Double litresPerSecond =
        flowReading == null || flowReading.value() == null
            ? null
            : outlet.flowUnit().toLitresPerSecond(flowReading.value());
    Double volume = null;
    if (flowReading != null && flowReading.cou() != null) {
      volume = flowReading.cou();
    } else if (litresPerSecond != null) {
      volume = Conversions.wastewaterVolumeM3(litresPerSecond, 60.0 * m.coveredMinutes());
    }
    Double flowM3h = litresPerSecond == null ? null : litresPerSecond * 3.6;
    DataFlag flowFlag = flowReading == null ? null : flowReading.flag();
    for (Map.Entry<String, MinuteReading> e : m.readings().entrySet()) {
      String code = e.getKey();
      MinuteReading r = e.getValue();
      if (PollutantCodes.isWastewaterParameter(code)) {
        Double value = code.equals(PollutantCodes.WASTEWATER_FLOW) ? litresPerSecond : r.value();
        Double vol = code.equals(PollutantCodes.WASTEWATER_FLOW) ? volume : null;
        out.put(
            code,
            new PollutantMinute(
                m.outletId(),
                code,
                m.start(),
                m.coveredMinutes(),
                r.flag(),
                value,
                null,
                false,
                null,
                flowM3h,
                flowFlag,
                vol,
                null,
                false));
        continue;
      }
      Double mass = r.cou();
      if (mass == null && volume != null && r.value() != null) {
        mass = Conversions.wastewaterMassKg(volume, r.value());
      }
      out.put(
          code,
          new PollutantMinute(
              m.outletId(),
              code,
              m.start(),
              m.coveredMinutes(),
              r.flag(),
              r.value(),
              r.value(),
              false,
              null,
              flowM3h,
              flowFlag,
              volume,
              mass,
              false));
    }
  }
}
