#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "server/server_app.h"
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
  EXPECT_FALSE(config->tls()) << "the example serves plain HTTP on 127.0.0.1 until a certificate is set";
}

TEST(ServerConfig, ReadsTheTlsCertificateAndKey) {
  auto plain = parse_server_config("", ServerConfig{}, "test.toml");
  ASSERT_TRUE(plain) << plain.error().message;
  EXPECT_FALSE(plain->tls());
  auto config = parse_server_config("[server]\ntls_cert = \"/etc/rasso/server.crt\"\ntls_key = \"/etc/rasso/server.key\"\n",
                                    ServerConfig{}, "test.toml");
  ASSERT_TRUE(config) << config.error().message;
  EXPECT_EQ(config->tls_cert, "/etc/rasso/server.crt");
  EXPECT_EQ(config->tls_key, "/etc/rasso/server.key");
  EXPECT_TRUE(config->tls());

  auto wrong_type = parse_server_config("[server]\ntls_cert = true\n", ServerConfig{}, "test.toml");
  ASSERT_FALSE(wrong_type);
  EXPECT_NE(wrong_type.error().message.find("test.toml:2: server.tls_cert must be a string"), std::string::npos)
      << wrong_type.error().message;
  auto typo = parse_server_config("[server]\ntls_certificate = \"a.crt\"\n", ServerConfig{}, "test.toml");
  ASSERT_FALSE(typo);
  EXPECT_NE(typo.error().message.find("unknown setting 'server.tls_certificate'"), std::string::npos) << typo.error().message;
  auto wrong_section = parse_server_config("[security]\ntls_key = \"a.key\"\n", ServerConfig{}, "test.toml");
  ASSERT_FALSE(wrong_section);
}

TEST(ServerConfig, TlsNeedsBothTheCertificateAndTheKey) {
  ServeOptions only_certificate;
  only_certificate.tls_cert = "server.crt";
  auto missing_key = resolve_server_config(only_certificate);
  ASSERT_FALSE(missing_key);
  EXPECT_EQ(missing_key.error().code, "invalid_input");
  EXPECT_NE(missing_key.error().message.find("--tls-key (server.tls_key) is not set"), std::string::npos)
      << missing_key.error().message;

  ServeOptions only_key;
  only_key.tls_key = "server.key";
  auto missing_certificate = resolve_server_config(only_key);
  ASSERT_FALSE(missing_certificate);
  EXPECT_NE(missing_certificate.error().message.find("--tls-cert (server.tls_cert) is not set"), std::string::npos)
      << missing_certificate.error().message;

  // The file may give one and the command line the other; the command line wins for its own.
  const auto file = std::filesystem::temp_directory_path() / ("rasso-tls-config-" + std::to_string(::getpid()) + ".toml");
  std::ofstream(file) << "[server]\ntls_cert = \"file.crt\"\ntls_key = \"file.key\"\n";
  ServeOptions mixed;
  mixed.config_file = file.string();
  mixed.tls_key = "command-line.key";
  auto both = resolve_server_config(mixed);
  std::filesystem::remove(file);
  ASSERT_TRUE(both) << both.error().message;
  EXPECT_EQ(both->tls_cert, "file.crt");
  EXPECT_EQ(both->tls_key, "command-line.key");
  EXPECT_TRUE(both->tls());
}

}  // namespace
}  // namespace rasso::server
