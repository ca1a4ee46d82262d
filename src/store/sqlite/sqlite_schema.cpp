#include "store/sqlite/sqlite_schema.h"

#include "core/field_spec.h"
#include "store/sqlite/sqlite_governance_store.h"

namespace rasso::sqlite {
namespace {

std::string column_type(const FieldSpec& field) {
  return field.type == FieldType::Integer || field.type == FieldType::Boolean ? "INTEGER" : "TEXT";
}

std::string key_of(std::string_view entity_table) {
  return std::string(entity_spec(*entity_from_name(entity_table)).key().name);
}

// The table of one entity, its history table and the trigger that fills the history.
std::string entity_tables_sql(const EntitySpec& spec) {
  const std::string name(spec.name());
  std::string columns;
  std::string history_columns;
  std::string foreign_keys;
  std::string old_values;
  for (std::size_t i = 0; i < spec.fields.size(); ++i) {
    const FieldSpec& field = spec.fields[i];
    const std::string type = column_type(field);
    columns += "  " + std::string(field.name) + " " + type + (i == 0 ? " PRIMARY KEY NOT NULL" : "") + ",\n";
    history_columns += "  " + std::string(field.name) + " " + type + ",\n";
    old_values += "old." + std::string(field.name) + ", ";
    if (field.type == FieldType::Reference) {
      foreign_keys += ",\n  FOREIGN KEY (" + std::string(field.name) + ") REFERENCES " + std::string(field.detail) +
                      " (" + key_of(field.detail) + ")";
    }
  }
  std::string sql = "CREATE TABLE " + name + " (\n" + columns +
                    "  row_fingerprint INTEGER NOT NULL,\n"
                    "  first_import_id INTEGER NOT NULL REFERENCES imports (import_id),\n"
                    "  last_import_id INTEGER NOT NULL REFERENCES imports (import_id),\n"
                    "  changed_import_id INTEGER NOT NULL REFERENCES imports (import_id),\n"
                    "  import_line INTEGER NOT NULL" +
                    foreign_keys + "\n) WITHOUT ROWID;\n";
  sql += "CREATE TABLE " + name + "_history (\n  history_id INTEGER PRIMARY KEY,\n" + history_columns +
         "  row_fingerprint INTEGER NOT NULL,\n  first_import_id INTEGER NOT NULL,\n  last_import_id INTEGER NOT NULL,\n"
         "  superseded_by_import_id INTEGER NOT NULL REFERENCES imports (import_id)\n);\n";
  sql += "CREATE INDEX " + name + "_history_key ON " + name + "_history (" + std::string(spec.key().name) + ");\n";
  sql += "CREATE TRIGGER " + name + "_keep_history BEFORE UPDATE ON " + name +
         " WHEN old.row_fingerprint <> new.row_fingerprint BEGIN INSERT INTO " + name +
         "_history VALUES (NULL, " + old_values +
         "old.row_fingerprint, old.first_import_id, old.last_import_id, new.last_import_id); END;\n";
  for (const FieldSpec& field : spec.fields) {
    if (field.type == FieldType::Reference) {
      sql += "CREATE INDEX " + name + "_by_" + std::string(field.name) + " ON " + name + " (" +
             std::string(field.name) + ");\n";
    }
  }
  return sql;
}

std::string initial_schema_sql() {
  std::string sql =
      "CREATE TABLE imports (\n"
      "  import_id INTEGER PRIMARY KEY,\n  started_at TEXT NOT NULL,\n  finished_at TEXT,\n"
      "  source TEXT NOT NULL,\n  summary_json TEXT\n);\n";
  for (Entity entity : kEntitiesInLoadOrder) sql += entity_tables_sql(entity_spec(entity));
  return sql;
}

// Identity resolution results, reviewers' decisions and the append-only, hash-chained audit log.
constexpr const char* kLinkageAndAuditSql = R"(
CREATE TABLE linkage_runs (
  run_id INTEGER PRIMARY KEY,
  started_at TEXT NOT NULL,
  finished_at TEXT NOT NULL,
  mode TEXT NOT NULL,
  records INTEGER NOT NULL,
  resolved_people INTEGER NOT NULL,
  compared_pairs INTEGER NOT NULL,
  summary_json TEXT NOT NULL
);
CREATE TABLE resolved_persons (
  person_ref TEXT PRIMARY KEY NOT NULL,
  resolved_id INTEGER NOT NULL,
  run_id INTEGER NOT NULL REFERENCES linkage_runs (run_id)
) WITHOUT ROWID;
CREATE INDEX resolved_persons_by_id ON resolved_persons (resolved_id);
CREATE TABLE resolved_links (
  person_ref_a TEXT NOT NULL,
  person_ref_b TEXT NOT NULL,
  resolved_id INTEGER NOT NULL,
  match_weight REAL NOT NULL,
  probability REAL NOT NULL,
  source TEXT NOT NULL,
  evidence TEXT NOT NULL,
  PRIMARY KEY (person_ref_a, person_ref_b)
) WITHOUT ROWID;
CREATE INDEX resolved_links_by_id ON resolved_links (resolved_id);
CREATE TABLE review_queue (
  person_ref_a TEXT NOT NULL,
  person_ref_b TEXT NOT NULL,
  match_weight REAL NOT NULL,
  probability REAL NOT NULL,
  linked INTEGER NOT NULL,
  evidence TEXT NOT NULL,
  PRIMARY KEY (person_ref_a, person_ref_b)
) WITHOUT ROWID;
CREATE TABLE link_decisions (
  decision_id INTEGER PRIMARY KEY,
  person_ref_a TEXT NOT NULL,
  person_ref_b TEXT NOT NULL,
  decision TEXT NOT NULL CHECK (decision IN ('same', 'different', 'never_link', 'withdrawn')),
  decided_by TEXT NOT NULL,
  decided_at TEXT NOT NULL,
  reason TEXT NOT NULL
);
CREATE INDEX link_decisions_by_pair ON link_decisions (person_ref_a, person_ref_b);
CREATE TABLE audit_events (
  event_id INTEGER PRIMARY KEY,
  occurred_at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  processing TEXT NOT NULL,
  subject_type TEXT NOT NULL,
  subject_id TEXT NOT NULL,
  purpose TEXT NOT NULL,
  correlation_id TEXT NOT NULL,
  details_json TEXT NOT NULL,
  previous_hash TEXT NOT NULL,
  event_hash TEXT NOT NULL
);
CREATE TRIGGER audit_events_append_only_update BEFORE UPDATE ON audit_events
  BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
CREATE TRIGGER audit_events_append_only_delete BEFORE DELETE ON audit_events
  BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
CREATE TRIGGER link_decisions_append_only_update BEFORE UPDATE ON link_decisions
  BEGIN SELECT RAISE(ABORT, 'link decisions are append-only'); END;
CREATE TRIGGER link_decisions_append_only_delete BEFORE DELETE ON link_decisions
  BEGIN SELECT RAISE(ABORT, 'link decisions are append-only'); END;
)";

// Migration 3: the server's users. Roles are a ';'-separated list of role names.
const char* const kUsersSql = R"(
CREATE TABLE users (
  username TEXT PRIMARY KEY NOT NULL,
  display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  roles TEXT NOT NULL,
  force_code TEXT NOT NULL,
  unit_code TEXT NOT NULL DEFAULT '',
  disabled INTEGER NOT NULL DEFAULT 0,
  locked INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE login_failures (
  failure_id INTEGER PRIMARY KEY,
  username TEXT NOT NULL,
  failed_at TEXT NOT NULL
);
CREATE INDEX login_failures_by_user ON login_failures (username);
CREATE TABLE settings (
  name TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
) WITHOUT ROWID;
)";

}  // namespace

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> kMigrations = {
      {1, "extract entities with row history and import log", initial_schema_sql()},
      {2, "identity resolution, reviewer decisions and the audit log", kLinkageAndAuditSql},
      {3, "server users, failed sign-ins and settings", kUsersSql},
      {4, "governance: training catalogue, well-being check-ins, recommendations, scrutiny panels",
       governance_schema_sql()},
  };
  return kMigrations;
}

