#include "worklists/bail_state.h"

namespace rasso {

BailState bail_state_on(std::span<const BailPeriodRecord> periods, CivilDate as_of) {
  BailState state;
  for (const BailPeriodRecord& period : periods) {
    if (period.period_number == 1) state.bail_start = period.start_date;
    if (period.decided_on() > as_of) continue;
    if (!state.current || period.period_number > state.current->period_number) state.current = &period;
  }
  if (!state.current) return state;
  const BailPeriodRecord& current = *state.current;
  const bool ended_by_date = current.ended_date && *current.ended_date <= as_of;
  switch (current.end_reason) {
    case BailEndReason::Extended: state.ended = false; break;
    case BailEndReason::None: state.ended = ended_by_date; break;
    default: state.ended = !current.ended_date || ended_by_date; break;
  }
  return state;
}

}  // namespace rasso
