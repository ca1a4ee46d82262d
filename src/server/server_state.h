#pragma once
// ServerState: everything the request handlers read, loaded from the store once and then
// immutable — the typed extract tables linked into a WorklistSnapshot, the resolved-person
// assignment, the code tables and rules, and the indexes handlers need (crime by reference,
// involvements by person, person records by resolved id, crimes newest first). Requests hold a
// std::shared_ptr<const ServerState>; after a write the server builds a new state with the rows it
// wrote read back from the store and swaps the pointer (StateHolder), so readers never see a
// half-applied change.

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "analytics/kpi_facts.h"
#include "analytics/repeat_suspects.h"
#include "core/code_table.h"
#include "core/entity.h"
#include "core/result.h"
#include "core/table_links.h"
#include "server/worklist_cache.h"
#include "store/store.h"
#include "worklists/worklist_rules.h"
#include "worklists/worklist_snapshot.h"

namespace rasso::server {

/// What a state is built with besides the store's tables: reference data that only changes with
/// a restart.
struct StaticInputs {
  std::shared_ptr<const CodeTables> codes;
  std::shared_ptr<const WorklistRules> rules;
  std::shared_ptr<const std::map<std::string, OffenceInfo, std::less<>>> offences;
};

struct ServerState {
  /// The resolved assignment is shared with the states that follow this one (a recording does not
  /// change it).
  using ResolvedIds = std::unordered_map<std::string, std::uint64_t>;  // person_ref -> resolved id
  ServerState(ExtractTables tables, std::shared_ptr<const ResolvedIds> resolved_ids, StaticInputs inputs);
  ServerState(const ServerState&) = delete;
  ServerState& operator=(const ServerState&) = delete;

  WorklistSnapshot snapshot;
  std::shared_ptr<const ResolvedIds> resolved;  // never null
  StaticInputs inputs;

  std::uint64_t generation = 0;  // 1 for the state loaded at start, +1 per swap
  double load_seconds = 0;       // how long loading this state took
  double read_seconds = 0;       // at start: of which reading the tables (the rest is indexing)
  std::string loaded_from;       // at start: "snapshot file", or "store" when it was stale or missing
  std::string snapshot_problem;  // at start: why the snapshot file could not be written, if it could not
  std::string loaded_at;         // ISO 8601 UTC

  const ExtractTables& tables() const { return snapshot.tables(); }

  /// The resolved id of a person record; 0 when it is not resolved.
  std::uint64_t resolved_id_of(std::string_view person_ref) const;
  /// Rows (of tables().persons) of the person records of resolved person `resolved_id`.
  std::span<const RowIndex> person_rows_of(std::uint64_t resolved_id) const;
  /// Rows (of tables().involvements) of the involvements of person row `person`.
  std::span<const RowIndex> involvements_of_person(RowIndex person) const { return involvements_by_person_.of(person); }
  /// Rows (of tables().orders) of the orders whose subject is person row `person`.
  std::span<const RowIndex> orders_of_subject(RowIndex person) const { return orders_by_subject_.of(person); }
  /// Rows (of tables().breaches) of the breaches by person row `person`.
  std::span<const RowIndex> breaches_of_person(RowIndex person) const { return breaches_by_person_.of(person); }
  /// Every crime row, most recently reported first (then by reference).
  const std::vector<RowIndex>& crimes_newest_first() const { return crimes_newest_first_; }
  /// The offence facts of `offence_code`, or nullptr.
  const OffenceInfo* offence(std::string_view offence_code) const;

  mutable WorklistCache worklists;

  /// The repeat suspects on `as_of` under the default definition, computed once per date.
  std::shared_ptr<const std::vector<RepeatSuspect>> repeat_suspects(CivilDate as_of) const;

  /// The KPI facts as of `as_of` for the crimes of `force_code` (and `unit_ref`; empty = all),
  /// built once per date and scope and kept while this state is current: the flight deck, its
  /// series, reports and exports then only aggregate them. A recording makes a new state, so kept
  /// facts never go stale. At most about kKpiFactsBudget crimes' facts are kept; the oldest go first.
  std::shared_ptr<const KpiFacts> kpi_facts(CivilDate as_of, const std::string& force_code,
                                            const std::string& unit_ref) const;
  static constexpr std::size_t kKpiFactsBudget = 4'000'000;

  /// Every reference of tables() linked to its row, worked out on first use and kept with this
  /// state (the KPI facts read them).
  const TableLinks& table_links() const;

 private:
  void build_indexes();

  std::vector<std::uint64_t> resolved_ids_sorted_;   // resolved ids of person rows, ascending
  std::vector<RowIndex> person_rows_by_resolved_;    // the person row of each, in the same order
  // The rows of one table grouped by person row: offsets (one per person row, +1) into rows.
  struct RowsByPerson {
    std::vector<RowIndex> offsets;
    std::vector<RowIndex> rows;
    std::span<const RowIndex> of(RowIndex person) const {
      if (person == kNoRow || person + 1 >= offsets.size()) return {};
      return std::span<const RowIndex>(rows).subspan(offsets[person], offsets[person + 1] - offsets[person]);
    }
  };
  // Groups `row_count` rows by the person row `person_of(row)` gives (kNoRow: left out).
  RowsByPerson group_by_person(std::size_t row_count, const std::function<RowIndex(RowIndex)>& person_of) const;

  RowsByPerson involvements_by_person_;
  std::vector<std::uint64_t> involvement_resolution_;  // resolved id by involvement row (0: unresolved)
  RowsByPerson orders_by_subject_;
  RowsByPerson breaches_by_person_;
  std::vector<RowIndex> crimes_newest_first_;
  mutable std::mutex suspects_mutex_;
  mutable std::map<std::int32_t, std::shared_ptr<const std::vector<RepeatSuspect>>> suspects_by_date_;
  struct KeptFacts {
    std::int32_t as_of;
    std::string force_code;
    std::string unit_ref;
    std::shared_ptr<const KpiFacts> facts;
  };
  mutable std::once_flag links_built_;
  mutable TableLinks links_;
  mutable std::mutex facts_mutex_;
  mutable std::vector<KeptFacts> kept_facts_;  // oldest first
};

/// Loads every extract table and the resolution from `store` and builds a state.
Result<std::shared_ptr<ServerState>> load_server_state(Store& store, const StaticInputs& inputs);

/// The rows one write changed: those of `entity` whose `field` is `value` (the record's key, or
/// for a bail extension the arrest whose periods changed).
struct ChangedRows {
  Entity entity = Entity::Breaches;
  std::string field;
  std::string value;
};

/// A new state equal to `current` but with the rows `changed` read again from `store`: they
/// replace the rows of `current` that match, or are added (a victim contact, which is only ever
/// added). Only those rows are read, not their whole table. Error "invalid_input" for a table
/// or field the server does not write.
Result<std::shared_ptr<ServerState>> refresh_server_state(const ServerState& current, Store& store,
                                                          const ChangedRows& changed);

/// Holds the current state; get() and replace() are thread-safe and replace() is atomic for
/// readers (a request keeps the state it started with).
class StateHolder {
 public:
  explicit StateHolder(std::shared_ptr<const ServerState> state) : state_(std::move(state)) {}
  std::shared_ptr<const ServerState> get() const;
  void replace(std::shared_ptr<const ServerState> state);
  /// Serialises writers' reload-and-swap (readers never wait on it).
  std::mutex& reload_mutex() { return reload_mutex_; }

 private:
  mutable std::mutex mutex_;
  std::shared_ptr<const ServerState> state_;
  std::mutex reload_mutex_;
};

}  // namespace rasso::server
