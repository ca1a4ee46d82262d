#pragma once
// Loading what the workforce rules read from the store besides the extract tables: the course
// catalogue (seeded on first use from the `course` code table), officers' detective status, and
// the recommendations tracker whole.
// Shared by the CLI and the server.

#include <string>
#include <unordered_map>
#include <vector>

#include "core/code_table.h"
#include "core/result.h"
#include "core/training_course.h"
#include "store/store.h"

namespace rasso {

/// The course catalogue, every course (retired ones too), in code order. Courses of
/// `course_table` whose code is not yet in the catalogue are added first (with `seed_audit`,
/// written only when some are): the catalogue starts as codes/course.csv and new codes added
/// there appear; after that the store's versions are what count. `course_table` may be null.
Result<std::vector<TrainingCourse>> load_course_catalogue(Store& store, const CodeTable* course_table,
                                                          const AuditEvent& seed_audit);

/// Every recommendation with every action and evidence item: what the tracker's list, export and
/// progress views read.
struct RecommendationTracker {
  std::vector<Recommendation> recommendations;
  std::vector<RecommendationAction> actions;
  std::vector<EvidenceItem> evidence;
};

Result<RecommendationTracker> load_recommendation_tracker(Store& store);

/// officer_ref -> detective_status code (blank ones left out), from the officers table.
Result<std::unordered_map<std::string, std::string>> load_detective_status(Store& store);

}  // namespace rasso
