#pragma once
// Store: the one interface through which every layer above reads and writes persisted data.
// SQLite is the embedded implementation (store/sqlite/); a PostgreSQL one can follow without
// touching engines or the CLI, which never see SQL.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/entity.h"
#include "core/extract_record_rows.h"
#include "core/result.h"
#include "store/audit_chain.h"
#include "store/audit_event.h"
#include "store/governance_records.h"
#include "store/linkage_records.h"
#include "store/snapshot_file.h"
#include "store/user_records.h"

namespace rasso {

enum class UpsertOutcome {
  Added,      // a new key
  Changed,    // a known key whose values differ: updated, previous version kept in history
  Unchanged,  // a known key with the same values
  Duplicate,  // the key was already written by this same import: nothing written
};

struct UpsertResult {
  UpsertOutcome outcome;
  std::size_t first_line = 0;  // Duplicate: the line of this import that first used the key
};

/// One completed import, as recorded in the store.
struct ImportRecord {
  std::int64_t import_id = 0;
  std::string started_at;
  std::string finished_at;
  std::string source;
  std::string summary_json;
};

/// An import in progress: everything written through it becomes visible together on commit(),
/// or not at all. Destroying a session that was not committed rolls it back. Not thread-safe.
class ImportSession {
 public:
  virtual ~ImportSession() = default;

  /// True if a row of `entity` with this key exists, from an earlier import or this one.
  virtual Result<bool> exists(Entity entity, std::string_view key) = 0;

  /// Inserts the row (values in entity_spec() field order, normalised, empty = null) read from
  /// `line`, or updates the stored row with the same key: its values if the fingerprint differs
  /// (keeping the previous version in the entity's history), and in any case the import that
  /// last saw it. A key already written by this import is reported as Duplicate, untouched.
  virtual Result<UpsertResult> upsert(Entity entity, std::span<const std::string> values, std::uint64_t fingerprint,
                                      std::size_t line) = 0;

  /// Makes the import durable, records it with `finished_at` and `summary_json`, and appends
  /// `audit` (the collection event) to the audit log in the same transaction.
  virtual Status commit(std::string_view finished_at, std::string_view summary_json, const AuditEvent& audit) = 0;

  virtual std::int64_t import_id() const = 0;
};

class Store {
 public:
  virtual ~Store() = default;

  /// Starts an import (one write transaction). Only one import may run at a time; a second
  /// writer waits for the first, then fails with "busy" after a timeout.
  virtual Result<std::unique_ptr<ImportSession>> begin_import(std::string_view source, std::string_view started_at) = 0;

  /// Number of current rows of `entity`.
  virtual Result<std::int64_t> count(Entity entity) = 0;
  /// Rows of `entity` that import `import_id` or an earlier one stored and a later import changed:
  /// what an incremental step (linking, say) that last saw `import_id` would miss.
  virtual Result<std::int64_t> count_changed_after(Entity entity, std::int64_t import_id) = 0;
  /// Number of superseded row versions kept for `entity`.
  virtual Result<std::int64_t> history_count(Entity entity) = 0;
  /// Completed imports, oldest first.
  virtual Result<std::vector<ImportRecord>> imports() = 0;
  /// The schema version the store is at.
  virtual Result<int> schema_version() = 0;
  /// Runs the engine's own consistency check; "ok" when the store is sound.
  virtual Result<std::string> integrity_check() = 0;

  /// Values that change whenever the extract tables (every import and recording commits a new
  /// `tables` stamp) or the resolved-person assignment (every linkage run, `resolution`) change,
  /// and that differ between two stores: the keys of the snapshot file (store/snapshot_file.h).
  /// The first call on a store records the store's random identity.
  virtual Result<SnapshotStamp> snapshot_stamp() = 0;
  /// Where this store's snapshot file belongs: "<store file>.snapshot"; empty for a store with no
  /// file of its own (one in memory), which then has no snapshot.
  virtual std::filesystem::path snapshot_path() = 0;

  /// Every stored row of `entity`, values in entity_spec() field order (empty = null), ordered
  /// by key. For engines that load plain in-memory tables.
  virtual Result<std::vector<std::vector<std::string>>> rows(Entity entity) = 0;

  /// Streams every stored row of `entity` to `visit`, in key order, as views valid only during
  /// the call (no copy of the table is held): the way engines load a large store. Stops at the
  /// first failed visit and returns it. Thread-safe: each call reads through its own connection
  /// (so scans on several threads see each table as of the moment its scan began).
  virtual Status scan(Entity entity, const RowVisitor& visit) = 0;

