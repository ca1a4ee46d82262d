#pragma once
// Well-being check-ins: when each officer who should have regular check-ins (by default every 6
// months for investigators — a configurable default, no public figure was found) had the last
// one, when the next is due, and who is overdue. Only dates are held: what was said stays with
// the officer and their supervisor, never in this product.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.h"
#include "core/extract_records.h"
#include "worklists/worklist_item.h"

namespace rasso {

struct WellbeingRules {
  int interval_months = 6;                        // (default) between check-ins
  std::vector<std::string> roles = {"investigator"};  // officer_role codes that need them
  int warning_days = 30;                          // list as due this many days ahead
};

/// One check-in, as a date only.
struct WellbeingCheckinDate {
  std::string officer_ref;
  CivilDate checkin_date = CivilDate::from_days(0);
};

/// An officer's check-in position on an as-of date. Views into the officers table.
struct WellbeingStatus {
  std::string_view officer_ref;
  std::string_view unit_ref;
  std::string_view force_code;
  std::optional<CivilDate> last_checkin;  // latest on or before the as-of date
  CivilDate due_date = CivilDate::from_days(0);  // last check-in (or joining the unit) + interval
  int32_t days_overdue = 0;                      // as-of minus due; negative = days left
  bool overdue() const { return days_overdue > 0; }
};

/// Every officer in post on `as_of` whose role is in `rules.roles`, in table order. Due on the
/// last check-in + interval_months, or on joining + interval_months when there has been none (a
/// blank start date counts as joining on `as_of`); due on day D means overdue from D+1.
std::vector<WellbeingStatus> wellbeing_schedule(std::span<const OfficerRecord> officers,
                                                std::span<const WellbeingCheckinDate> checkins, CivilDate as_of,
                                                const WellbeingRules& rules = {});

/// Items (wellbeing_checkin_due) for statuses overdue or due within rules.warning_days, most
/// urgent first, narrowed by `filter`. Views into the same officers table as `statuses`.
std::vector<WorklistItem> wellbeing_worklist(std::span<const WellbeingStatus> statuses, CivilDate as_of,
                                             const WellbeingRules& rules = {}, const WorklistFilter& filter = {});

}  // namespace rasso
