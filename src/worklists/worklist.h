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

enum class WorklistKind { Bail, Orders, Breaches, S63g, Victims, Training };

inline constexpr std::array<WorklistKind, 6> kAllWorklists = {WorklistKind::Bail,     WorklistKind::Orders,
                                                              WorklistKind::Breaches, WorklistKind::S63g,
                                                              WorklistKind::Victims,  WorklistKind::Training};

/// The worklist's name: "bail", "orders", "breaches", "s63g", "victims", "training".
std::string_view worklist_name(WorklistKind kind);

/// The worklist called `name`, or nullopt.
std::optional<WorklistKind> worklist_from_name(std::string_view name);

/// Runs one worklist on `as_of`, narrowed by `filter`; items most urgent first. Training reads the
/// snapshot's officers and training tables and rules.training_courses (empty catalogue: no items).
std::vector<WorklistItem> run_worklist(WorklistKind kind, const WorklistSnapshot& snapshot, const WorklistRules& rules,
                                       CivilDate as_of, const WorklistFilter& filter = {});

}  // namespace rasso
