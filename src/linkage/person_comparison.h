#pragma once
// Comparison of two prepared person records, field by field, into a ComparisonVector. The
// rungs of each field's ladder, tested in order (the first that holds wins):
//   forename  exact · nickname-equivalent · Jaro-Winkler >= 0.92 · >= 0.80 · different
//   surname   exact · shares a word of a double-barrelled name · Jaro-Winkler >= 0.92 · >= 0.80 ·
//             different
//   swapped   when both names disagree as entered (at most Jaro-Winkler 0.80 rung) but each
//             matches the other record's other name (equal, or Jaro-Winkler >= 0.90), the
//             forename level is swapped_with_surname and the surname level swapped_with_forename
//   dob       exact · day and month swapped · one digit different (or two adjacent digits
//             transposed) in YYYYMMDD · same year · different
//   sex       same · different
//   postcode  exact · same district · different (an outward code alone compares by district)
//   PNC ID, CRO number   exact · different
// A field missing on either side is level 0 (missing).

#include <cstdint>
#include <span>
#include <vector>

#include "linkage/comparison_levels.h"
#include "linkage/prepared_person.h"

namespace rasso::linkage {

/// Compares two prepared records whose ids come from `names`. Pure, allocation-free for names
/// up to 64 bytes, and thread-safe.
ComparisonVector compare_people(const PreparedPerson& a, const PreparedPerson& b, const NameTable& names);

/// The date-of-birth rung alone (used by compare_people; exposed for tests and blocking).
DobLevel compare_birth_dates(const BirthDate& a, const BirthDate& b);

/// The pattern_index of compare_people for every packed pair (record_pair.h) of `people`, in
/// the pairs' order, computed on `threads` threads.
std::vector<std::uint32_t> comparison_patterns(const PreparedPeople& people, std::span<const std::uint64_t> pairs,
                                               std::size_t threads);

}  // namespace rasso::linkage
