#pragma once
// WorklistRules: the reference data and configuration every worklist engine reads, loaded once by
// the caller: the safeguarding defaults (or a force's own figures), the England and Wales bank
// holidays and the seniority of bail authorities.

#include <span>
#include <vector>

#include "core/bail_period.h"
#include "core/bank_holiday_calendar.h"
#include "core/code_table.h"
#include "core/result.h"
#include "core/safeguarding_config.h"
#include "core/training_course.h"

namespace rasso {

struct WorklistRules {
  SafeguardingConfig config;
  BankHolidayCalendar bank_holidays;
  BailAuthorityRanks bail_authorities;
  std::vector<TrainingCourse> training_courses;  // the store's course catalogue (training worklist)
  int training_warning_days = 60;                // training lapsing or due this many days ahead
};

/// The rules from loaded reference data: the bail_authority code table of `codes` and the dates of
/// data/reference/bank_holidays_england_wales.csv. Error "invalid_input" when the bail_authority
/// table is missing or unusable (see BailAuthorityRanks::from_code_table).
Result<WorklistRules> make_worklist_rules(const CodeTables& codes, std::span<const CivilDate> bank_holidays,
                                          SafeguardingConfig config = {});

}  // namespace rasso
