#pragma once
// CrimePlan: the skeleton of the data set, drawn before any row is written — for every crime
// (sorted by reported date) its force, offence code, dates and how many victims, suspects and
// witnesses it has; which true person each suspect is; and the date of birth and sex of every
// true suspect. Everything else about a crime is drawn when its rows are written.

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "core/civil_date.h"
#include "generator/generator_options.h"
#include "generator/person_identity.h"
#include "generator/suspect_assignment.h"

namespace rasso {

struct PlannedCrime {
  std::int32_t reported_days = 0;
  std::int32_t committed_days = 0;  // meaningful only when has_committed
  std::int32_t recorded_days = 0;
  std::uint8_t force = 0;
  std::uint8_t offence = 0;          // index into offence_profiles()
  std::uint8_t victims = 1;
  std::uint8_t suspects = 0;
  std::uint8_t witnesses = 0;
  bool has_committed = true;
  std::uint32_t first_suspect_slot = 0;  // into CrimePlan::suspects.suspect_of_slot

  CivilDate reported() const { return CivilDate::from_days(reported_days); }
  CivilDate recorded() const { return CivilDate::from_days(recorded_days); }
  std::optional<CivilDate> committed() const {
    return has_committed ? std::optional<CivilDate>(CivilDate::from_days(committed_days)) : std::nullopt;
  }
  /// The date ages are measured at: when committed, else when reported.
  CivilDate offence_date() const { return CivilDate::from_days(has_committed ? committed_days : reported_days); }
};

struct CrimePlan {
  std::vector<PlannedCrime> crimes;
  SuspectAssignment suspects;
  std::vector<PersonCore> suspect_cores;          // true ids 0 .. suspects-1
  std::vector<std::uint32_t> crimes_per_suspect;
  std::vector<bool> suspect_in_two_forces;

  /// The true suspect ids of crime `index`.
  std::span<const std::uint32_t> suspects_of(std::size_t index) const {
    return std::span<const std::uint32_t>(suspects.suspect_of_slot).subspan(crimes[index].first_suspect_slot,
                                                                            crimes[index].suspects);
  }
};

/// Draws the plan for `options`. Deterministic in options.seed.
CrimePlan plan_crimes(const GeneratorOptions& options);

}  // namespace rasso
