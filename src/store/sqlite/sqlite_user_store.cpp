#include "store/sqlite/sqlite_user_store.h"

namespace rasso::sqlite {
namespace {

std::string join_roles(const std::vector<std::string>& roles) {
  std::string out;
  for (const std::string& role : roles) out += (out.empty() ? "" : ";") + role;
  return out;
}

std::vector<std::string> split_roles(const std::string& text) {
  std::vector<std::string> roles;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find(';', start);
    const std::size_t stop = end == std::string::npos ? text.size() : end;
    if (stop > start) roles.push_back(text.substr(start, stop - start));
    start = stop + 1;
  }
  return roles;
}

constexpr const char* kUserColumns =
    "username, display_name, password_hash, roles, force_code, unit_code, disabled, locked, created_at";

UserRecord read_user(const Statement& query) {
  UserRecord user;
  user.username = query.column_text(0);
  user.display_name = query.column_text(1);
  user.password_hash = query.column_text(2);
  user.roles = split_roles(query.column_text(3));
  user.force_code = query.column_text(4);
  user.unit_code = query.column_text(5);
  user.disabled = query.column_int(6) != 0;
  user.locked = query.column_int(7) != 0;
  user.created_at = query.column_text(8);
  return user;
}

}  // namespace

Status insert_user(Connection& connection, const UserRecord& user) {
  auto existing = select_user(connection, user.username);
  if (!existing) return existing.error();
  if (*existing) return Error{"conflict", "a user called '" + user.username + "' already exists"};
  auto insert = connection.prepare(std::string("INSERT INTO users (") + kUserColumns + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (!insert) return insert.error();
  const std::string roles = join_roles(user.roles);
  insert->bind_text(1, user.username);
  insert->bind_text(2, user.display_name);
  insert->bind_text(3, user.password_hash);
  insert->bind_text(4, roles);
  insert->bind_text(5, user.force_code);
  insert->bind_text(6, user.unit_code);
  insert->bind_int(7, user.disabled ? 1 : 0);
  insert->bind_int(8, user.locked ? 1 : 0);
  insert->bind_text(9, user.created_at);
  auto done = insert->step();
  if (!done) return done.error();
  return ok_status();
}

Status update_user_row(Connection& connection, const UserRecord& user) {
  auto update = connection.prepare(
      "UPDATE users SET display_name = ?, password_hash = ?, roles = ?, force_code = ?, unit_code = ?, disabled = ?, "
      "locked = ? WHERE username = ?");
  if (!update) return update.error();
  const std::string roles = join_roles(user.roles);
  update->bind_text(1, user.display_name);
  update->bind_text(2, user.password_hash);
  update->bind_text(3, roles);
  update->bind_text(4, user.force_code);
  update->bind_text(5, user.unit_code);
  update->bind_int(6, user.disabled ? 1 : 0);
  update->bind_int(7, user.locked ? 1 : 0);
  update->bind_text(8, user.username);
  auto done = update->step();
  if (!done) return done.error();
  if (sqlite3_changes(connection.handle()) == 0) return Error{"not_found", "no user called '" + user.username + "'"};
  return ok_status();
}

Result<std::optional<UserRecord>> select_user(Connection& connection, std::string_view username) {
  auto query = connection.prepare(std::string("SELECT ") + kUserColumns + " FROM users WHERE username = ?");
  if (!query) return query.error();
  query->bind_text(1, username);
  auto row = query->step();
  if (!row) return row.error();
  if (!*row) return std::optional<UserRecord>();
  return std::optional<UserRecord>(read_user(*query));
}

Result<std::vector<UserRecord>> select_users(Connection& connection) {
  auto query = connection.prepare(std::string("SELECT ") + kUserColumns + " FROM users ORDER BY username");
  if (!query) return query.error();
  std::vector<UserRecord> users;
  while (true) {
    auto row = query->step();
    if (!row) return row.error();
    if (!*row) break;
    users.push_back(read_user(*query));
  }
  return users;
}

Result<int> insert_login_failure(Connection& connection, std::string_view username, std::string_view at, int lock_after) {
  auto insert = connection.prepare("INSERT INTO login_failures (username, failed_at) VALUES (?, ?)");
  if (!insert) return insert.error();
  insert->bind_text(1, username);
  insert->bind_text(2, at);
  if (auto done = insert->step(); !done) return done.error();
  auto count = connection.prepare("SELECT COUNT(*) FROM login_failures WHERE username = ?");
  if (!count) return count.error();
  count->bind_text(1, username);
  if (auto row = count->step(); !row) return row.error();
  const int failures = static_cast<int>(count->column_int(0));
  if (lock_after > 0 && failures >= lock_after) {
    auto lock = connection.prepare("UPDATE users SET locked = 1 WHERE username = ?");
    if (!lock) return lock.error();
    lock->bind_text(1, username);
    if (auto done = lock->step(); !done) return done.error();
  }
  return failures;
}

Status delete_login_failures(Connection& connection, std::string_view username) {
  auto remove = connection.prepare("DELETE FROM login_failures WHERE username = ?");
  if (!remove) return remove.error();
  remove->bind_text(1, username);
  auto done = remove->step();
  if (!done) return done.error();
  return ok_status();
}

Result<std::string> setting_or_insert(Connection& connection, std::string_view name, std::string_view value_if_absent) {
  auto insert = connection.prepare("INSERT OR IGNORE INTO settings (name, value) VALUES (?, ?)");
  if (!insert) return insert.error();
  insert->bind_text(1, name);
  insert->bind_text(2, value_if_absent);
  if (auto done = insert->step(); !done) return done.error();
  auto query = connection.prepare("SELECT value FROM settings WHERE name = ?");
  if (!query) return query.error();
  query->bind_text(1, name);
  auto row = query->step();
  if (!row) return row.error();
  return query->column_text(0);
}

}  // namespace rasso::sqlite
