#pragma once
// Thin RAII owners for a SQLite connection and prepared statement, so that every error carries
// SQLite's own message and no handle leaks on an early return. Not thread-safe.

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "core/result.h"

namespace rasso::sqlite {

class Statement {
 public:
  Statement() = default;
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(Statement&& other) noexcept : db_(other.db_), stmt_(other.stmt_) { other.stmt_ = nullptr; }
  Statement& operator=(Statement&& other) noexcept {
    std::swap(db_, other.db_);
    std::swap(stmt_, other.stmt_);
    return *this;
  }

  /// Binds `text` to the 1-based parameter without copying it: `text` must stay valid until the
  /// statement is stepped and reset. An empty string binds NULL.
  void bind_text_or_null(int index, std::string_view text);
  /// Like bind_text_or_null, but an empty string binds an empty text value, not NULL.
  void bind_text(int index, std::string_view text) {
    sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
  }
  void bind_int(int index, std::int64_t value);
  void bind_double(int index, double value) { sqlite3_bind_double(stmt_, index, value); }
  /// Steps once. Returns true when a row is available, false when done; an error otherwise.
  Result<bool> step();
  /// Resets for re-execution and clears bindings.
  void reset();
  std::int64_t column_int(int index) const { return sqlite3_column_int64(stmt_, index); }
  double column_double(int index) const { return sqlite3_column_double(stmt_, index); }
  /// The column as text; NULL reads as an empty string.
  std::string column_text(int index) const;
  /// The column as text without a copy, valid until the next step() (NULL reads as empty).
  std::string_view column_view(int index) const;
  int column_count() const { return sqlite3_column_count(stmt_); }

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

class Connection {
 public:
  /// Opens (creating if `create`) the database at `path` with foreign keys on, WAL journal,
  /// synchronous NORMAL and a busy timeout. Error code "store_open" on failure.
  static Result<Connection> open(const std::filesystem::path& path, bool create);
  Connection() = default;
  ~Connection() { sqlite3_close_v2(db_); }
  Connection(Connection&& other) noexcept : db_(other.db_) { other.db_ = nullptr; }
  Connection& operator=(Connection&& other) noexcept {
    std::swap(db_, other.db_);
    return *this;
  }

  /// Runs one or more statements that return no rows.
  Status exec(std::string_view sql);
  Result<Statement> prepare(std::string_view sql);
  sqlite3* handle() const { return db_; }

 private:
  explicit Connection(sqlite3* db) : db_(db) {}
  sqlite3* db_ = nullptr;
};

/// An error value with code "store" carrying SQLite's message for `db`.
Error sqlite_error(sqlite3* db, std::string_view context);

}  // namespace rasso::sqlite
