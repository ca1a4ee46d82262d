#include "worklists/worklist.h"

#include "worklists/bail_worklist.h"
#include "worklists/breaches_worklist.h"
#include "worklists/orders_worklist.h"
#include "worklists/s63g_worklist.h"
#include "worklists/victims_worklist.h"

namespace rasso {

std::string_view worklist_name(WorklistKind kind) {
  switch (kind) {
    case WorklistKind::Bail: return "bail";
    case WorklistKind::Orders: return "orders";
    case WorklistKind::Breaches: return "breaches";
    case WorklistKind::S63g: return "s63g";
    case WorklistKind::Victims: return "victims";
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
  }
  return {};
}

}  // namespace rasso
