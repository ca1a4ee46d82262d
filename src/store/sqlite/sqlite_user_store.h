#pragma once
// The SQL of the server's users, failed sign-ins and settings (migration 3). SqliteStore calls
// these inside its own transactions; each runs on the connection it is given. Not thread-safe.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "store/sqlite/sqlite_handle.h"
#include "store/user_records.h"

namespace rasso::sqlite {

/// Inserts `user`; error "conflict" when the username is taken.
Status insert_user(Connection& connection, const UserRecord& user);
/// Overwrites the row of user.username (every field but created_at); "not_found" if none.
Status update_user_row(Connection& connection, const UserRecord& user);
/// The user, or nullopt.
Result<std::optional<UserRecord>> select_user(Connection& connection, std::string_view username);
/// All users by username.
Result<std::vector<UserRecord>> select_users(Connection& connection);
/// Adds a failed sign-in and returns the user's stored count; locks the user at `lock_after` (> 0).
Result<int> insert_login_failure(Connection& connection, std::string_view username, std::string_view at, int lock_after);
/// Deletes the user's failed sign-ins.
Status delete_login_failures(Connection& connection, std::string_view username);
/// The setting, inserting `value_if_absent` first when there is none.
Result<std::string> setting_or_insert(Connection& connection, std::string_view name, std::string_view value_if_absent);

}  // namespace rasso::sqlite
