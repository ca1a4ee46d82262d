#include "store/governance_loading.h"

#include "core/field_spec.h"

namespace rasso {

Result<std::vector<TrainingCourse>> load_course_catalogue(Store& store, const CodeTable* course_table,
                                                          const AuditEvent& seed_audit) {
  if (course_table != nullptr) {
    auto shipped = courses_from_code_table(*course_table);
    if (!shipped) return shipped.error();
    auto seeded = store.governance().seed_training_courses(*shipped, seed_audit);
    if (!seeded) return seeded.error();
  }
  auto stored = store.governance().training_courses();
  if (!stored) return stored.error();
  std::vector<TrainingCourse> courses;
  courses.reserve(stored->size());
  for (StoredCourse& entry : *stored) courses.push_back(std::move(entry.course));
  return courses;
}

Result<std::unordered_map<std::string, std::string>> load_detective_status(Store& store) {
  const EntitySpec& spec = entity_spec(Entity::Officers);
  const auto ref = spec.index_of("officer_ref");
  const auto status = spec.index_of("detective_status");
  if (!ref || !status) return Error{"internal", "the officers entity has no detective_status field"};
  auto rows = store.rows(Entity::Officers);
  if (!rows) return rows.error();
  std::unordered_map<std::string, std::string> out;
  for (const auto& values : *rows) {
    if (!values[*status].empty()) out.emplace(values[*ref], ascii_lower(values[*status]));
  }
  return out;
}

Result<RecommendationTracker> load_recommendation_tracker(Store& store) {
  GovernanceStore& governance = store.governance();
  auto recommendations = governance.recommendations();
  if (!recommendations) return recommendations.error();
  auto actions = governance.recommendation_actions("");
  if (!actions) return actions.error();
  auto evidence = governance.recommendation_evidence("");
  if (!evidence) return evidence.error();
  return RecommendationTracker{std::move(*recommendations), std::move(*actions), std::move(*evidence)};
}

}  // namespace rasso
