#include "worklists/worklist.h"

#include "worklists/bail_worklist.h"
#include "worklists/breaches_worklist.h"
#include "worklists/orders_worklist.h"
#include "worklists/s63g_worklist.h"
#include "worklists/training_worklist.h"
#include "worklists/victims_worklist.h"

namespace rasso {

std::string_view worklist_name(WorklistKind kind) {
  switch (kind) {
    case WorklistKind::Bail: return "bail";
    case WorklistKind::Orders: return "orders";
    case WorklistKind::Breaches: return "breaches";
    case WorklistKind::S63g: return "s63g";
    case WorklistKind::Victims: return "victims";
    case WorklistKind::Training: return "training";
  }
  return "";
}

std::optional<WorklistKind> worklist_from_name(std::string_view name) {
  for (WorklistKind kind : kAllWorklists) {
    if (worklist_name(kind) == name) return kind;
  }
  return std::nullopt;
}

std::vector<WorklistItem> run_worklist(WorklistKind kind, const WorklistSnapshot& snapshot, const WorklistRules& rules,
                                       CivilDate as_of, const WorklistFilter& filter) {
  switch (kind) {
    case WorklistKind::Bail: return bail_worklist(snapshot, rules, as_of, filter);
    case WorklistKind::Orders: return orders_worklist(snapshot, rules, as_of, filter);
    case WorklistKind::Breaches: return breaches_worklist(snapshot, rules, as_of, filter);
    case WorklistKind::S63g: return s63g_worklist(snapshot, rules, as_of, filter);
    case WorklistKind::Victims: return victims_worklist(snapshot, rules, as_of, filter);
    case WorklistKind::Training: {
      const auto& tables = snapshot.tables();
      const auto requirements = evaluate_training(tables.officers, tables.training, rules.training_courses, as_of,
                                                  rules.training_warning_days);
      return training_worklist(requirements, rules.training_courses, as_of, rules.training_warning_days, filter);
    }
  }
  return {};
}

}  // namespace rasso
