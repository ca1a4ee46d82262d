#pragma once
// The breaches worklist (DOMAIN.md §5): breaches of bail or of an order with no recorded response
// (listed from the report, overdue once more than the response days have passed); breaches dated
// before the order they breach started (a wrong link or a wrong date); and people with repeated
// breaches in the look-back window, one item per person on their latest breach. A breach is owned
// by the officer in charge of the crime its bail or order belongs to. Repeat breaches are counted
// per person record as written (before identity resolution). Breaches reported after the as-of
// date, and responses dated after it, are ignored.

#include <vector>

#include "core/civil_date.h"
#include "worklists/worklist_item.h"
#include "worklists/worklist_rules.h"
#include "worklists/worklist_snapshot.h"

namespace rasso {

/// The breaches worklist on `as_of`, narrowed by `filter`, most urgent first.
std::vector<WorklistItem> breaches_worklist(const WorklistSnapshot& snapshot, const WorklistRules& rules,
                                            CivilDate as_of, const WorklistFilter& filter = {});

}  // namespace rasso
