#include "store/sqlite/sqlite_handle.h"

namespace rasso::sqlite {

Error sqlite_error(sqlite3* db, std::string_view context) {
  const int code = sqlite3_extended_errcode(db);
  const bool busy = (code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED;
  return Error{busy ? "busy" : "store", std::string(context) + ": " + sqlite3_errmsg(db)};
}

void Statement::bind_text_or_null(int index, std::string_view text) {
  if (text.empty()) {
    sqlite3_bind_null(stmt_, index);
  } else {
    // The caller keeps `text` alive until step(), so SQLite need not copy it.
    sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
  }
}

void Statement::bind_int(int index, std::int64_t value) { sqlite3_bind_int64(stmt_, index, value); }

Result<bool> Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return sqlite_error(db_, "executing statement");
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::string Statement::column_text(int index) const {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, index));
  if (text == nullptr) return {};
  return std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, index)));
}

std::string_view Statement::column_view(int index) const {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, index));
  if (text == nullptr) return {};
  return std::string_view(text, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, index)));
}

Result<Connection> Connection::open(const std::filesystem::path& path, bool create) {
  // Memory statistics take a global mutex on every allocation; nothing here reads them. Must be
  // configured before SQLite initialises, hence once per process.
  static const int configured_once = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  (void)configured_once;
  sqlite3* db = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    Error error{"store_open", path.string() + ": " + (db ? sqlite3_errmsg(db) : "cannot open")};
    sqlite3_close_v2(db);
    return error;
  }
  Connection connection(db);
  sqlite3_busy_timeout(db, 10000);
  Status configured = connection.exec(
      "PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; "
      "PRAGMA temp_store = MEMORY; PRAGMA cache_size = -262144;");
  if (!configured) return Error{"store_open", path.string() + ": " + configured.error().message};
  return connection;
}

Status Connection::exec(std::string_view sql) {
  char* message = nullptr;
  const std::string owned(sql);
  if (sqlite3_exec(db_, owned.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    Error error = sqlite_error(db_, "running SQL");
    sqlite3_free(message);
    return error;
  }
  return ok_status();
}

Result<Statement> Connection::prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) !=
      SQLITE_OK) {
    return sqlite_error(db_, "preparing '" + std::string(sql.substr(0, 80)) + "'");
  }
  return Statement(db_, stmt);
}

}  // namespace rasso::sqlite