  /// The rows of `entity` whose `field` equals `value` (indexed for keys and references), in
  /// key order. Error "invalid_input" if the entity has no such field.
  virtual Result<std::vector<std::vector<std::string>>> rows_where(Entity entity, std::string_view field,
                                                                   std::string_view value) = 0;

  // --- Audit log -------------------------------------------------------------------------------
  /// Appends `event` to the hash-chained log (the store sets id and hashes). Returns its id.
  virtual Result<std::int64_t> append_audit_event(const AuditEvent& event) = 0;
  /// Events with id > `after_id`, oldest first, at most `limit`; filtered by actor and subject
  /// when those are non-empty.
  virtual Result<std::vector<AuditEvent>> audit_events(std::int64_t after_id, std::size_t limit,
                                                       std::string_view actor = {},
                                                       std::string_view subject_id = {}) = 0;
  /// Re-walks the whole chain and names the first event edited, deleted or out of chain.
  virtual Result<AuditChainReport> verify_audit_log() = 0;
  /// Appends `events` in order, chained, in one transaction (all or none): the server's audit
  /// writer batches with it.
  virtual Status append_audit_events(std::span<const AuditEvent> events) = 0;

  // --- Identity resolution ---------------------------------------------------------------------
  /// The latest run's person_ref -> resolved id, ordered by person_ref (empty before any run).
  virtual Result<std::vector<std::pair<std::string, std::int64_t>>> resolved_assignment() = 0;
  /// The decision in force for each pair (the latest one), withdrawn decisions left out.
  virtual Result<std::vector<StoredLinkDecision>> link_decisions() = 0;
  /// Replaces the stored resolution with `run` and writes `audit`, in one transaction.
  virtual Status save_linkage_run(const LinkageRunRecord& run, const AuditEvent& audit) = 0;
  /// Appends a reviewer's decision and its audit event, in one transaction.
  virtual Status record_link_decision(const StoredLinkDecision& decision, const AuditEvent& audit) = 0;
  /// Person records of a resolved person, ordered by person_ref (empty if unknown).
  virtual Result<std::vector<std::string>> person_refs_of(std::int64_t resolved_id) = 0;
  /// The latest linkage run's header (started/finished, mode, counts, summary_json; no assignment,
  /// links or queue), or nullopt before the first run.
  virtual Result<std::optional<LinkageRunRecord>> latest_linkage_run() = 0;
  /// Every accepted link of the latest run, ordered by (person_ref_a, person_ref_b).
  virtual Result<std::vector<StoredLink>> all_links() = 0;
  /// Accepted links of a resolved person with their evidence.
  virtual Result<std::vector<StoredLink>> links_of(std::int64_t resolved_id) = 0;
  /// The review queue, closest to the threshold first, at most `limit`.
  virtual Result<std::vector<StoredReviewCandidate>> review_queue(std::size_t limit) = 0;

  // --- Governance (issue 7: training catalogue, well-being, recommendations, scrutiny panels) ---
  /// The governance records of this store (store/governance_records.h); lives as long as the store.
  virtual GovernanceStore& governance() = 0;

  // --- Server users (store/user_records.h) ------------------------------------------------------
  /// Adds `user` and writes `audit`, in one transaction. Error "conflict" if the name is taken.
  virtual Status add_user(const UserRecord& user, const AuditEvent& audit) = 0;
  /// Replaces the stored user of the same username and writes `audit`, in one transaction; with
  /// `clear_failures` its failed sign-ins are forgotten too. Error "not_found" if unknown.
  virtual Status update_user(const UserRecord& user, bool clear_failures, const AuditEvent& audit) = 0;
  /// The user called `username`, or nullopt.
  virtual Result<std::optional<UserRecord>> find_user(std::string_view username) = 0;
  /// Every user, ordered by username.
  virtual Result<std::vector<UserRecord>> users() = 0;
  /// Records a failed sign-in at `at` and returns how many are stored for the user since the last
  /// clear; when that reaches `lock_after` (> 0) the account is locked in the same transaction.
  virtual Result<int> record_login_failure(std::string_view username, std::string_view at, int lock_after) = 0;
  /// Forgets the user's failed sign-ins (after a successful one).
  virtual Status clear_login_failures(std::string_view username) = 0;
  /// The setting `name`; if there is none, stores `value_if_absent` and returns it.
  virtual Result<std::string> setting_or_insert(std::string_view name, std::string_view value_if_absent) = 0;
};

}  // namespace rasso
