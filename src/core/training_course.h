#pragma once
// TrainingCourse: one course of the catalogue an administrator keeps — which roles must hold it,
// by when after joining the unit (or by a fixed date set by an inspection, whichever is later),
// and how often it must be renewed. The catalogue is data (seeded from codes/course.csv, then kept
// and versioned in the store), never code.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.h"
#include "core/code_table.h"
#include "core/result.h"

namespace rasso {

/// Days after joining the unit within which a required course must first be held (default; no
/// public figure was found, see docs/governance.md).
inline constexpr int kDefaultCourseDueWithinDays = 90;

struct TrainingCourse {
  std::string code;                             // upper case, e.g. "WORD_ON_WORD"
  std::string label;
  std::vector<std::string> required_for_roles;  // officer_role codes; empty = required of nobody
  int due_within_days = kDefaultCourseDueWithinDays;
  std::optional<CivilDate> required_by;         // staff already in post must hold it by this date
  int renewal_months = 0;                       // 0 = never needs renewing
  bool active = true;                           // a retired course stays in the catalogue, required of nobody
};

/// True when the course is active and `role` (an officer_role code, ASCII case ignored) must hold it.
bool course_required_for(const TrainingCourse& course, std::string_view role);

/// The date an officer who joined the unit on `start_date` must first hold the course by: joining
/// date + due_within_days, or required_by if that is later.
CivilDate first_due_date(const TrainingCourse& course, CivilDate start_date);

/// The date a completion lapses: its recorded expiry date if any, else completion + renewal_months,
/// else none.
std::optional<CivilDate> completion_expiry(const TrainingCourse& course, CivilDate completed_date,
                                           std::optional<CivilDate> recorded_expiry);

/// Checks a course an administrator enters. `roles` is the officer_role code table (nullptr skips
/// the role check). Error "invalid_input" saying what to change: code not 1-32 letters, digits or
/// '_'; blank label; unknown or repeated role; due_within_days outside 0-3650; renewal_months
/// outside 0-240.
Status validate_training_course(const TrainingCourse& course, const CodeTable* roles);

/// The catalogue as shipped: one course per row of the `course` code table (columns
/// required_for = roles separated by ';', validity_months), due `due_within_days` after joining,
/// and the deadlines of the HMICFRS 2024 recommendations for the courses they name (rec 3:
/// WORD_ON_WORD by 2025-01-31; rec 7: NOM_P21 and NOM_P22 by 2025-01-31). Error "reference_data"
/// when a validity_months value is not a whole number.
Result<std::vector<TrainingCourse>> courses_from_code_table(const CodeTable& course_table,
                                                    int due_within_days = kDefaultCourseDueWithinDays);

/// "investigator;supervisor" <-> {"investigator", "supervisor"} (blank parts dropped, lower-cased).
std::vector<std::string> parse_role_list(std::string_view text);
std::string role_list_text(const std::vector<std::string>& roles);

}  // namespace rasso
