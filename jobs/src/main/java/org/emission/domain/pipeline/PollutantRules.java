package org.emission.domain.pipeline;

import java.io.Serializable;
import org.emission.domain.aggregate.LiveState;
import org.emission.domain.aggregate.SubstitutionLedger;
import org.emission.domain.alert.CalibrationRule;
import org.emission.domain.alert.EarlyWarningRule;
import org.emission.domain.alert.ExceedanceRule;
import org.emission.domain.alert.FlatLineRule;
import org.emission.domain.alert.LoggerMismatchRule;
import org.emission.domain.alert.OutOfRangeRule;
import org.emission.domain.alert.TransmissionRateRule;
import org.emission.domain.alert.ZeroFlowRule;

/** The per-pollutant states of one device (part of {@link DeviceState}). */
final class PollutantRules implements Serializable {

  private static final long serialVersionUID = 1L;

  final SubstitutionLedger ledger = new SubstitutionLedger();
  final LiveState live = new LiveState();
  final ExceedanceRule hourlyExceedance = new ExceedanceRule();
  final ExceedanceRule dailyExceedance = new ExceedanceRule();
  final EarlyWarningRule earlyWarning = new EarlyWarningRule();
  final FlatLineRule flatLine = new FlatLineRule();
  final ZeroFlowRule zeroFlow = new ZeroFlowRule();
  final CalibrationRule calibration = new CalibrationRule();
  final OutOfRangeRule outOfRange = new OutOfRangeRule();
  final LoggerMismatchRule loggerMismatch = new LoggerMismatchRule();
  final TransmissionRateRule transmission = new TransmissionRateRule();
}
