#pragma once
// CaseOutcome: how and when an investigation ends, drawn to match published Home Office outcome
// figures for rape and other sexual offences (England and Wales): charge/summons about 5% of
// assigned outcomes for adult rape and more for child offences, evidential difficulties with the
// victim not supporting action (16) the largest share, then 15 and 14; report-to-charge median
// about a year. A crime whose outcome would come after the as-of date is still open (code 0).

#include <cstdint>
#include <optional>

#include "core/civil_date.h"
#include "generator/offence_profile.h"
#include "generator/random_source.h"

namespace rasso {

struct CaseOutcome {
  int code = 0;                      // Home Office outcome code; 0 = open
  std::optional<CivilDate> date;     // set when code != 0
  int intended_code = 0;             // the outcome the case is heading for, even while open
};

/// The outcome of a crime reported on `reported`, given whether a suspect was named and whether
/// the youngest suspect was under 18, as it stands on `as_of`.
CaseOutcome draw_case_outcome(const OffenceProfile& offence, bool suspect_named, bool juvenile_suspect,
                              CivilDate reported, CivilDate as_of, RandomSource& random);

/// True for outcomes that are a police or CPS decision to take no further action against a
/// named or unnamed suspect (9, 10, 14, 15, 16, 18, 21): the victim must have it explained.
bool is_no_further_action_outcome(int code);

/// True for outcomes after which a victim may ask for a review of the decision (15, 16, 21:
/// a named suspect was dealt with and no further action taken).
bool is_reviewable_outcome(int code);

}  // namespace rasso
