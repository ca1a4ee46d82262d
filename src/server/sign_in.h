#pragma once
// Signing in: rate limits (per username and per client address), the stored lockout after
// repeated failures, the argon2id check, then a new session.

#include <string>

#include "core/result.h"
#include "server/server_context.h"
#include "server/session_manager.h"
#include "store/store.h"

namespace rasso::server {

/// Signs `username` in from `client_address`. Errors: "rate_limited" (too many attempts for the
/// name or the address in the window), "account_locked" (locked now, or by this failure),
/// "invalid_credentials" (unknown user, wrong password, disabled account: one message for all,
/// so the answer does not reveal which names exist), "invalid_input" (empty fields) or the
/// store's error. A failure for a known user is stored; a success clears the stored failures.
Result<Session> sign_in(ServerContext& context, Store& store, const std::string& username, const std::string& password,
                        const std::string& client_address);

/// The session user for a stored user record.
SessionUser session_user_of(const UserRecord& user);

}  // namespace rasso::server
