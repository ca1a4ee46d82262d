#pragma once
// A sliding-window rate limiter: at most `limit` events per key within `window`. The server uses
// two for sign-in (per username, per client address). Thread-safe; memory is bounded by pruning
// keys whose events have all left the window.

#include <chrono>
#include <cstddef>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "server/server_clock.h"

namespace rasso::server {

class RateLimiter {
 public:
  RateLimiter(std::size_t limit, std::chrono::seconds window, Clock clock);

  /// Records an attempt for `key` and returns true if it is within the limit; an attempt over
  /// the limit is refused and not recorded. A limit of 0 allows everything.
  bool allow(std::string_view key);

 private:
  std::size_t limit_;
  std::chrono::seconds window_;
  Clock clock_;
  std::mutex mutex_;
  std::unordered_map<std::string, std::deque<TimePoint>> attempts_;
  std::size_t calls_since_prune_ = 0;
};

}  // namespace rasso::server