int latest_schema_version() { return migrations().back().version; }

std::string entity_columns(Entity entity) {
  std::string out;
  for (const FieldSpec& field : entity_spec(entity).fields) {
    if (!out.empty()) out += ", ";
    out += field.name;
  }
  return out;
}

Status migrate(Connection& connection) {
  Status created = connection.exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, "
      "applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP)");
  if (!created) return created;
  auto current = connection.prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  if (!current) return current.error();
  auto has_row = current->step();
  if (!has_row) return has_row.error();
  const std::int64_t version = current->column_int(0);
  if (version > latest_schema_version()) {
    return Error{"store_version", "the store is at schema version " + std::to_string(version) +
                                      ", newer than this program understands (" +
                                      std::to_string(latest_schema_version()) + "); upgrade rasso"};
  }
  for (const Migration& migration : migrations()) {
    if (migration.version <= version) continue;
    Status applied = connection.exec("BEGIN IMMEDIATE;\n" + migration.sql +
                                     "INSERT INTO schema_migrations (version, description) VALUES (" +
                                     std::to_string(migration.version) + ", '" + migration.description +
                                     "');\nCOMMIT;");
    if (!applied) {
      (void)connection.exec("ROLLBACK");
      return applied;
    }
  }
  return ok_status();
}

}  // namespace rasso::sqlite
