#pragma once
// BailState: where the pre-charge bail that followed one arrest stands on a date — its current
// period and whether it has been brought to an end. Shared by the bail worklist and the check of
// a proposed bail extension, so both read the periods the same way.

#include <optional>
#include <span>

#include "core/bail_period.h"
#include "core/extract_records.h"

namespace rasso {

struct BailState {
  /// The highest-numbered period decided (authorised, or started) by the date; nullptr when none.
  const BailPeriodRecord* current = nullptr;
  /// The start of period 1, when it is on record.
  std::optional<CivilDate> bail_start;
  /// True when the current period has been ended by the date for a reason other than an extension
  /// (charge, no further action, conversion to RUI, a recorded lapse, or an end with no reason).
  /// An end recorded as "extended" with no later period on record leaves bail running.
  bool ended = false;

  /// The current period's terms for the bail_period rules; only valid when current is set.
  BailPeriodTerms terms() const {
    return {current->period_number, bail_start, current->end_date, current->authorised_by};
  }
};

/// The state on `as_of` of the bail made of `periods` (one arrest's periods, in any order).
BailState bail_state_on(std::span<const BailPeriodRecord> periods, CivilDate as_of);

}  // namespace rasso
