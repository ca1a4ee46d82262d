#pragma once
// Where each tracked recommendation stands on a date: its actions (all, open, overdue), its
// evidence items and whether it is itself overdue, by the rules of core/recommendation_status.h.
// One computation for the tracker's list (CLI and API) and its export.

#include <map>
#include <string>
#include <vector>

#include "core/civil_date.h"
#include "store/governance_records.h"

namespace rasso {

struct RecommendationProgress {
  int actions = 0;
  int open_actions = 0;     // not closed
  int overdue_actions = 0;  // not closed and past their due date
  int evidence_items = 0;
  bool overdue = false;  // the recommendation itself: not closed and past its due date
  int days_overdue = 0;  // 0 unless overdue

  /// True when the recommendation or one of its actions is overdue: what `rasso recommendations
  /// overdue` lists it or an action of it for.
  bool anything_overdue() const { return overdue || overdue_actions > 0; }
};

/// The progress of every recommendation of `recommendations` on `as_of`, by rec_id (one entry
/// each, zeros for a recommendation with no action or evidence). Actions and evidence of
/// recommendations not in the list are ignored.
std::map<std::string, RecommendationProgress> recommendation_progress(const std::vector<Recommendation>& recommendations,
                                                                      const std::vector<RecommendationAction>& actions,
                                                                      const std::vector<EvidenceItem>& evidence, CivilDate as_of);

}  // namespace rasso
