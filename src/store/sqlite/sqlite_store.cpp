#include "store/sqlite/sqlite_store.h"

#include <array>

#include "core/field_spec.h"
#include "store/sqlite/sqlite_handle.h"
#include "store/sqlite/sqlite_schema.h"

namespace rasso {
namespace {

using sqlite::Connection;
using sqlite::Statement;

constexpr std::size_t kEntityCount = kEntitiesInLoadOrder.size();
std::size_t slot(Entity entity) { return static_cast<std::size_t>(entity); }

std::string upsert_sql(const EntitySpec& spec) {
  const std::string name(spec.name());
  std::string placeholders;
  std::string updates;
  for (std::size_t i = 0; i < spec.fields.size(); ++i) {
    placeholders += "?, ";
    if (i > 0) updates += std::string(spec.fields[i].name) + " = excluded." + std::string(spec.fields[i].name) + ", ";
  }
  // Bare column names in DO UPDATE SET are the stored row's values. A row already written by
  // this import is left alone (nothing returned): that is a duplicate key within the extract.
  return "INSERT INTO " + name + " (" + sqlite::entity_columns(spec.entity) +
         ", row_fingerprint, first_import_id, last_import_id, changed_import_id, import_line) VALUES (" +
         placeholders + "?, ?, ?, ?, ?) ON CONFLICT (" + std::string(spec.key().name) + ") DO UPDATE SET " + updates +
         "changed_import_id = CASE WHEN row_fingerprint <> excluded.row_fingerprint THEN excluded.last_import_id "
         "ELSE changed_import_id END, row_fingerprint = excluded.row_fingerprint, "
         "last_import_id = excluded.last_import_id, import_line = excluded.import_line "
         "WHERE last_import_id <> excluded.last_import_id RETURNING first_import_id, changed_import_id";
}

// The initial-load form: a plain INSERT, used while an entity's table held nothing before this
// import, so no stored row can conflict and SQLite skips the upsert's conflict handling. A
// duplicate key within the extract then fails with a primary-key constraint error.
std::string insert_sql(const EntitySpec& spec) {
  std::string placeholders;
  for (std::size_t i = 0; i < spec.fields.size(); ++i) placeholders += "?, ";
  return "INSERT INTO " + std::string(spec.name()) + " (" + sqlite::entity_columns(spec.entity) +
         ", row_fingerprint, first_import_id, last_import_id, changed_import_id, import_line) VALUES (" +
         placeholders + "?, ?, ?, ?, ?)";
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

  Status commit(std::string_view finished_at, std::string_view summary_json) override {
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
  explicit SqliteStore(Connection connection) : connection_(std::move(connection)) {}

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

  Result<std::vector<std::vector<std::string>>> rows(Entity entity) override {
    const EntitySpec& spec = entity_spec(entity);
    auto query = connection_.prepare("SELECT " + sqlite::entity_columns(entity) + " FROM " + std::string(spec.name()) +
                                     " ORDER BY " + std::string(spec.key().name));
    if (!query) return query.error();
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

 private:
  Result<std::int64_t> scalar(const std::string& sql) {
    auto query = connection_.prepare(sql);
    if (!query) return query.error();
    auto row = query->step();
    if (!row) return row.error();
    return query->column_int(0);
  }

  Connection connection_;
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
