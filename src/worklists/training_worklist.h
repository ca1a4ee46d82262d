#pragma once
// The training worklist: required courses overdue, lapsed, lapsing or falling due soon, each an
// item with its due date, days overdue and owner (the officer who must complete it, in their unit).

#include <span>
#include <vector>

#include "core/training_course.h"
#include "worklists/training_compliance.h"
#include "worklists/worklist_item.h"

namespace rasso {

/// Items for the requirements that need action on `as_of`: Overdue (training_overdue), Expired
/// (training_expired), and Expiring (training_expiring) or NotYetDue (training_due) with a date
/// within `warning_days`; Held ones and those due later are left out. `catalogue` supplies
/// course labels for the reasons. Items are views into the same tables as `requirements`; most
/// urgent first, narrowed by `filter` (officer_ref matches the officer who must train).
std::vector<WorklistItem> training_worklist(std::span<const TrainingRequirement> requirements,
                                            std::span<const TrainingCourse> catalogue, CivilDate as_of,
                                            int warning_days = kDefaultTrainingWarningDays,
                                            const WorklistFilter& filter = {});

}  // namespace rasso
