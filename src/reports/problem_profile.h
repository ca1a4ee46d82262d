#pragma once
// The RASSO problem profile (a National Intelligence Model product; HMICFRS 2024 rec 11) for a
// date range: aim and scope, definitions, sources and caveats, scale and trend, offence types,
// victims, suspects and repeat suspects, places, times, vulnerability, attrition from report to
// outcome, timeliness, use of bail, orders and s63G, data gaps, and the analyst's
// recommendations. Aggregates only, every count through small-number suppression. Pure.

#include <string>
#include <vector>

#include "analytics/kpi_facts.h"
#include "analytics/kpi_suppression.h"
#include "core/extract_records.h"
#include "reports/report_document.h"

namespace rasso {

struct ProblemProfileInputs {
  const KpiFacts* facts = nullptr;      // built as of `to` (or later)
  const ExtractTables* tables = nullptr;  // the tables the facts were built from
  CivilDate from = CivilDate::from_days(0);
  CivilDate to = CivilDate::from_days(0);
  SuppressionRule suppression;
  std::string area;                      // "West Midlands Police", or "all forces in the store"
  std::string repeat_suspect_definition;  // RepeatSuspectDefinition::describe()
  std::vector<std::string> recommendations;  // paragraphs from the analyst's file, may be empty
};

/// The profile of the crimes reported from `from` to `to` (inclusive).
ReportDocument build_problem_profile(const ProblemProfileInputs& inputs);

}  // namespace rasso
