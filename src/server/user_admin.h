#pragma once
// Managing the server's users, shared by `rasso user` and the administrator's API: adding one
// (validated name, roles and scope; password hashed with argon2id), disabling one (erasure of
// access, audited) and resetting a password (which also unlocks the account). Each change is
// written with its audit event in one transaction.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/code_table.h"
#include "core/result.h"
#include "server/password_hasher.h"
#include "store/store.h"

namespace rasso::server {

struct NewUser {
  std::string username;      // 2-64 of a-z 0-9 . _ -
  std::string display_name;  // default: the username
  std::string password;
  std::vector<std::string> roles;
  std::string force_code;
  std::string unit_code;     // optional
};

/// Who makes a change, when, and the request it belongs to (for the audit event).
struct AdminActor {
  std::string actor;
  std::string now;
  std::string correlation_id;
  std::string purpose = "user administration";
};

/// Validates and adds `user`. Errors: "invalid_input" (bad name, no or unknown role, no force,
/// a force not in the force code table of `codes` when given, weak password), "conflict" (name
/// taken), or the store's error.
Result<UserRecord> add_user(Store& store, const NewUser& user, const PasswordCost& cost, const AdminActor& by,
                            const CodeTables* codes);

/// Disables `username` (they can no longer sign in). Error "not_found" if unknown.
Result<UserRecord> disable_user(Store& store, const std::string& username, const AdminActor& by);

/// Sets a new password for `username`, unlocks the account and forgets its failed sign-ins.
Result<UserRecord> reset_password(Store& store, const std::string& username, const std::string& password,
                                  const PasswordCost& cost, const AdminActor& by);

/// A user as the API shows it (never the password hash).
nlohmann::json user_json(const UserRecord& user);

}  // namespace rasso::server
