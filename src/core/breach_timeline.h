#pragma once
// Breaches of pre-charge bail or of a protection order (DOMAIN.md §5): how long the police took to
// respond, whether a response is overdue, whether a breach falls in the repeat-breach window, and
// whether a breach is dated before the order it is said to breach had started (a sign the wrong
// order is linked, or a date is wrong). Response times are in calendar days: police respond every
// day of the week.

#include <cstdint>

#include "core/civil_date.h"
#include "core/protection_order.h"

namespace rasso {

/// The day by which a breach reported on `reported` should have a recorded response.
CivilDate breach_response_due(CivilDate reported, int response_days);

/// Whole days from the report to the response (0 when the same day).
int32_t days_to_breach_response(CivilDate reported, CivilDate responded);

/// True when a breach reported on `reported` still has no response on `as_of` and the response
/// was due before `as_of` (overdue from the day after the due date).
bool breach_response_overdue(CivilDate reported, CivilDate as_of, int response_days);

/// True when a breach on `occurred` counts towards repeat breaches on `as_of`: it happened on or
/// before `as_of` and no earlier than `lookback_months` before it (0 = all time).
bool within_repeat_breach_window(CivilDate occurred, CivilDate as_of, int lookback_months);

/// True when a breach that happened on `occurred` is dated before `order` started, including an
/// order that never started (no start date).
bool breach_predates_order(CivilDate occurred, const OrderTerms& order);

}  // namespace rasso
