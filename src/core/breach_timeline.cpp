#include "core/breach_timeline.h"

namespace rasso {

CivilDate breach_response_due(CivilDate reported, int response_days) { return reported.plus_days(response_days); }

int32_t days_to_breach_response(CivilDate reported, CivilDate responded) { return reported.days_until(responded); }

bool breach_response_overdue(CivilDate reported, CivilDate as_of, int response_days) {
  return as_of > breach_response_due(reported, response_days);
}

bool within_repeat_breach_window(CivilDate occurred, CivilDate as_of, int lookback_months) {
  if (occurred > as_of) return false;
  return lookback_months == 0 || occurred >= as_of.plus_months(-lookback_months);
}

bool breach_predates_order(CivilDate occurred, const OrderTerms& order) { return order_not_started_by(order, occurred); }

}  // namespace rasso
