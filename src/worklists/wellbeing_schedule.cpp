#include "worklists/wellbeing_schedule.h"

#include <algorithm>
#include <map>

#include "core/code_table.h"
#include "worklists/reason_text.h"
#include "worklists/training_compliance.h"

namespace rasso {

std::vector<WellbeingStatus> wellbeing_schedule(std::span<const OfficerRecord> officers,
                                                std::span<const WellbeingCheckinDate> checkins, CivilDate as_of,
                                                const WellbeingRules& rules) {
  std::map<std::string_view, CivilDate> latest;
  for (const WellbeingCheckinDate& checkin : checkins) {
    if (checkin.checkin_date > as_of) continue;
    auto [entry, added] = latest.emplace(checkin.officer_ref, checkin.checkin_date);
    if (!added && checkin.checkin_date > entry->second) entry->second = checkin.checkin_date;
  }
  std::vector<WellbeingStatus> out;
  for (const OfficerRecord& officer : officers) {
    if (!officer_in_post(officer, as_of)) continue;
    if (std::find(rules.roles.begin(), rules.roles.end(), ascii_lower(officer.role)) == rules.roles.end()) continue;
    WellbeingStatus status;
    status.officer_ref = officer.officer_ref;
    status.unit_ref = officer.unit_ref;
    status.force_code = officer.force_code;
    if (const auto found = latest.find(officer.officer_ref); found != latest.end()) status.last_checkin = found->second;
    const CivilDate from = status.last_checkin.value_or(officer.start_date.value_or(as_of));
    status.due_date = from.plus_months(rules.interval_months);
    status.days_overdue = status.due_date.days_until(as_of);
    out.push_back(status);
  }
  return out;
}

std::vector<WorklistItem> wellbeing_worklist(std::span<const WellbeingStatus> statuses, CivilDate as_of,
                                             const WellbeingRules& rules, const WorklistFilter& filter) {
  std::vector<WorklistItem> items;
  for (const WellbeingStatus& status : statuses) {
    if (-status.days_overdue > rules.warning_days) continue;
    const Owner owner{status.officer_ref, status.unit_ref, status.force_code};
    if (!filter.matches(owner)) continue;
    ReasonText reason;
    reason << "Well-being check-in every " << rules.interval_months << " months: ";
    if (status.last_checkin) {
      reason << "last on " << *status.last_checkin;
    } else {
      reason << "none recorded since joining";
    }
    reason << ", due by " << status.due_date;
    items.push_back(make_worklist_item(ItemKind::WellbeingCheckinDue, reason.take(), status.due_date, as_of, "wellbeing",
                                       {}, {}, owner));
  }
  sort_by_urgency(items);
  return items;
}

}  // namespace rasso
