package org.emission.domain.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emission.domain.Fixtures.cst;

import java.time.Instant;
import org.emission.domain.Determination;
import org.emission.domain.InvalidReason;
import org.emission.domain.PollutantCodes;
import org.junit.jupiter.api.Test;

class SubstitutionLedgerTest {

  private static final String SO2 = PollutantCodes.SO2;
  // a quarter starts 2024-04-01 00:00 CST
  private static final Instant Q2 = cst("2024-04-01T00:00");

  private static Instant hour(int h) {
    return Q2.plusSeconds(3600L * h);
  }

  @Test
  void shortOutageWithHighCaptureUsesTheMaxOfThe180ValidHoursBefore() {
    SubstitutionLedger ledger = new SubstitutionLedger();
    // hours 0..199 valid: hour 10 emitted 90 kg, hour 100 emitted 60 kg, all others 20 kg
    for (int h = 0; h < 200; h++) {
      ledger.apply(Hours.measured(SO2, hour(h), 20, h == 10 ? 90 : h == 100 ? 60 : 20));
    }
    // hour 200 invalid (fault): α = 200 valid / 201 hours = 99.5 % >= 90 %, N = 1 <= 24
    // -> max of the 180 valid hours before (hours 20..199) = 60 kg; hour 10 (90 kg) is too old
    OutletHour h = ledger.apply(Hours.invalid(SO2, hour(200), InvalidReason.FAULT));
    assertThat(h.massDetermination()).isEqualTo(Determination.SUBSTITUTED);
    assertThat(h.massKg()).isEqualByComparingTo("60");
    assertThat(h.determination()).isEqualTo(Determination.INVALID);
    assertThat(h.convertedConcentration()).isNull();
    assertThat(h.substitution()).contains("alpha=99.5%").contains("N=1").contains("max of 180");
  }

  @Test
  void longOutageUsesThe720ValidHoursBefore() {
    SubstitutionLedger ledger = new SubstitutionLedger();
    // 1000 valid hours: hour 10 = 90 kg; hours 1000..1024 invalid (25 hours)
    for (int h = 0; h < 1000; h++) {
      ledger.apply(Hours.measured(SO2, hour(h), 20, h == 10 ? 90 : h == 500 ? 70 : 20));
    }
    OutletHour last = null;
    for (int h = 1000; h < 1025; h++) {
      last = ledger.apply(Hours.invalid(SO2, hour(h), InvalidReason.FAULT));
    }
    // hour 1024: N = 1024 − 999 = 25 > 24, α = 1000 / 1025 = 97.6 % -> 720 valid hours before
    // = hours 280..999: max 70 kg (hour 500); hour 10 is outside
    assertThat(last.massKg()).isEqualByComparingTo("70");
    assertThat(last.substitution()).contains("N=25").contains("max of 720");
  }

  @Test
  void mediumCaptureRateUsesThe2160ValidHoursBefore() {
    SubstitutionLedger ledger = new SubstitutionLedger();
    // 200 hours: valid except every 6th hour invalid (α ≈ 5/6 = 83.5 %); hour 3 = 90 kg
    for (int h = 0; h < 200; h++) {
      if (h % 6 == 5) {
        ledger.apply(Hours.invalid(SO2, hour(h), InvalidReason.MAINTENANCE));
      } else {
        ledger.apply(Hours.measured(SO2, hour(h), 20, h == 3 ? 90 : 20));
      }
    }
    // hour 200 invalid: valid = 200 − 33 = 167 of 201 -> α = 83.1 % in [75 %, 90 %) -> 2160:
    // hour 3's 90 kg is within reach
    OutletHour h = ledger.apply(Hours.invalid(SO2, hour(200), InvalidReason.MAINTENANCE));
    assertThat(h.massKg()).isEqualByComparingTo("90");
    assertThat(h.substitution()).contains("alpha=83.1%").contains("max of 2160");
  }

  @Test
  void stopHoursOtherPollutantsAndNoHistoryAreNotSubstituted() {
    SubstitutionLedger ledger = new SubstitutionLedger();
    assertThat(ledger.apply(Hours.invalid(SO2, hour(0), InvalidReason.FAULT)).massDetermination())
        .isEqualTo(Determination.INVALID);
    ledger.apply(Hours.measured(SO2, hour(1), 20, 20));
    // a stopped source emits nothing: no substitution
    assertThat(ledger.apply(Hours.invalid(SO2, hour(2), InvalidReason.UNIT_STOPPED)).massKg())
        .isNull();
    // CO is not in the table (SO2, NOx, PM only)
    SubstitutionLedger co = new SubstitutionLedger();
    co.apply(Hours.measured(PollutantCodes.CO, hour(0), 20, 20));
    assertThat(co.apply(Hours.invalid(PollutantCodes.CO, hour(1), InvalidReason.FAULT)).massKg())
        .isNull();
  }
}
