#pragma once
// The five safeguarding worklists by name, for callers that choose one at run time (the CLI's
// `rasso worklist bail|orders|breaches|s63g|victims`, the API).

#include <array>
#include <optional>
#include <string_view>
#include <vector>

#include "core/civil_date.h"
#include "worklists/worklist_item.h"
#include "worklists/worklist_rules.h"
#include "worklists/worklist_snapshot.h"

namespace rasso {

enum class WorklistKind { Bail, Orders, Breaches, S63g, Victims };

inline constexpr std::array<WorklistKind, 5> kAllWorklists = {WorklistKind::Bail, WorklistKind::Orders,
                                                              WorklistKind::Breaches, WorklistKind::S63g,
                                                              WorklistKind::Victims};

/// The worklist's name: "bail", "orders", "breaches", "s63g", "victims".
std::string_view worklist_name(WorklistKind kind);

/// The worklist called `name`, or nullopt.
std::optional<WorklistKind> worklist_from_name(std::string_view name);

/// Runs one worklist on `as_of`, narrowed by `filter`; items most urgent first.
std::vector<WorklistItem> run_worklist(WorklistKind kind, const WorklistSnapshot& snapshot, const WorklistRules& rules,
                                       CivilDate as_of, const WorklistFilter& filter = {});

}  // namespace rasso
