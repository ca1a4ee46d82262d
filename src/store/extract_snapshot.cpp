#include "store/extract_snapshot.h"

#include <algorithm>
#include <array>
#include <future>
#include <map>
#include <set>
#include <vector>

#include "core/extract_record_rows.h"

namespace rasso {

namespace {

// Loads `entities` (sized by `rows`) from the store into tables of their own.
Result<ExtractTables> scan_part(Store& store, const std::map<Entity, std::size_t>& rows) {
  return extract_tables_from_source(
      [&](Entity entity, const RowVisitor& visit) -> Status {
        return rows.contains(entity) ? store.scan(entity, visit) : ok_status();
      },
      [&](Entity entity) -> std::size_t {
        const auto found = rows.find(entity);
        return found == rows.end() ? 0 : found->second;
      });
}

template <typename Record>
void take_if_loaded(std::vector<Record>& into, std::vector<Record>& from) {
  if (!from.empty()) into = std::move(from);
}

// Moves every table `part` loaded into `tables` (each entity is loaded by exactly one part).
void merge(ExtractTables& tables, ExtractTables& part) {
  take_if_loaded(tables.crimes, part.crimes);
  take_if_loaded(tables.persons, part.persons);
  take_if_loaded(tables.involvements, part.involvements);
  take_if_loaded(tables.arrests, part.arrests);
  take_if_loaded(tables.bail_periods, part.bail_periods);
  take_if_loaded(tables.orders, part.orders);
  take_if_loaded(tables.breaches, part.breaches);
  take_if_loaded(tables.victim_contacts, part.victim_contacts);
  take_if_loaded(tables.biometrics, part.biometrics);
  take_if_loaded(tables.officers, part.officers);
  take_if_loaded(tables.units, part.units);
  take_if_loaded(tables.training, part.training);
}

// Scans `entities` from the store: two halves of about equal rows, on two threads (the machines
// this runs on have two cores or more; conversion, not SQLite, is most of the work).
Result<ExtractTables> scan_tables(Store& store, const std::vector<Entity>& entities) {
  std::vector<std::pair<std::size_t, Entity>> by_size;
  for (Entity entity : entities) {
    auto rows = store.count(entity);
    if (!rows) return rows.error();
    by_size.emplace_back(static_cast<std::size_t>(*rows), entity);
  }
  std::sort(by_size.rbegin(), by_size.rend());
  std::array<std::map<Entity, std::size_t>, 2> halves;
  std::array<std::size_t, 2> half_rows{0, 0};
  for (const auto& [rows, entity] : by_size) {
    const std::size_t lighter = half_rows[0] <= half_rows[1] ? 0 : 1;
    halves[lighter].emplace(entity, rows);
    half_rows[lighter] += rows;
  }
  auto second = std::async(std::launch::async, [&] { return scan_part(store, halves[1]); });
  auto first = scan_part(store, halves[0]);
  auto second_result = second.get();
  if (!first) return first.error();
  if (!second_result) return second_result.error();
  merge(*first, *second_result);
  return first;
}

Result<ResolvedAssignment> scan_resolved(Store& store) {
  auto assignment = store.resolved_assignment();
  if (!assignment) return assignment.error();
  ResolvedAssignment resolved;
  resolved.reserve(assignment->size());
  for (auto& [person_ref, resolved_id] : *assignment) {
    resolved.emplace(std::move(person_ref), static_cast<std::uint64_t>(resolved_id));
  }
  return resolved;
}

// The parts asked for from the snapshot file, or nullopt when the store has none or it is stale.
std::optional<SnapshotContents> read_fresh_snapshot(Store& store, const SnapshotRequest& request) {
  const auto path = store.snapshot_path();
  if (path.empty()) return std::nullopt;
  auto stamp = store.snapshot_stamp();
  if (!stamp) return std::nullopt;  // the scan that follows reports what is wrong with the store
  return read_snapshot_file(path, *stamp, request);
}

std::vector<Entity> unique_entities(std::initializer_list<Entity> entities) {
  const std::set<Entity> unique(entities);
  return {unique.begin(), unique.end()};
}

constexpr std::array<Entity, kEntitiesInLoadOrder.size()> kAllEntities = kEntitiesInLoadOrder;

}  // namespace

Result<ExtractTables> load_extract_tables(Store& store, std::initializer_list<Entity> entities) {
  const std::vector<Entity> wanted = unique_entities(entities);
  if (auto snapshot = read_fresh_snapshot(store, {.entities = wanted})) return std::move(snapshot->tables);
  return scan_tables(store, wanted);
}

Result<ResolvedTables> load_resolved_tables(Store& store, std::initializer_list<Entity> entities) {
  std::vector<Entity> wanted = unique_entities(entities);
  if (!std::ranges::binary_search(wanted, Entity::Involvements)) {
    wanted.insert(std::ranges::lower_bound(wanted, Entity::Involvements), Entity::Involvements);
  }
  ResolvedTables loaded;
  if (auto snapshot = read_fresh_snapshot(store, {.entities = wanted, .involvement_resolution = true})) {
    loaded.tables = std::move(snapshot->tables);
    loaded.involvement_resolution = std::move(*snapshot->involvement_resolution);
  } else {
    auto tables = scan_tables(store, wanted);
    if (!tables) return tables.error();
    auto resolved = scan_resolved(store);
    if (!resolved) return resolved.error();
    loaded.tables = std::move(*tables);
    loaded.involvement_resolution = resolve_involvements(loaded.tables.involvements, *resolved);
  }
  loaded.linked = std::ranges::any_of(loaded.involvement_resolution, [](std::uint64_t id) { return id != 0; });
  return loaded;
}

Result<ExtractTables> load_all_extract_tables(Store& store) {
  return load_extract_tables(store, {Entity::Units, Entity::Officers, Entity::Crimes, Entity::Persons,
                                     Entity::Involvements, Entity::Arrests, Entity::Bail, Entity::Orders,
                                     Entity::Breaches, Entity::VictimContacts, Entity::Biometrics, Entity::Training});
}

Result<ResolvedAssignment> load_resolved(Store& store) {
  if (auto snapshot = read_fresh_snapshot(store, {.resolved = true})) return std::move(*snapshot->resolved);
  return scan_resolved(store);
}

Result<StoreContents> load_store_contents(Store& store) {
  // The stamp is read before the store is, so a snapshot written below never claims to be newer
  // than the data it holds (a write committed meanwhile only makes it look stale).
  auto stamp = store.snapshot_stamp();
  if (!stamp) return stamp.error();
  const auto path = store.snapshot_path();
  StoreContents contents;
  const auto file_stamp = path.empty() ? std::nullopt : snapshot_file_stamp(path);
  bool tables_fresh = file_stamp && file_stamp->tables == stamp->tables;
  bool resolution_fresh = file_stamp && file_stamp->resolution == stamp->resolution;
  if (tables_fresh || resolution_fresh) {
    const std::span<const Entity> entities =
        tables_fresh ? std::span<const Entity>(kAllEntities) : std::span<const Entity>();
    if (auto read = read_snapshot_file(path, *stamp, {.entities = entities, .resolved = resolution_fresh})) {
      contents.tables = std::move(read->tables);
      if (read->resolved) contents.resolved = std::move(*read->resolved);
    } else {
      tables_fresh = resolution_fresh = false;
    }
  }
  if (!tables_fresh) {
    auto tables = scan_tables(store, std::vector<Entity>(kAllEntities.begin(), kAllEntities.end()));
    if (!tables) return tables.error();
    contents.tables = std::move(*tables);
  }
  if (!resolution_fresh) {
    auto resolved = scan_resolved(store);
    if (!resolved) return resolved.error();
    contents.resolved = std::move(*resolved);
  }
  contents.tables_from_snapshot = tables_fresh;
  contents.resolution_from_snapshot = resolution_fresh;
  if (!path.empty() && !(tables_fresh && resolution_fresh)) {
    Status written = write_snapshot_file(path, *stamp, contents.tables, contents.resolved);
    contents.snapshot_written = written.ok();
    if (!written) contents.snapshot_problem = written.error();
  }
  return contents;
}

}  // namespace rasso
