#include "server/server_state.h"

#include <algorithm>

#include "core/extract_record_rows.h"
#include "store/extract_snapshot.h"

namespace rasso::server {

ServerState::ServerState(ExtractTables tables, std::shared_ptr<const ResolvedIds> resolved_ids,
                         StaticInputs static_inputs)
    : snapshot(std::move(tables)), resolved(std::move(resolved_ids)), inputs(std::move(static_inputs)) {
  build_indexes();
}

void ServerState::build_indexes() {
  const ExtractTables& t = snapshot.tables();
  std::vector<std::pair<std::uint64_t, RowIndex>> by_resolved;
  by_resolved.reserve(t.persons.size());
  std::vector<std::uint64_t> resolved_by_person_row(t.persons.size(), 0);
  for (RowIndex row = 0; row < t.persons.size(); ++row) {
    const std::uint64_t id = resolved_id_of(t.persons[row].person_ref);
    resolved_by_person_row[row] = id;
    if (id != 0) by_resolved.emplace_back(id, row);
  }
  std::sort(by_resolved.begin(), by_resolved.end());
  resolved_ids_sorted_.reserve(by_resolved.size());
  person_rows_by_resolved_.reserve(by_resolved.size());
  for (const auto& [id, row] : by_resolved) {
    resolved_ids_sorted_.push_back(id);
    person_rows_by_resolved_.push_back(row);
  }

  involvements_by_person_ =
      group_by_person(t.involvements.size(), [&](RowIndex row) { return snapshot.person_of_involvement(row); });
  // An involvement naming no person record (the import refuses that) keeps 0: the engine then
  // counts its record as a person of its own, as it would with the assignment.
  involvement_resolution_.assign(t.involvements.size(), 0);
  for (RowIndex row = 0; row < t.involvements.size(); ++row) {
    const RowIndex person = snapshot.person_of_involvement(row);
    if (person != kNoRow) involvement_resolution_[row] = resolved_by_person_row[person];
  }
  orders_by_subject_ = group_by_person(t.orders.size(), [&](RowIndex row) { return snapshot.subject_of_order(row); });
  breaches_by_person_ =
      group_by_person(t.breaches.size(), [&](RowIndex row) { return snapshot.find_person(t.breaches[row].person_ref); });

  crimes_newest_first_.resize(t.crimes.size());
  for (RowIndex row = 0; row < t.crimes.size(); ++row) crimes_newest_first_[row] = row;
  std::sort(crimes_newest_first_.begin(), crimes_newest_first_.end(), [&](RowIndex a, RowIndex b) {
    if (t.crimes[a].reported_date != t.crimes[b].reported_date) return t.crimes[a].reported_date > t.crimes[b].reported_date;
    return t.crimes[a].crime_ref < t.crimes[b].crime_ref;
  });
}

ServerState::RowsByPerson ServerState::group_by_person(std::size_t row_count,
                                                     const std::function<RowIndex(RowIndex)>& person_of) const {
  RowsByPerson grouped;
  grouped.offsets.assign(tables().persons.size() + 1, 0);
  std::vector<RowIndex> person(row_count);
  for (RowIndex row = 0; row < row_count; ++row) {
    person[row] = person_of(row);
    if (person[row] != kNoRow) ++grouped.offsets[person[row] + 1];
  }
  for (std::size_t i = 1; i < grouped.offsets.size(); ++i) grouped.offsets[i] += grouped.offsets[i - 1];
  grouped.rows.resize(grouped.offsets.back());
  std::vector<RowIndex> next(grouped.offsets.begin(), grouped.offsets.end() - 1);
  for (RowIndex row = 0; row < row_count; ++row) {
    if (person[row] != kNoRow) grouped.rows[next[person[row]]++] = row;
  }
  return grouped;
}

std::uint64_t ServerState::resolved_id_of(std::string_view person_ref) const {
  const auto found = resolved->find(std::string(person_ref));
  return found == resolved->end() ? 0 : found->second;
}

std::span<const RowIndex> ServerState::person_rows_of(std::uint64_t resolved_id) const {
  const auto first = std::lower_bound(resolved_ids_sorted_.begin(), resolved_ids_sorted_.end(), resolved_id);
  const auto last = std::upper_bound(first, resolved_ids_sorted_.end(), resolved_id);
  const auto begin = static_cast<std::size_t>(first - resolved_ids_sorted_.begin());
  return {person_rows_by_resolved_.data() + begin, static_cast<std::size_t>(last - first)};
}

const OffenceInfo* ServerState::offence(std::string_view offence_code) const {
  if (!inputs.offences) return nullptr;
  const auto found = inputs.offences->find(offence_code);
  return found == inputs.offences->end() ? nullptr : &found->second;
}

std::shared_ptr<const std::vector<RepeatSuspect>> ServerState::repeat_suspects(CivilDate as_of) const {
  {
    std::lock_guard lock(suspects_mutex_);
    if (auto found = suspects_by_date_.find(as_of.days_since_epoch()); found != suspects_by_date_.end()) return found->second;
  }
  const ExtractTables& t = tables();
  RepeatSuspectInputs engine_inputs;
  engine_inputs.crimes = &t.crimes;
  engine_inputs.involvements = &t.involvements;
  engine_inputs.involvement_resolution = &involvement_resolution_;
  engine_inputs.offences = inputs.offences.get();
  engine_inputs.arrests = &t.arrests;
  engine_inputs.bail_periods = &t.bail_periods;
  engine_inputs.orders = &t.orders;
  auto suspects = std::make_shared<const std::vector<RepeatSuspect>>(
      find_repeat_suspects(engine_inputs, RepeatSuspectDefinition{}, RankingWeights{}, as_of));
  std::lock_guard lock(suspects_mutex_);
  if (suspects_by_date_.size() >= 32) suspects_by_date_.clear();
  return suspects_by_date_.emplace(as_of.days_since_epoch(), std::move(suspects)).first->second;
}

std::shared_ptr<const KpiFacts> ServerState::kpi_facts(CivilDate as_of, const std::string& force_code,
                                                       const std::string& unit_ref) const {
  const std::int32_t day = as_of.days_since_epoch();
  auto matches = [&](const KeptFacts& kept) {
    return kept.as_of == day && kept.force_code == force_code && kept.unit_ref == unit_ref;
  };
  {
    std::lock_guard lock(facts_mutex_);
    const auto found = std::find_if(kept_facts_.begin(), kept_facts_.end(), matches);
    if (found != kept_facts_.end()) return found->facts;
  }
  const auto suspects = repeat_suspects(as_of);
  KpiInputs facts_inputs;
  facts_inputs.tables = &tables();
  facts_inputs.links = &table_links();
  facts_inputs.offences = inputs.offences.get();
  facts_inputs.repeat_suspects = suspects.get();
  facts_inputs.calendar = &inputs.rules->bank_holidays;
  facts_inputs.config = inputs.rules->config;
  facts_inputs.force_code = force_code;
  facts_inputs.unit_ref = unit_ref;
  auto facts = std::make_shared<const KpiFacts>(build_kpi_facts(facts_inputs, as_of));
  std::lock_guard lock(facts_mutex_);
  // Another request may have built the same facts meanwhile: keep one copy.
  const auto found = std::find_if(kept_facts_.begin(), kept_facts_.end(), matches);
  if (found != kept_facts_.end()) return found->facts;
  kept_facts_.push_back({day, force_code, unit_ref, facts});
  std::size_t kept_crimes = 0;
  for (const KeptFacts& kept : kept_facts_) kept_crimes += kept.facts->crimes.size();
  while (kept_facts_.size() > 1 && kept_crimes > kKpiFactsBudget) {
    kept_crimes -= kept_facts_.front().facts->crimes.size();
    kept_facts_.erase(kept_facts_.begin());
  }
  return facts;
}

const TableLinks& ServerState::table_links() const {
  std::call_once(links_built_, [this] { links_ = link_tables(tables()); });
  return links_;
}

Result<std::shared_ptr<ServerState>> load_server_state(Store& store, const StaticInputs& inputs) {
  const auto started = std::chrono::steady_clock::now();
  auto contents = load_store_contents(store);
  if (!contents) return contents.error();
  const double read_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  auto state = std::make_shared<ServerState>(std::move(contents->tables),
                                             std::make_shared<const ServerState::ResolvedIds>(std::move(contents->resolved)), inputs);
  state->read_seconds = read_seconds;
  state->load_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  state->loaded_from = contents->tables_from_snapshot && contents->resolution_from_snapshot ? "snapshot file"
                       : contents->snapshot_written ? "store (snapshot file refreshed)"
                                                    : "store";
  if (contents->snapshot_problem) state->snapshot_problem = contents->snapshot_problem->message;
  return state;
}

namespace {

// Replaces the rows of `table` whose `key` is `value` by `fresh` (all of them matching it).
template <typename Record>
void replace_rows(std::vector<Record>& table, std::vector<Record>& fresh, std::string Record::*key, const std::string& value) {
  std::erase_if(table, [&](const Record& record) { return record.*key == value; });
  table.insert(table.end(), std::make_move_iterator(fresh.begin()), std::make_move_iterator(fresh.end()));
}

// Puts the `fresh` rows of `changed` into `tables` (see refresh_server_state).
Status apply_changed_rows(ExtractTables& tables, ExtractTables& fresh, const ChangedRows& changed) {
  const std::string& value = changed.value;
  if (changed.entity == Entity::Breaches && changed.field == "breach_ref") {
    replace_rows(tables.breaches, fresh.breaches, &BreachRecord::breach_ref, value);
  } else if (changed.entity == Entity::Bail && changed.field == "arrest_ref") {
    replace_rows(tables.bail_periods, fresh.bail_periods, &BailPeriodRecord::arrest_ref, value);
  } else if (changed.entity == Entity::Biometrics && changed.field == "biometric_ref") {
    replace_rows(tables.biometrics, fresh.biometrics, &BiometricRecord::biometric_ref, value);
  } else if (changed.entity == Entity::VictimContacts && changed.field == "contact_ref") {
    // A contact is only ever added; the record keeps no reference of its own to match on.
    tables.victim_contacts.insert(tables.victim_contacts.end(), std::make_move_iterator(fresh.victim_contacts.begin()),
                                  std::make_move_iterator(fresh.victim_contacts.end()));
  } else {
    return Error{"invalid_input", "the server does not refresh " + std::string(entity_name(changed.entity)) + " rows by " +
                                      changed.field};
  }
  return ok_status();
}

}  // namespace

Result<std::shared_ptr<ServerState>> refresh_server_state(const ServerState& current, Store& store,
                                                          const ChangedRows& changed) {
  const auto started = std::chrono::steady_clock::now();
  auto rows = store.rows_where(changed.entity, changed.field, changed.value);
  if (!rows) return rows.error();
  auto fresh = extract_tables_from_rows({{changed.entity, std::move(*rows)}});
  if (!fresh) return fresh.error();
  ExtractTables tables = current.tables();
  if (Status applied = apply_changed_rows(tables, *fresh, changed); !applied) return applied.error();
  auto state = std::make_shared<ServerState>(std::move(tables), current.resolved, current.inputs);
  state->generation = current.generation + 1;
  state->load_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return state;
}

std::shared_ptr<const ServerState> StateHolder::get() const {
  std::lock_guard lock(mutex_);
  return state_;
}

void StateHolder::replace(std::shared_ptr<const ServerState> state) {
  std::shared_ptr<const ServerState> previous;
  {
    std::lock_guard lock(mutex_);
    previous = std::move(state_);
    state_ = std::move(state);
  }
  // `previous` is released here, outside the lock: the last reader frees the old tables.
}

}  // namespace rasso::server
