#include "store/extract_snapshot.h"

#include <map>

#include "core/extract_record_rows.h"

namespace rasso {

Result<ExtractTables> load_extract_tables(Store& store, std::initializer_list<Entity> entities) {
  std::map<Entity, EntityRows> rows;
  for (Entity entity : entities) {
    auto loaded = store.rows(entity);
    if (!loaded) return loaded.error();
    rows.emplace(entity, std::move(*loaded));
  }
  return extract_tables_from_rows(rows);
}

Result<ExtractTables> load_all_extract_tables(Store& store) {
  return load_extract_tables(store, {Entity::Units, Entity::Officers, Entity::Crimes, Entity::Persons,
                                     Entity::Involvements, Entity::Arrests, Entity::Bail, Entity::Orders,
                                     Entity::Breaches, Entity::VictimContacts, Entity::Biometrics, Entity::Training});
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

}  // namespace rasso
