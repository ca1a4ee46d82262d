#include "worklists/training_worklist.h"

#include <algorithm>

#include "worklists/reason_text.h"

namespace rasso {
namespace {

std::string_view label_of(std::span<const TrainingCourse> catalogue, std::string_view code) {
  const auto found = std::find_if(catalogue.begin(), catalogue.end(), [&](const TrainingCourse& c) { return c.code == code; });
  return found == catalogue.end() ? code : std::string_view(found->label);
}

std::string training_reason(const TrainingRequirement& requirement, std::string_view label, CivilDate as_of) {
  ReasonText reason;
  reason << label << " (" << requirement.course_code << "), required of " << requirement.role << "s: ";
  const CivilDate due = *requirement.due_date;
  switch (requirement.state) {
    case TrainingState::Overdue: reason << "never completed, due by " << due; break;
    case TrainingState::NotYetDue: reason << "not completed yet, due by " << due; break;
    case TrainingState::Expired: reason << "completed " << *requirement.completed_date << ", lapsed on " << due; break;
    case TrainingState::Expiring: reason << "completed " << *requirement.completed_date << ", lapses on " << due; break;
    case TrainingState::Held: break;
  }
  const int32_t days_left = as_of.days_until(due);
  if (days_left < 0) {
    reason << ", " << -days_left << (days_left == -1 ? " day" : " days") << " ago";
  } else {
    reason << ", " << InDays{days_left};
  }
  return reason.take();
}

}  // namespace

std::vector<WorklistItem> training_worklist(std::span<const TrainingRequirement> requirements,
                                            std::span<const TrainingCourse> catalogue, CivilDate as_of,
                                            int warning_days, const WorklistFilter& filter) {
  std::vector<WorklistItem> items;
  for (const TrainingRequirement& requirement : requirements) {
    if (!requirement.due_date) continue;
    ItemKind kind;
    switch (requirement.state) {
      case TrainingState::Overdue: kind = ItemKind::TrainingOverdue; break;
      case TrainingState::Expired: kind = ItemKind::TrainingExpired; break;
      case TrainingState::Expiring:
        if (as_of.days_until(*requirement.due_date) > warning_days) continue;
        kind = ItemKind::TrainingExpiring;
        break;
      case TrainingState::NotYetDue:
        if (as_of.days_until(*requirement.due_date) > warning_days) continue;
        kind = ItemKind::TrainingDue;
        break;
      case TrainingState::Held: continue;
    }
    const Owner owner{requirement.officer_ref, requirement.unit_ref, requirement.force_code};
    if (!filter.matches(owner)) continue;
    items.push_back(make_worklist_item(kind, training_reason(requirement, label_of(catalogue, requirement.course_code), as_of),
                                       *requirement.due_date, as_of, requirement.course_code, {}, {}, owner));
  }
  sort_by_urgency(items);
  return items;
}

}  // namespace rasso
