#include <gtest/gtest.h>

#include "server/session_manager.h"

namespace rasso::server {
namespace {

using namespace std::chrono_literals;

struct FakeClock {
  TimePoint now = TimePoint{} + 1000h;
  Clock clock() {
    return [this] { return now; };
  }
};

SessionUser investigator() { return SessionUser{"ivy", "Ivy", {Role::Investigator}, "XF", ""}; }

TEST(ServerSessionManager, IdleTimeoutEndsAnUnusedSession) {
  FakeClock time;
  SessionManager sessions({30min, 8h}, time.clock());
  const Session session = sessions.create(investigator());
  EXPECT_EQ(session.id.size(), 64u);
  EXPECT_NE(session.id, session.csrf_token);
  time.now += 29min;
  ASSERT_TRUE(sessions.touch(session.id));
  time.now += 29min;  // 58 minutes after sign-in, but only 29 idle
  ASSERT_TRUE(sessions.touch(session.id));
  time.now += 31min;
  auto expired = sessions.touch(session.id);
  ASSERT_FALSE(expired);
  EXPECT_EQ(expired.error().code, "session_expired");
  EXPECT_EQ(sessions.touch(session.id).error().code, "unauthenticated") << "an expired session is forgotten";
}

TEST(ServerSessionManager, AbsoluteTimeoutEndsEvenABusySession) {
  FakeClock time;
  SessionManager sessions({30min, 8h}, time.clock());
  const Session session = sessions.create(investigator());
  for (int i = 0; i < 40; ++i) {  // 15-minute steps reach 8 hours at i = 31
    time.now += 15min;
    if (time.now - session.created_at >= 8h) break;
    ASSERT_TRUE(sessions.touch(session.id)) << "after " << i;
  }
  EXPECT_EQ(sessions.touch(session.id).error().code, "session_expired");
}

TEST(ServerSessionManager, ExpiryIsTheEarlierOfIdleAndAbsolute) {
  FakeClock time;
  SessionManager sessions({30min, 1h}, time.clock());
  const Session session = sessions.create(investigator());
  EXPECT_EQ(session.expires_at, session.created_at + 30min);
  time.now += 45min;
  auto touched = sessions.touch(session.id);
  ASSERT_FALSE(touched);
  const Session second = sessions.create(investigator());
  time.now += 25min;
  ASSERT_TRUE(sessions.touch(second.id));
  time.now += 25min;
  auto late = sessions.touch(second.id);
  ASSERT_TRUE(late);
  EXPECT_EQ(late->expires_at, second.created_at + 1h);
}

TEST(ServerSessionManager, RemovingAUserEndsAllTheirSessions) {
  FakeClock time;
  SessionManager sessions({30min, 8h}, time.clock());
  const Session a = sessions.create(investigator());
  const Session b = sessions.create(investigator());
  const Session other = sessions.create(SessionUser{"sam", "Sam", {Role::Supervisor}, "XF", ""});
  EXPECT_EQ(sessions.active(), 3u);
  sessions.remove_user("ivy");
  EXPECT_FALSE(sessions.touch(a.id));
  EXPECT_FALSE(sessions.touch(b.id));
  EXPECT_TRUE(sessions.touch(other.id));
  sessions.remove(other.id);
  EXPECT_EQ(sessions.active(), 0u);
}

TEST(ServerCsrf, TokenMustMatchExactly) {
  const std::string token = random_token();
  EXPECT_TRUE(csrf_token_matches(token, token));
  EXPECT_FALSE(csrf_token_matches(token, ""));
  EXPECT_FALSE(csrf_token_matches("", ""));
  EXPECT_FALSE(csrf_token_matches(token, token.substr(0, 63)));
  std::string flipped = token;
  flipped[10] = flipped[10] == 'a' ? 'b' : 'a';
  EXPECT_FALSE(csrf_token_matches(token, flipped));
  EXPECT_NE(random_token(), random_token());
}

}  // namespace
}  // namespace rasso::server
