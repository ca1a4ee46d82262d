#include <gtest/gtest.h>

#include <fstream>

#include "server/server_config.h"

namespace rasso::server {
namespace {

TEST(ServerConfig, DefaultsWhenEmpty) {
  auto config = parse_server_config("", ServerConfig{}, "test.toml");
  ASSERT_TRUE(config) << config.error().message;
  EXPECT_EQ(config->listen, "127.0.0.1:8080");
  EXPECT_EQ(config->sessions.idle, std::chrono::minutes(30));
  EXPECT_EQ(config->sessions.absolute, std::chrono::hours(8));
  EXPECT_EQ(config->password_cost.ops_limit, 2u);
}

TEST(ServerConfig, ReadsEverySection) {
  auto config = parse_server_config(R"(
[server]
listen = "0.0.0.0:9000"
workers = 3
[sessions]
idle_timeout_seconds = 60
absolute_timeout_seconds = 600
[security]
argon2_ops_limit = 1
argon2_mem_limit_kib = 8
lockout_after_failures = 3
[audit]
flush_interval_ms = 2
)",
                                    ServerConfig{}, "test.toml");
  ASSERT_TRUE(config) << config.error().message;
  EXPECT_EQ(config->listen, "0.0.0.0:9000");
  EXPECT_EQ(config->workers, 3u);
  EXPECT_EQ(config->sessions.idle, std::chrono::seconds(60));
  EXPECT_EQ(config->password_cost.mem_limit_bytes, 8u * 1024);
  EXPECT_EQ(config->lockout_after_failures, 3);
  EXPECT_EQ(config->audit_flush_interval, std::chrono::milliseconds(2));
}

TEST(ServerConfig, UnknownKeysAndBadValuesAreErrorsWithTheLine) {
  auto typo = parse_server_config("[server]\nlisten = \"x:1\"\nworkerz = 2\n", ServerConfig{}, "test.toml");
  ASSERT_FALSE(typo);
  EXPECT_NE(typo.error().message.find("test.toml:3"), std::string::npos) << typo.error().message;
  EXPECT_NE(typo.error().message.find("server.workerz"), std::string::npos);
  auto negative = parse_server_config("[sessions]\nidle_timeout_seconds = 0\n", ServerConfig{}, "test.toml");
  ASSERT_FALSE(negative);
  auto wrong_type = parse_server_config("[server]\nlisten = 8080\n", ServerConfig{}, "test.toml");
  ASSERT_FALSE(wrong_type);
  auto broken = parse_server_config("[server\n", ServerConfig{}, "test.toml");
  ASSERT_FALSE(broken);
  EXPECT_EQ(broken.error().code, "config");
}

TEST(ServerConfig, TheCommittedExampleIsValid) {
  auto config = load_server_config(std::string(RASSO_SOURCE_DIR) + "/config/rasso.toml");
  ASSERT_TRUE(config) << config.error().message;
}

}  // namespace
}  // namespace rasso::server
