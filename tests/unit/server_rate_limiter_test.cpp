#include <gtest/gtest.h>

#include "server/rate_limiter.h"

namespace rasso::server {
namespace {

using namespace std::chrono_literals;

TEST(ServerRateLimiter, AllowsTheLimitPerWindowPerKey) {
  TimePoint now = TimePoint{} + 100h;
  RateLimiter limiter(3, 60s, [&] { return now; });
  EXPECT_TRUE(limiter.allow("ivy"));
  EXPECT_TRUE(limiter.allow("ivy"));
  EXPECT_TRUE(limiter.allow("ivy"));
  EXPECT_FALSE(limiter.allow("ivy"));
  EXPECT_TRUE(limiter.allow("sam")) << "keys are counted apart";
  now += 30s;
  EXPECT_FALSE(limiter.allow("ivy"));
  now += 31s;  // the first three have left the window
  EXPECT_TRUE(limiter.allow("ivy"));
}

TEST(ServerRateLimiter, RefusedAttemptsDoNotExtendTheBlock) {
  TimePoint now = TimePoint{} + 100h;
  RateLimiter limiter(1, 10s, [&] { return now; });
  EXPECT_TRUE(limiter.allow("a"));
  for (int i = 0; i < 5; ++i) {
    now += 1s;
    EXPECT_FALSE(limiter.allow("a"));
  }
  now += 5s;
  EXPECT_TRUE(limiter.allow("a"));
}

TEST(ServerRateLimiter, ZeroMeansNoLimit) {
  RateLimiter limiter(0, 10s, [] { return TimePoint{}; });
  for (int i = 0; i < 100; ++i) EXPECT_TRUE(limiter.allow("a"));
}

}  // namespace
}  // namespace rasso::server
