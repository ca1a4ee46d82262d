#pragma once
// The s63G biometric retention worklist (DOMAIN.md §6): people eligible for a s63G application
// with no application or decision yet, due by the application deadline (default 28 days after the
// no-charge decision), with the grounds that apply; and retention granted by the Commissioner
// that is in its last months, when an extension can be sought. Owned by the officer in charge of
// the crime the arrest was for. Records dated after the as-of date are ignored.

#include <span>
#include <vector>

#include "core/civil_date.h"
#include "core/s63g_eligibility.h"
#include "worklists/worklist_item.h"
#include "worklists/worklist_rules.h"
#include "worklists/worklist_snapshot.h"

namespace rasso {

/// The facts of one biometric record as they stand on `as_of`. `arrest` and `crime` may be null
/// when not on record (then the offence cannot be shown to qualify); `crime_involvements` are the
/// crime's involvements. Grounds: victim under 18 (the crime's child-victim flag or a victim's age
/// at the offence), victim associated (this person is a suspect whose relationship to the victim
/// is one of config.associated_relationships), and any ground an officer recorded. The no-charge
/// date is the record's, or the arrest's disposal date when the arrest ended in no further action.
S63gFacts s63g_facts(const BiometricRecord& biometric, const ArrestRecord* arrest, const CrimeRecord* crime,
                     std::span<const InvolvementRecord> crime_involvements, CivilDate as_of,
                     const SafeguardingConfig& config);

/// The s63G worklist on `as_of`, narrowed by `filter`, most urgent first.
std::vector<WorklistItem> s63g_worklist(const WorklistSnapshot& snapshot, const WorklistRules& rules, CivilDate as_of,
                                        const WorklistFilter& filter = {});

}  // namespace rasso
