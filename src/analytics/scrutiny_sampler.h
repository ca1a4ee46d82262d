#pragma once
// Scrutiny panel sampling: a stratified random sample of closed cases (crimes with an outcome
// assigned in a period), strata = outcome code x offence group, allocated in proportion to each
// stratum's size or a fixed number per stratum. The seed is the only randomness, so the same
// inputs and seed always draw the same cases in the same order, on any machine.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/civil_date.h"
#include "core/code_table.h"
#include "core/extract_records.h"
#include "core/result.h"

namespace rasso {

/// Bumped whenever the drawing procedure changes, and stored with every sample, so a redraw says
/// when it would no longer match.
inline constexpr int kScrutinySamplerVersion = 1;

enum class SampleAllocation { Proportional, FixedPerStratum };

struct SampleSpec {
  CivilDate from = CivilDate::from_days(0);  // outcome dates from ... to, inclusive
  CivilDate to = CivilDate::from_days(0);
  SampleAllocation allocation = SampleAllocation::Proportional;
  int size = 20;          // Proportional: total cases
  int per_stratum = 0;    // FixedPerStratum: cases per stratum (fewer where a stratum is smaller)
  std::uint64_t seed = 0;
  std::vector<int> outcome_codes;  // only these outcomes (empty = every assigned outcome)
  std::string force_code;          // only this force's crimes (blank = every force)
  std::string unit_ref;            // only this unit's crimes (blank = every unit)
};

struct SampleStratum {
  int outcome_code = 0;
  std::string offence_group;
  int population = 0;
  int sampled = 0;
};

struct SampledCase {
  std::string crime_ref;   // kept in the store, never shown to the panel
  int outcome_code = 0;
  std::string offence_group;
  int case_number = 0;     // 1..n in the (seeded, shuffled) panel order
};

struct SampleDraw {
  std::vector<SampleStratum> strata;  // in (outcome, group) order
  std::vector<SampledCase> cases;     // panel order
  int population = 0;
};

/// Checks a spec: from <= to, size 1-1000 (proportional) or per_stratum 1-200 (fixed), outcome
/// codes 1-22. Error "invalid_input" saying what to change.
Status validate_sample_spec(const SampleSpec& spec);

/// Draws the sample from `crimes` whose outcome (not 0) is dated within [from, to] and is among
/// spec.outcome_codes (and the spec's force and unit, when set). Offence groups come from the `offence` code table's `group` column
/// ("other" when absent). Proportional: largest-remainder allocation of `size` over the strata
/// (ties to the earlier stratum), never more than a stratum holds; all cases when `size` exceeds
/// the population. Within a stratum, cases are chosen by a seeded shuffle of the stratum's crimes
/// in crime_ref order, so input order does not matter. Errors as validate_sample_spec.
Result<SampleDraw> draw_scrutiny_sample(std::span<const CrimeRecord> crimes, const CodeTable& offences,
                                        const SampleSpec& spec);

/// "proportional" / "fixed".
std::string_view sample_allocation_code(SampleAllocation allocation);

}  // namespace rasso
