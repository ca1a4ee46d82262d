#pragma once
// The protection orders worklist (DOMAIN.md §5): orders and notices in force on the as-of date
// whose last day is within the warning days (default 30), so that renewal or a new order can be
// considered in time. An order is owned by the officer in charge of the crime it arose from; an
// order with no crime has no owner and takes its force from its subject's person record.

#include <vector>

#include "core/civil_date.h"
#include "worklists/worklist_item.h"
#include "worklists/worklist_rules.h"
#include "worklists/worklist_snapshot.h"

namespace rasso {

/// The orders worklist on `as_of`, narrowed by `filter`, most urgent first.
std::vector<WorklistItem> orders_worklist(const WorklistSnapshot& snapshot, const WorklistRules& rules,
                                          CivilDate as_of, const WorklistFilter& filter = {});

/// The owner of work on an order: that of its crime, or only its subject's force when it has none.
Owner owner_of_order(const WorklistSnapshot& snapshot, RowIndex order);

}  // namespace rasso
