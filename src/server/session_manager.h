#pragma once
// Server-side sessions: a random 256-bit id (the cookie) maps to the signed-in user, a per-session
// CSRF token, and the times that end it: idle (no request for the idle timeout) and absolute
// (the absolute timeout after sign-in, however busy). Held in memory: a restart signs everyone
// out. Thread-safe.

#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/result.h"
#include "server/access_policy.h"
#include "server/server_clock.h"

namespace rasso::server {

struct Session {
  std::string id;          // 64 hex digits
  std::string csrf_token;  // 64 hex digits, sent back in X-CSRF-Token on state-changing requests
  SessionUser user;
  TimePoint created_at;
  TimePoint last_seen;
  TimePoint expires_at;    // the earlier of idle and absolute expiry, as of last_seen
};

struct SessionTimeouts {
  std::chrono::seconds idle{30 * 60};
  std::chrono::seconds absolute{8 * 60 * 60};
};

class SessionManager {
 public:
  SessionManager(SessionTimeouts timeouts, Clock clock);

  /// Starts a session for `user` and returns it.
  Session create(SessionUser user);

  /// The session `id`, its idle time restarted. Errors: "unauthenticated" when there is no such
  /// session, "session_expired" when it timed out (it is then removed).
  Result<Session> touch(std::string_view id);

  /// Ends the session `id` (no error if there is none).
  void remove(std::string_view id);
  /// Ends every session of `username` (a disabled user is signed out at once).
  void remove_user(std::string_view username);
  /// Sessions not yet timed out.
  std::size_t active() const;

 private:
  TimePoint expiry(const Session& session) const;

  SessionTimeouts timeouts_;
  Clock clock_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Session> sessions_;
};

/// True when `presented` equals the session's CSRF token, compared in constant time.
bool csrf_token_matches(std::string_view expected, std::string_view presented);

/// 32 random bytes as 64 hex digits.
std::string random_token();

}  // namespace rasso::server
