#pragma once
// The victim contact worklist (Victims' Code 2021; DOMAIN.md §7), one set of items per recorded
// victim of each crime:
//  - while the investigation is open: key decisions (arrest; release on bail or under
//    investigation; change of bail conditions; charge, caution or no further action against a
//    suspect) not yet followed by a "decision" or "nfa_explained" contact, due 1 working day
//    (enhanced rights) or 5 after the earliest such decision; no ISVA referral offered, due 2
//    working days after the report; and the next regular update at the agreed frequency (28 days
//    unless agreed otherwise), listed from update_lookahead_days before it is due;
//  - once it is closed: an NFA outcome not explained (no "nfa_explained" contact on or after the
//    outcome), then for a reviewable outcome the right to review not offered; a charge the victim
//    was not told of.
// Contacts on weekends and bank holidays count like any other; deadlines in working days skip
// them. Owned by the crime's officer in charge. Records dated after the as-of date are ignored.

#include <vector>

#include "core/civil_date.h"
#include "worklists/worklist_item.h"
#include "worklists/worklist_rules.h"
#include "worklists/worklist_snapshot.h"

namespace rasso {

/// The victims worklist on `as_of`, narrowed by `filter`, most urgent first.
std::vector<WorklistItem> victims_worklist(const WorklistSnapshot& snapshot, const WorklistRules& rules,
                                           CivilDate as_of, const WorklistFilter& filter = {});

}  // namespace rasso
