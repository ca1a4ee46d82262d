#pragma once
// The pre-charge bail worklist (DOMAIN.md §4), over crimes still under investigation on the as-of
// date: bail that has lapsed or expires within the warning days with no extension or decision;
// every bail period authorised below the rank the law requires; bail conditions set without the
// victim's views recorded as sought; and releases under investigation open longer than the
// threshold. An arrest followed by a later arrest of the same person for the same crime is
// superseded: only its wrong-rank periods are still listed. Records dated after the as-of date
// are ignored.

#include <vector>

#include "core/civil_date.h"
#include "worklists/worklist_item.h"
#include "worklists/worklist_rules.h"
#include "worklists/worklist_snapshot.h"

namespace rasso {

/// The bail worklist on `as_of`, narrowed by `filter`, most urgent first.
std::vector<WorklistItem> bail_worklist(const WorklistSnapshot& snapshot, const WorklistRules& rules, CivilDate as_of,
                                        const WorklistFilter& filter = {});

}  // namespace rasso
