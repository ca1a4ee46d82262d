#pragma once
// The pseudonymised summary a scrutiny panel reads for one sampled case: what the offence and
// outcome were, who was involved described only by role, age band, sex and relationship, and what
// happened when, in days from the report ("day 0 reported, day 12 suspect arrested"). It never
// carries a name, address, postcode, date of birth, calendar date, or any crime, person, arrest or
// other reference; free text from the source (such as bail conditions) is left out because it may
// name people.

#include <span>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/code_table.h"
#include "core/extract_records.h"

namespace rasso {

struct CaseSummaryParty {
  std::string role;          // "victim" or "suspect"
  std::string age_band;      // e.g. "25-34", "under 13", "not recorded"
  std::string sex;           // "female", "male", "not recorded"
  std::string relationship;  // suspects: relationship to the victim (label), may be blank
};

struct CaseSummaryEvent {
  int day = 0;  // days after the report (negative: before it, e.g. the offence)
  std::string text;
};

struct CaseSummary {
  std::string pseudonym;  // e.g. "S4-C07": sample 4, case 7
  std::string offence_label;
  std::string offence_group;
  int outcome_code = 0;
  std::string outcome_label;
  std::vector<std::string> flags;  // "child victim", "domestic abuse", "online"
  std::vector<CaseSummaryParty> parties;
  std::vector<CaseSummaryEvent> timeline;  // in day order
};

/// The age band of an age in years, in words for panel members: "under 13", "13-15", "16-17", "18-24", "25-34", "35-44",
/// "45-54", "55-64", "65 and over"; "not recorded" when absent.
std::string panel_age_band(std::optional<int> age);

/// Summaries of `crime_refs` (crimes absent from `tables` are skipped), in the given order, each
/// named by the matching entry of `pseudonyms`. Reads crimes, persons (sex), involvements,
/// arrests, bail periods, victim contacts and orders of `tables`, and the offence, outcome and
/// relationship code tables of `codes` for labels.
std::vector<CaseSummary> summarise_cases(const ExtractTables& tables, const CodeTables& codes,
                                         std::span<const std::string> crime_refs,
                                         std::span<const std::string> pseudonyms);

/// The summary as JSON: {pseudonym, offence, offence_group, outcome_code, outcome, flags,
/// parties:[{role, age_band, sex, relationship}], timeline:[{day, event}]}.
nlohmann::json case_summary_json(const CaseSummary& summary);
/// The summary as JSON read back (the inverse of case_summary_json).
CaseSummary case_summary_from_json(const nlohmann::json& json);
/// A few lines of plain text for a panel pack.
std::string case_summary_text(const CaseSummary& summary);

}  // namespace rasso
