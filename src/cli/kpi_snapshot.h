#pragma once
// What `rasso kpi`, `rasso report` and `rasso export` load before they compute: every extract
// table, the resolved id of each involvement's record, the code tables, the bank holidays, the repeat suspects as of
// the as-of date, and the KPI facts built from them.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "analytics/kpi_facts.h"
#include "analytics/repeat_suspects.h"
#include "cli/command_context.h"
#include "core/bank_holiday_calendar.h"
#include "core/code_table.h"
#include "core/extract_records.h"

namespace rasso::cli {

struct KpiSnapshot {
  CodeTables codes;
  ExtractTables tables;
  std::vector<std::uint64_t> involvement_resolution;  // resolved id by involvement row (0: unresolved)
  std::map<std::string, OffenceInfo, std::less<>> offences;
  BankHolidayCalendar calendar;
  RepeatSuspectDefinition definition;
  std::vector<RepeatSuspect> repeat_suspects;
  KpiFacts facts;
};

struct KpiScope {
  std::string force_code;
  std::string unit_ref;
};

/// Loads everything and builds the facts as of `as_of` for `scope`. Prints the error and sets
/// the exit code (returning nullopt) on failure.
std::optional<KpiSnapshot> load_kpi_snapshot(CommandContext& context, Store& store, CivilDate as_of,
                                             const KpiScope& scope);

}  // namespace rasso::cli
