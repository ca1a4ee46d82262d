#include "server/session_manager.h"

#include <sodium.h>

#include <algorithm>

namespace rasso::server {

std::string random_token() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not start");
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  char hex[65];
  sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
  return hex;
}

bool csrf_token_matches(std::string_view expected, std::string_view presented) {
  if (expected.empty() || expected.size() != presented.size()) return false;
  return sodium_memcmp(expected.data(), presented.data(), expected.size()) == 0;
}

SessionManager::SessionManager(SessionTimeouts timeouts, Clock clock) : timeouts_(timeouts), clock_(std::move(clock)) {}

TimePoint SessionManager::expiry(const Session& session) const {
  return std::min(session.last_seen + timeouts_.idle, session.created_at + timeouts_.absolute);
}

Session SessionManager::create(SessionUser user) {
  Session session;
  session.id = random_token();
  session.csrf_token = random_token();
  session.user = std::move(user);
  session.created_at = clock_();
  session.last_seen = session.created_at;
  session.expires_at = expiry(session);
  std::lock_guard lock(mutex_);
  sessions_[session.id] = session;
  return session;
}

Result<Session> SessionManager::touch(std::string_view id) {
  const TimePoint now = clock_();
  std::lock_guard lock(mutex_);
  auto found = sessions_.find(std::string(id));
  if (found == sessions_.end()) return Error{"unauthenticated", "sign in first"};
  Session& session = found->second;
  if (now >= expiry(session)) {
    sessions_.erase(found);
    return Error{"session_expired", "your session has ended; sign in again"};
  }
  session.last_seen = now;
  session.expires_at = expiry(session);
  return session;
}

void SessionManager::remove(std::string_view id) {
  std::lock_guard lock(mutex_);
  sessions_.erase(std::string(id));
}

void SessionManager::remove_user(std::string_view username) {
  std::lock_guard lock(mutex_);
  std::erase_if(sessions_, [&](const auto& entry) { return entry.second.user.username == username; });
}

std::size_t SessionManager::active() const {
  const TimePoint now = clock_();
  std::lock_guard lock(mutex_);
  return static_cast<std::size_t>(
      std::count_if(sessions_.begin(), sessions_.end(), [&](const auto& entry) { return now < expiry(entry.second); }));
}

}  // namespace rasso::server
