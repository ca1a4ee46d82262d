#pragma once
// Released under investigation (RUI): no conditions, no time limit and no authorisation ladder
// (DOMAIN.md §4), which is why a case left on RUI needs watching. The threshold is
// SafeguardingConfig::rui_threshold_months (default 6).

#include "core/civil_date.h"

namespace rasso {

/// The day an RUI that began on `rui_start` has been open `threshold_months`.
CivilDate rui_review_date(CivilDate rui_start, int threshold_months);

/// True when, on `as_of`, an RUI that began on `rui_start` has been open longer than
/// `threshold_months` (i.e. `as_of` is after the review date).
bool rui_open_too_long(CivilDate rui_start, CivilDate as_of, int threshold_months);

}  // namespace rasso
