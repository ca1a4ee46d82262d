#include "server/rate_limiter.h"

namespace rasso::server {

RateLimiter::RateLimiter(std::size_t limit, std::chrono::seconds window, Clock clock)
    : limit_(limit), window_(window), clock_(std::move(clock)) {}

bool RateLimiter::allow(std::string_view key) {
  if (limit_ == 0) return true;
  const TimePoint now = clock_();
  std::lock_guard lock(mutex_);
  if (++calls_since_prune_ >= 1024) {
    calls_since_prune_ = 0;
    std::erase_if(attempts_, [&](const auto& entry) { return entry.second.empty() || entry.second.back() <= now - window_; });
  }
  std::deque<TimePoint>& times = attempts_[std::string(key)];
  while (!times.empty() && times.front() <= now - window_) times.pop_front();
  if (times.size() >= limit_) return false;
  times.push_back(now);
  return true;
}

}  // namespace rasso::server
