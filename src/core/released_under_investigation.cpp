#include "core/released_under_investigation.h"

namespace rasso {

CivilDate rui_review_date(CivilDate rui_start, int threshold_months) { return rui_start.plus_months(threshold_months); }

bool rui_open_too_long(CivilDate rui_start, CivilDate as_of, int threshold_months) {
  return as_of > rui_review_date(rui_start, threshold_months);
}

}  // namespace rasso
