#include "analytics/recommendation_progress.h"

namespace rasso {

std::map<std::string, RecommendationProgress> recommendation_progress(const std::vector<Recommendation>& recommendations,
                                                                      const std::vector<RecommendationAction>& actions,
                                                                      const std::vector<EvidenceItem>& evidence, CivilDate as_of) {
  std::map<std::string, RecommendationProgress> progress;
  for (const Recommendation& rec : recommendations) {
    RecommendationProgress& entry = progress[rec.rec_id];
    entry.overdue = recommendation_overdue(rec.status, rec.due_date, as_of);
    entry.days_overdue = entry.overdue ? rec.due_date->days_until(as_of) : 0;
  }
  for (const RecommendationAction& action : actions) {
    const auto found = progress.find(action.rec_id);
    if (found == progress.end()) continue;
    ++found->second.actions;
    if (action.status != ActionStatus::Closed) ++found->second.open_actions;
    if (action_overdue(action.status, action.due_date, as_of)) ++found->second.overdue_actions;
  }
  for (const EvidenceItem& item : evidence) {
    const auto found = progress.find(item.rec_id);
    if (found != progress.end()) ++found->second.evidence_items;
  }
  return progress;
}

}  // namespace rasso
