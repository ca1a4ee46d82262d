#include "server/sign_in.h"

namespace rasso::server {

SessionUser session_user_of(const UserRecord& user) {
  SessionUser out;
  out.username = user.username;
  out.display_name = user.display_name;
  for (const std::string& name : user.roles) {
    if (const auto role = role_from_name(name)) out.roles.push_back(*role);
  }
  out.force_code = user.force_code;
  out.unit_code = user.unit_code;
  return out;
}

Result<Session> sign_in(ServerContext& context, Store& store, const std::string& username, const std::string& password,
                        const std::string& client_address) {
  if (username.empty() || password.empty()) return Error{"invalid_input", "username and password are required"};
  if (!context.login_by_address.allow(client_address) || !context.login_by_user.allow(username)) {
    return Error{"rate_limited", "too many sign-in attempts; wait a minute and try again"};
  }
  const Error invalid{"invalid_credentials", "wrong username or password"};
  auto found = store.find_user(username);
  if (!found) return found.error();
  if (!*found) {
    // Spend the same effort as a real check so timing does not reveal which names exist.
    static const std::string dummy = hash_password("not-a-real-password", context.config.password_cost).value();
    (void)verify_password(dummy, password);
    return invalid;
  }
  const UserRecord& user = **found;
  if (user.locked) return Error{"account_locked", "this account is locked after repeated failed sign-ins; ask an administrator"};
  if (!verify_password(user.password_hash, password) || user.disabled) {
    if (user.disabled) return invalid;
    auto failures = store.record_login_failure(username, iso_timestamp(context.clock()), context.config.lockout_after_failures);
    if (!failures) return failures.error();
    if (context.config.lockout_after_failures > 0 && *failures >= context.config.lockout_after_failures) {
      return Error{"account_locked", "this account is now locked after repeated failed sign-ins; ask an administrator"};
    }
    return invalid;
  }
  if (Status cleared = store.clear_login_failures(username); !cleared) return cleared.error();
  return context.sessions.create(session_user_of(user));
}

}  // namespace rasso::server
