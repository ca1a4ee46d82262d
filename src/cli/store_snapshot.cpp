#include "cli/store_snapshot.h"

#include "core/extract_record_rows.h"

namespace rasso::cli {

Result<ExtractTables> load_extract_tables(Store& store, std::initializer_list<Entity> entities) {
  std::map<Entity, EntityRows> rows;
  for (Entity entity : entities) {
    auto loaded = store.rows(entity);
    if (!loaded) return loaded.error();
    rows.emplace(entity, std::move(*loaded));
  }
  return extract_tables_from_rows(rows);
}

Result<std::unordered_map<std::string, std::uint64_t>> load_resolved(Store& store) {
  auto assignment = store.resolved_assignment();
  if (!assignment) return assignment.error();
  std::unordered_map<std::string, std::uint64_t> resolved;
  resolved.reserve(assignment->size());
  for (auto& [person_ref, resolved_id] : *assignment) {
    resolved.emplace(std::move(person_ref), static_cast<std::uint64_t>(resolved_id));
  }
  return resolved;
}

std::map<std::string, OffenceInfo, std::less<>> offence_facts(const CodeTables& codes) {
  std::map<std::string, OffenceInfo, std::less<>> facts;
  const CodeTable* offences = codes.table("offence");
  if (offences == nullptr) return facts;
  for (const CodeEntry& entry : offences->entries()) {
    const std::string weight(entry.attribute("harm_weight_days"));
    facts[entry.code] = OffenceInfo{entry.label, std::string(entry.attribute("group")),
                                    entry.attribute("child_offence") == "Y", weight.empty() ? 0.0 : std::stod(weight)};
  }
  return facts;
}

}  // namespace rasso::cli
