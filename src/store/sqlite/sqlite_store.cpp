#include "store/sqlite/sqlite_store.h"

#include <sodium.h>

#include <array>
#include <limits>

#include "core/field_spec.h"
#include "store/audit_chain.h"
#include "store/sqlite/sqlite_governance_store.h"
#include "store/sqlite/sqlite_handle.h"
#include "store/sqlite/sqlite_schema.h"
#include "store/sqlite/sqlite_user_store.h"

namespace rasso {
namespace {

using sqlite::Connection;
using sqlite::Statement;

constexpr std::size_t kEntityCount = kEntitiesInLoadOrder.size();
std::size_t slot(Entity entity) { return static_cast<std::size_t>(entity); }

std::string upsert_sql(const EntitySpec& spec) {
  const std::string name(spec.name());
  std::string bind_markers;
  std::string updates;
  for (std::size_t i = 0; i < spec.fields.size(); ++i) {
    bind_markers += "?, ";
    if (i > 0) updates += std::string(spec.fields[i].name) + " = excluded." + std::string(spec.fields[i].name) + ", ";
  }
  // Bare column names in DO UPDATE SET are the stored row's values. A row already written by
  // this import is left alone (nothing returned): that is a duplicate key within the extract.
  return "INSERT INTO " + name + " (" + sqlite::entity_columns(spec.entity) +
         ", row_fingerprint, first_import_id, last_import_id, changed_import_id, import_line) VALUES (" +
         bind_markers + "?, ?, ?, ?, ?) ON CONFLICT (" + std::string(spec.key().name) + ") DO UPDATE SET " + updates +
         "changed_import_id = CASE WHEN row_fingerprint <> excluded.row_fingerprint THEN excluded.last_import_id "
         "ELSE changed_import_id END, row_fingerprint = excluded.row_fingerprint, "
         "last_import_id = excluded.last_import_id, import_line = excluded.import_line "
         "WHERE last_import_id <> excluded.last_import_id RETURNING first_import_id, changed_import_id";
}

// The initial-load form: a plain INSERT, used while an entity's table held nothing before this
// import, so no stored row can conflict and SQLite skips the upsert's conflict handling. A
// duplicate key within the extract then fails with a primary-key constraint error.
std::string insert_sql(const EntitySpec& spec) {
  std::string bind_markers;
  for (std::size_t i = 0; i < spec.fields.size(); ++i) bind_markers += "?, ";
  return "INSERT INTO " + std::string(spec.name()) + " (" + sqlite::entity_columns(spec.entity) +
         ", row_fingerprint, first_import_id, last_import_id, changed_import_id, import_line) VALUES (" +
         bind_markers + "?, ?, ?, ?, ?)";
}

// Appends one audit event chained to the last one; the caller holds the write transaction.
Result<std::int64_t> append_audit(Connection& connection, const AuditEvent& event) {
  if (!is_audit_processing_kind(event.processing)) {
    return Error{"invalid_input", "audit processing '" + event.processing + "' is not one of the six kinds"};
  }
  auto last = connection.prepare("SELECT event_id, event_hash FROM audit_events ORDER BY event_id DESC LIMIT 1");
  if (!last) return last.error();
  auto found = last->step();
  if (!found) return found.error();
  AuditEvent stored = event;
  stored.event_id = *found ? last->column_int(0) + 1 : 1;
  stored.previous_hash = *found ? last->column_text(1) : std::string(kAuditGenesisHash);
  stored.event_hash = audit_event_hash(stored, stored.previous_hash);
  auto insert = connection.prepare(
      "INSERT INTO audit_events (event_id, occurred_at, actor, action, processing, subject_type, subject_id, purpose, "
      "correlation_id, details_json, previous_hash, event_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (!insert) return insert.error();
  insert->bind_int(1, stored.event_id);
  const std::string* fields[] = {&stored.occurred_at, &stored.actor,      &stored.action,        &stored.processing,
                                 &stored.subject_type, &stored.subject_id, &stored.purpose,       &stored.correlation_id,
                                 &stored.details_json, &stored.previous_hash, &stored.event_hash};
  for (int i = 0; i < 11; ++i) insert->bind_text(i + 2, *fields[i]);
  if (auto done = insert->step(); !done) return done.error();
  return stored.event_id;
}


class SqliteImportSession final : public ImportSession {
 public:
  SqliteImportSession(Connection& connection, std::int64_t import_id) : connection_(connection), import_id_(import_id) {}

  ~SqliteImportSession() override {
    // Statements must be finalised before the rollback so no read cursor is left open.
    upserts_ = {};
    lookups_ = {};
    line_lookups_ = {};
    if (!committed_) {
      (void)connection_.exec("ROLLBACK");
      (void)connection_.exec("PRAGMA foreign_keys = ON");
    }
  }

  Result<bool> exists(Entity entity, std::string_view key) override {
    Statement& lookup = lookups_[slot(entity)];
    if (!prepared_lookups_[slot(entity)]) {
      const EntitySpec& spec = entity_spec(entity);
      auto prepared = connection_.prepare("SELECT 1 FROM " + std::string(spec.name()) + " WHERE " +
                                          std::string(spec.key().name) + " = ?");
      if (!prepared) return prepared.error();
      lookup = std::move(*prepared);
      prepared_lookups_[slot(entity)] = true;
    }
    lookup.bind_text_or_null(1, key);
    auto found = lookup.step();
    lookup.reset();
    return found;
  }

  Result<UpsertResult> upsert(Entity entity, std::span<const std::string> values, std::uint64_t fingerprint,
                              std::size_t line) override {
    const EntitySpec& spec = entity_spec(entity);
    Statement& statement = upserts_[slot(entity)];
    if (!prepared_upserts_[slot(entity)]) {
      auto empty = table_is_empty(spec);
      if (!empty) return empty.error();
      initial_load_[slot(entity)] = *empty;
      auto prepared = connection_.prepare(*empty ? insert_sql(spec) : upsert_sql(spec));
      if (!prepared) return prepared.error();
      statement = std::move(*prepared);
      prepared_upserts_[slot(entity)] = true;
    }
    int index = 1;
    for (std::size_t i = 0; i < spec.fields.size(); ++i, ++index) {
      const FieldType type = spec.fields[i].type;
      if ((type == FieldType::Integer || type == FieldType::Boolean) && !values[i].empty()) {
        statement.bind_int(index, std::stoll(values[i]));
      } else {
        statement.bind_text_or_null(index, values[i]);
      }
    }
    statement.bind_int(index++, static_cast<std::int64_t>(fingerprint));
    for (int repeat = 0; repeat < 3; ++repeat) statement.bind_int(index++, import_id_);
    statement.bind_int(index, static_cast<std::int64_t>(line));
    auto returned = statement.step();
    if (initial_load_[slot(entity)]) {
      const int code = sqlite3_extended_errcode(connection_.handle());
      statement.reset();
      if (returned) return UpsertResult{UpsertOutcome::Added};
      if (code != SQLITE_CONSTRAINT_PRIMARYKEY) return returned.error();
      auto first_line = line_of(entity, values[0]);
      if (!first_line) return first_line.error();
      return UpsertResult{UpsertOutcome::Duplicate, *first_line};
    }
    if (!returned) {
      statement.reset();
      return returned.error();
    }
    std::optional<UpsertOutcome> outcome;
    if (*returned) {
      if (statement.column_int(0) == import_id_) {
        outcome = UpsertOutcome::Added;
      } else {
        outcome = statement.column_int(1) == import_id_ ? UpsertOutcome::Changed : UpsertOutcome::Unchanged;
      }
      returned = statement.step();  // complete the statement
    }
    statement.reset();
    if (!returned) return returned.error();
    if (outcome) return UpsertResult{*outcome};
    auto first_line = line_of(entity, values[0]);
    if (!first_line) return first_line.error();
    return UpsertResult{UpsertOutcome::Duplicate, *first_line};
  }

  Status commit(std::string_view finished_at, std::string_view summary_json, const AuditEvent& audit) override {
    if (auto appended = append_audit(connection_, audit); !appended) return appended.error();
    auto update = connection_.prepare("UPDATE imports SET finished_at = ?, summary_json = ? WHERE import_id = ?");
    if (!update) return update.error();
    update->bind_text_or_null(1, finished_at);
    update->bind_text_or_null(2, summary_json);
    update->bind_int(3, import_id_);
    if (auto done = update->step(); !done) return done.error();
    upserts_ = {};
    lookups_ = {};
    line_lookups_ = {};
    Status committed = connection_.exec("COMMIT");
    if (committed) {
      committed_ = true;
      (void)connection_.exec("PRAGMA foreign_keys = ON");
    }
    return committed;
  }

  std::int64_t import_id() const override { return import_id_; }

 private:
  Result<bool> table_is_empty(const EntitySpec& spec) {
    auto query = connection_.prepare("SELECT NOT EXISTS (SELECT 1 FROM " + std::string(spec.name()) + ")");
    if (!query) return query.error();
    auto row = query->step();
    if (!row) return row.error();
    return query->column_int(0) == 1;
  }

  // The line of this import on which `key` was written.
  Result<std::size_t> line_of(Entity entity, std::string_view key) {
    Statement& lookup = line_lookups_[slot(entity)];
    if (!prepared_line_lookups_[slot(entity)]) {
      const EntitySpec& spec = entity_spec(entity);
      auto prepared = connection_.prepare("SELECT import_line FROM " + std::string(spec.name()) + " WHERE " +
                                          std::string(spec.key().name) + " = ?");
      if (!prepared) return prepared.error();
      lookup = std::move(*prepared);
      prepared_line_lookups_[slot(entity)] = true;
    }
    lookup.bind_text_or_null(1, key);
    auto found = lookup.step();
    const auto line = found && *found ? static_cast<std::size_t>(lookup.column_int(0)) : 0;
    lookup.reset();
    if (!found) return found.error();
    return line;
  }

  Connection& connection_;
  std::int64_t import_id_;
  bool committed_ = false;
  std::array<Statement, kEntityCount> upserts_;
  std::array<bool, kEntityCount> prepared_upserts_{};
  std::array<bool, kEntityCount> initial_load_{};
  std::array<Statement, kEntityCount> lookups_;
  std::array<bool, kEntityCount> prepared_lookups_{};
  std::array<bool, kEntityCount> prepared_line_lookups_{};
  std::array<Statement, kEntityCount> line_lookups_;
};

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(Connection connection)
      : connection_(std::move(connection)), governance_(sqlite::make_sqlite_governance_store(connection_, append_audit)) {}

  GovernanceStore& governance() override { return *governance_; }

  Result<std::unique_ptr<ImportSession>> begin_import(std::string_view source, std::string_view started_at) override {
    // The importer checks every reference itself (with a precise message), so SQLite's own
    // foreign-key enforcement is switched off for the import's transaction to save the second
    // lookup per reference; it is back on for every other write.
    if (Status off = connection_.exec("PRAGMA foreign_keys = OFF"); !off) return off.error();
    if (Status begun = connection_.exec("BEGIN IMMEDIATE"); !begun) {
      (void)connection_.exec("PRAGMA foreign_keys = ON");
      return begun.error();
    }
    auto insert = connection_.prepare("INSERT INTO imports (started_at, source) VALUES (?, ?)");
    if (!insert) {
      (void)connection_.exec("ROLLBACK; PRAGMA foreign_keys = ON");
      return insert.error();
    }
    insert->bind_text_or_null(1, started_at);
    insert->bind_text_or_null(2, source);
    if (auto done = insert->step(); !done) {
      (void)connection_.exec("ROLLBACK; PRAGMA foreign_keys = ON");
      return done.error();
    }
    const std::int64_t import_id = sqlite3_last_insert_rowid(connection_.handle());
    return std::unique_ptr<ImportSession>(std::make_unique<SqliteImportSession>(connection_, import_id));
  }

  Result<std::int64_t> count(Entity entity) override { return scalar("SELECT COUNT(*) FROM " + std::string(entity_name(entity))); }

  Result<std::int64_t> history_count(Entity entity) override {
    return scalar("SELECT COUNT(*) FROM " + std::string(entity_name(entity)) + "_history");
  }

  Result<std::vector<ImportRecord>> imports() override {
    auto query = connection_.prepare(
        "SELECT import_id, started_at, finished_at, source, summary_json FROM imports ORDER BY import_id");
    if (!query) return query.error();
    std::vector<ImportRecord> out;
    while (true) {
      auto row = query->step();
      if (!row) return row.error();
      if (!*row) break;
      out.push_back({query->column_int(0), query->column_text(1), query->column_text(2), query->column_text(3),
                     query->column_text(4)});
    }
    return out;
  }

  Result<int> schema_version() override {
    auto version = scalar("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
    if (!version) return version.error();
    return static_cast<int>(*version);
  }

  Result<SnapshotStamp> snapshot_stamp() override {
    auto identity = store_identity();
    if (!identity) return identity.error();
    auto version = schema_version();
    if (!version) return version.error();
    auto last_import = scalar("SELECT COALESCE(MAX(import_id), 0) FROM imports");
    if (!last_import) return last_import.error();
    auto last_linkage = scalar("SELECT COALESCE(MAX(run_id), 0) FROM linkage_runs");
    if (!last_linkage) return last_linkage.error();
    const std::string store = "store " + *identity + " schema " + std::to_string(*version);
    return SnapshotStamp{store + " import " + std::to_string(*last_import),
                         store + " linkage " + std::to_string(*last_linkage)};
  }

  std::filesystem::path snapshot_path() override {
    const char* file = sqlite3_db_filename(connection_.handle(), "main");
    if (file == nullptr || *file == '\0') return {};
    return std::string(file) + ".snapshot";
  }

  Result<std::string> integrity_check() override {
    auto query = connection_.prepare("PRAGMA integrity_check");
    if (!query) return query.error();
    std::string report;
    while (true) {
      auto row = query->step();
      if (!row) return row.error();
      if (!*row) break;
      if (!report.empty()) report += "\n";
      report += query->column_text(0);
    }
    return report;
  }

  Result<std::int64_t> append_audit_event(const AuditEvent& event) override {
    return in_transaction<std::int64_t>([&]() { return append_audit(connection_, event); });
  }

  Result<std::vector<AuditEvent>> audit_events(std::int64_t after_id, std::size_t limit, std::string_view actor,
                                               std::string_view subject_id) override {
    auto query = connection_.prepare(
        "SELECT event_id, occurred_at, actor, action, processing, subject_type, subject_id, purpose, correlation_id, "
        "details_json, previous_hash, event_hash FROM audit_events WHERE event_id > ? AND (? IS NULL OR actor = ?) "
        "AND (? IS NULL OR subject_id = ?) ORDER BY event_id LIMIT ?");
    if (!query) return query.error();
    query->bind_int(1, after_id);
    query->bind_text_or_null(2, actor);
    query->bind_text_or_null(3, actor);
    query->bind_text_or_null(4, subject_id);
    query->bind_text_or_null(5, subject_id);
    query->bind_int(6, static_cast<std::int64_t>(limit));
    std::vector<AuditEvent> events;
    while (true) {
      auto row = query->step();
      if (!row) return row.error();
      if (!*row) break;
      AuditEvent event;
      event.event_id = query->column_int(0);
      std::string* fields[] = {&event.occurred_at, &event.actor,      &event.action,        &event.processing,
                               &event.subject_type, &event.subject_id, &event.purpose,       &event.correlation_id,
                               &event.details_json, &event.previous_hash, &event.event_hash};
      for (int i = 0; i < 11; ++i) *fields[i] = query->column_text(i + 1);
      events.push_back(std::move(event));
    }
    return events;
  }

  Status append_audit_events(std::span<const AuditEvent> events) override {
    return in_transaction<Success>([&]() -> Status {
      for (const AuditEvent& event : events) {
        if (auto appended = append_audit(connection_, event); !appended) return appended.error();
      }
      return ok_status();
    });
  }

  Status add_user(const UserRecord& user, const AuditEvent& audit) override {
    return in_transaction<Success>([&]() -> Status {
      if (Status added = sqlite::insert_user(connection_, user); !added) return added;
      if (auto appended = append_audit(connection_, audit); !appended) return appended.error();
      return ok_status();
    });
  }

  Status update_user(const UserRecord& user, bool clear_failures, const AuditEvent& audit) override {
    return in_transaction<Success>([&]() -> Status {
      if (Status updated = sqlite::update_user_row(connection_, user); !updated) return updated;
      if (clear_failures) {
        if (Status cleared = sqlite::delete_login_failures(connection_, user.username); !cleared) return cleared;
      }
      if (auto appended = append_audit(connection_, audit); !appended) return appended.error();
      return ok_status();
    });
  }

  Result<std::optional<UserRecord>> find_user(std::string_view username) override {
    return sqlite::select_user(connection_, username);
  }

  Result<std::vector<UserRecord>> users() override { return sqlite::select_users(connection_); }

  Result<int> record_login_failure(std::string_view username, std::string_view at, int lock_after) override {
    return in_transaction<int>([&]() { return sqlite::insert_login_failure(connection_, username, at, lock_after); });
  }

  Status clear_login_failures(std::string_view username) override {
    return in_transaction<Success>([&]() { return sqlite::delete_login_failures(connection_, username); });
  }

  Result<std::string> setting_or_insert(std::string_view name, std::string_view value_if_absent) override {
    return in_transaction<std::string>([&]() { return sqlite::setting_or_insert(connection_, name, value_if_absent); });
  }

  Result<AuditChainReport> verify_audit_log() override {
    auto events = audit_events(0, std::numeric_limits<std::int32_t>::max(), {}, {});
    if (!events) return events.error();
    return verify_audit_chain(*events);
  }

  Result<std::vector<std::pair<std::string, std::int64_t>>> resolved_assignment() override {
    auto query = connection_.prepare("SELECT person_ref, resolved_id FROM resolved_persons ORDER BY person_ref");
    if (!query) return query.error();
    std::vector<std::pair<std::string, std::int64_t>> out;
    while (true) {
      auto row = query->step();
      if (!row) return row.error();
      if (!*row) break;
      out.emplace_back(query->column_text(0), query->column_int(1));
    }
    return out;
  }

  Result<std::vector<StoredLinkDecision>> link_decisions() override {
    // The latest decision per pair is in force; a withdrawn one leaves the pair to the model.
    auto query = connection_.prepare(
        "SELECT person_ref_a, person_ref_b, decision, decided_by, decided_at, reason FROM link_decisions d "
        "WHERE decision_id = (SELECT MAX(decision_id) FROM link_decisions e WHERE e.person_ref_a = d.person_ref_a "
        "AND e.person_ref_b = d.person_ref_b) AND decision <> 'withdrawn' ORDER BY person_ref_a, person_ref_b");
    if (!query) return query.error();
    std::vector<StoredLinkDecision> out;
    while (true) {
      auto row = query->step();
      if (!row) return row.error();
      if (!*row) break;
      out.push_back({query->column_text(0), query->column_text(1), query->column_text(2), query->column_text(3),
                     query->column_text(4), query->column_text(5)});
    }
    return out;
  }

  Status save_linkage_run(const LinkageRunRecord& run, const AuditEvent& audit) override {
    return in_transaction<Success>([&]() -> Status {
      if (Status cleared = connection_.exec("DELETE FROM resolved_persons; DELETE FROM resolved_links; DELETE FROM review_queue");
          !cleared) {
        return cleared;
      }
      auto insert_run = connection_.prepare(
          "INSERT INTO linkage_runs (started_at, finished_at, mode, records, resolved_people, compared_pairs, summary_json) "
          "VALUES (?, ?, ?, ?, ?, ?, ?)");
      if (!insert_run) return insert_run.error();
      insert_run->bind_text_or_null(1, run.started_at);
      insert_run->bind_text_or_null(2, run.finished_at);
      insert_run->bind_text_or_null(3, run.mode);
      insert_run->bind_int(4, static_cast<std::int64_t>(run.records));
      insert_run->bind_int(5, static_cast<std::int64_t>(run.resolved_people));
      insert_run->bind_int(6, static_cast<std::int64_t>(run.compared_pairs));
      insert_run->bind_text_or_null(7, run.summary_json.empty() ? std::string_view("{}") : run.summary_json);
      if (auto done = insert_run->step(); !done) return done.error();
      const std::int64_t run_id = sqlite3_last_insert_rowid(connection_.handle());

      auto assign = connection_.prepare("INSERT INTO resolved_persons (person_ref, resolved_id, run_id) VALUES (?, ?, ?)");
      if (!assign) return assign.error();
      for (const auto& [person_ref, resolved_id] : run.assignment) {
        assign->bind_text_or_null(1, person_ref);
        assign->bind_int(2, resolved_id);
        assign->bind_int(3, run_id);
        auto done = assign->step();
        assign->reset();
        if (!done) return done.error();
      }
      auto link = connection_.prepare(
          "INSERT OR REPLACE INTO resolved_links (person_ref_a, person_ref_b, resolved_id, match_weight, probability, source, "
          "evidence) VALUES (?, ?, ?, ?, ?, ?, ?)");
      if (!link) return link.error();
      for (const StoredLink& stored : run.links) {
        link->bind_text_or_null(1, stored.person_ref_a);
        link->bind_text_or_null(2, stored.person_ref_b);
        link->bind_int(3, stored.resolved_id);
        link->bind_double(4, stored.match_weight);
        link->bind_double(5, stored.probability);
        link->bind_text_or_null(6, stored.source);
        link->bind_text_or_null(7, stored.evidence.empty() ? std::string_view("{}") : stored.evidence);
        auto done = link->step();
        link->reset();
        if (!done) return done.error();
      }
      auto queue = connection_.prepare(
          "INSERT OR REPLACE INTO review_queue (person_ref_a, person_ref_b, match_weight, probability, linked, evidence) "
          "VALUES (?, ?, ?, ?, ?, ?)");
      if (!queue) return queue.error();
      for (const StoredReviewCandidate& candidate : run.review_queue) {
        queue->bind_text_or_null(1, candidate.person_ref_a);
        queue->bind_text_or_null(2, candidate.person_ref_b);
        queue->bind_double(3, candidate.match_weight);
        queue->bind_double(4, candidate.probability);
        queue->bind_int(5, candidate.linked ? 1 : 0);
        queue->bind_text_or_null(6, candidate.evidence.empty() ? std::string_view("{}") : candidate.evidence);
        auto done = queue->step();
        queue->reset();
        if (!done) return done.error();
      }
      auto appended = append_audit(connection_, audit);
      if (!appended) return appended.error();
      return ok_status();
    });
  }

  Status record_link_decision(const StoredLinkDecision& decision, const AuditEvent& audit) override {
    return in_transaction<Success>([&]() -> Status {
      auto insert = connection_.prepare(
          "INSERT INTO link_decisions (person_ref_a, person_ref_b, decision, decided_by, decided_at, reason) "
          "VALUES (?, ?, ?, ?, ?, ?)");
      if (!insert) return insert.error();
      const std::string* fields[] = {&decision.person_ref_a, &decision.person_ref_b, &decision.decision,
                                     &decision.decided_by,   &decision.decided_at,   &decision.reason};
      for (int i = 0; i < 6; ++i) insert->bind_text(i + 1, *fields[i]);
      if (auto done = insert->step(); !done) return done.error();
      // A decided pair leaves the review queue.
      auto dequeue = connection_.prepare("DELETE FROM review_queue WHERE person_ref_a = ? AND person_ref_b = ?");
      if (!dequeue) return dequeue.error();
      dequeue->bind_text_or_null(1, decision.person_ref_a);
      dequeue->bind_text_or_null(2, decision.person_ref_b);
      if (auto done = dequeue->step(); !done) return done.error();
      auto appended = append_audit(connection_, audit);
      if (!appended) return appended.error();
      return ok_status();
    });
  }

  Result<std::vector<std::string>> person_refs_of(std::int64_t resolved_id) override {
    auto query = connection_.prepare("SELECT person_ref FROM resolved_persons WHERE resolved_id = ? ORDER BY person_ref");
    if (!query) return query.error();
    query->bind_int(1, resolved_id);
    std::vector<std::string> out;
    while (true) {
      auto row = query->step();
      if (!row) return row.error();
      if (!*row) break;
      out.push_back(query->column_text(0));
    }
    return out;
  }

  Result<std::optional<LinkageRunRecord>> latest_linkage_run() override {
    auto query = connection_.prepare(
        "SELECT started_at, finished_at, mode, records, resolved_people, compared_pairs, summary_json FROM linkage_runs "
        "ORDER BY run_id DESC LIMIT 1");
    if (!query) return query.error();
    auto row = query->step();
    if (!row) return row.error();
    if (!*row) return std::optional<LinkageRunRecord>();
    LinkageRunRecord run;
    run.started_at = query->column_text(0);
    run.finished_at = query->column_text(1);
    run.mode = query->column_text(2);
    run.records = static_cast<std::size_t>(query->column_int(3));
    run.resolved_people = static_cast<std::size_t>(query->column_int(4));
    run.compared_pairs = static_cast<std::size_t>(query->column_int(5));
    run.summary_json = query->column_text(6);
    return std::optional<LinkageRunRecord>(std::move(run));
  }

  Result<std::vector<StoredLink>> all_links() override {
    auto query = connection_.prepare(
        "SELECT person_ref_a, person_ref_b, resolved_id, match_weight, probability, source, evidence FROM resolved_links "
        "ORDER BY person_ref_a, person_ref_b");
    if (!query) return query.error();
    std::vector<StoredLink> out;
    while (true) {
      auto row = query->step();
      if (!row) return row.error();
      if (!*row) break;
      out.push_back({query->column_text(0), query->column_text(1), query->column_int(2), query->column_double(3),
                     query->column_double(4), query->column_text(5), query->column_text(6)});
    }
    return out;
  }

  Result<std::int64_t> count_changed_after(Entity entity, std::int64_t import_id) override {
    auto query = connection_.prepare("SELECT COUNT(*) FROM " + std::string(entity_spec(entity).name()) +
                                     " WHERE first_import_id <= ?1 AND changed_import_id > ?1");
    if (!query) return query.error();
    query->bind_int(1, import_id);
    auto row = query->step();
    if (!row) return row.error();
    return query->column_int(0);
  }

  Result<std::vector<StoredLink>> links_of(std::int64_t resolved_id) override {
    auto query = connection_.prepare(
        "SELECT person_ref_a, person_ref_b, resolved_id, match_weight, probability, source, evidence FROM resolved_links "
        "WHERE resolved_id = ? ORDER BY person_ref_a, person_ref_b");
    if (!query) return query.error();
    query->bind_int(1, resolved_id);
    std::vector<StoredLink> out;
    while (true) {
      auto row = query->step();
      if (!row) return row.error();
      if (!*row) break;
      out.push_back({query->column_text(0), query->column_text(1), query->column_int(2), query->column_double(3),
                     query->column_double(4), query->column_text(5), query->column_text(6)});
    }
    return out;
  }

  Result<std::vector<StoredReviewCandidate>> review_queue(std::size_t limit) override {
    auto query = connection_.prepare(
        "SELECT person_ref_a, person_ref_b, match_weight, probability, linked, evidence FROM review_queue "
        "ORDER BY ABS(probability - 0.5), person_ref_a, person_ref_b LIMIT ?");
    if (!query) return query.error();
    query->bind_int(1, static_cast<std::int64_t>(limit));
    std::vector<StoredReviewCandidate> out;
    while (true) {
      auto row = query->step();
      if (!row) return row.error();
      if (!*row) break;
      out.push_back({query->column_text(0), query->column_text(1), query->column_double(2), query->column_double(3),
                     query->column_int(4) != 0, query->column_text(5)});
    }
    return out;
  }

  Result<std::vector<std::vector<std::string>>> rows(Entity entity) override { return select_rows(entity, {}, {}); }

  Status scan(Entity entity, const RowVisitor& visit) override {
    // A connection of its own, so that several threads can scan at once (WAL readers never block).
    const char* file = sqlite3_db_filename(connection_.handle(), "main");
    if (file == nullptr || *file == '\0') return Error{"store_open", "the store has no file to scan from"};
    auto reader = Connection::open(file, false);
    if (!reader) return reader.error();
    // A whole-table scan reads the file through a memory map (no copy into the page cache). Only
    // here: on long-lived connections a map would be redone each time a write grows the file.
    if (Status mapped = reader->exec("PRAGMA mmap_size = 68719476736"); !mapped) return mapped.error();
    const EntitySpec& spec = entity_spec(entity);
    auto query = reader->prepare("SELECT " + sqlite::entity_columns(entity) + " FROM " + std::string(spec.name()) +
                                     " ORDER BY " + std::string(spec.key().name));
    if (!query) return query.error();
    std::vector<std::string_view> values(static_cast<std::size_t>(query->column_count()));
    while (true) {
      auto row = query->step();
      if (!row) return row.error();
      if (!*row) return ok_status();
      for (std::size_t i = 0; i < values.size(); ++i) values[i] = query->column_view(static_cast<int>(i));
      if (Status visited = visit(values); !visited) return visited;
    }
  }

  Result<std::vector<std::vector<std::string>>> rows_where(Entity entity, std::string_view field,
                                                           std::string_view value) override {
    if (!entity_spec(entity).index_of(field)) {
      return Error{"invalid_input", std::string(entity_name(entity)) + " has no field '" + std::string(field) + "'"};
    }
    return select_rows(entity, field, value);
  }

 private:
  // Runs `work` in its own transaction, or inside the caller's if one is already open.
  template <typename T, typename Work>
  Result<T> in_transaction(Work work) {
    const bool own = sqlite3_get_autocommit(connection_.handle()) != 0;
    if (own) {
      if (Status begun = connection_.exec("BEGIN IMMEDIATE"); !begun) return begun.error();
    }
    Result<T> result = work();
    if (own) {
      Status ended = connection_.exec(result ? "COMMIT" : "ROLLBACK");
      if (result && !ended) return ended.error();
    }
    return result;
  }

  // Rows of `entity` in key order, all of them or those whose `field` equals `value`.
  Result<std::vector<std::vector<std::string>>> select_rows(Entity entity, std::string_view field, std::string_view value) {
    const EntitySpec& spec = entity_spec(entity);
    std::string sql = "SELECT " + sqlite::entity_columns(entity) + " FROM " + std::string(spec.name());
    if (!field.empty()) sql += " WHERE " + std::string(field) + " = ?";
    auto query = connection_.prepare(sql + " ORDER BY " + std::string(spec.key().name));
    if (!query) return query.error();
    if (!field.empty()) query->bind_text(1, value);
    std::vector<std::vector<std::string>> out;
    const int columns = query->column_count();
    while (true) {
      auto row = query->step();
      if (!row) return row.error();
      if (!*row) break;
      std::vector<std::string> values;
      values.reserve(static_cast<std::size_t>(columns));
      for (int i = 0; i < columns; ++i) values.push_back(query->column_text(i));
      out.push_back(std::move(values));
    }
    return out;
  }

  // The store's random identity, recorded on first use. Read without a write lock, so that a
  // reader does not wait for a running import.
  Result<std::string> store_identity() {
    auto query = connection_.prepare("SELECT value FROM settings WHERE name = 'store_id'");
    if (!query) return query.error();
    auto row = query->step();
    if (!row) return row.error();
    if (*row) return query->column_text(0);
    std::array<unsigned char, 16> random{};
    randombytes_buf(random.data(), random.size());
    std::array<char, 2 * 16 + 1> hex{};
    sodium_bin2hex(hex.data(), hex.size(), random.data(), random.size());
    return setting_or_insert("store_id", hex.data());
  }

  Result<std::int64_t> scalar(const std::string& sql) {
    auto query = connection_.prepare(sql);
    if (!query) return query.error();
    auto row = query->step();
    if (!row) return row.error();
    return query->column_int(0);
  }

  Connection connection_;
  std::unique_ptr<GovernanceStore> governance_;  // shares connection_, declared after it
};

}  // namespace

Result<std::unique_ptr<Store>> open_sqlite_store(const std::filesystem::path& path, SqliteStoreOptions options) {
  const bool existed = std::filesystem::exists(path);
  if (!existed && !options.create_if_missing) {
    return Error{"store_open", path.string() + ": no store here (run 'rasso init' or 'rasso import' first)"};
  }
  auto connection = Connection::open(path, options.create_if_missing);
  if (!connection) return connection.error();
  Status migrated = sqlite::migrate(*connection);
  if (!migrated) {
    if (migrated.error().code == "store_version") return migrated.error();
    return Error{"store_open", path.string() + ": not a RASSO store or damaged: " + migrated.error().message};
  }
  return std::unique_ptr<Store>(std::make_unique<SqliteStore>(std::move(*connection)));
}

}  // namespace rasso
