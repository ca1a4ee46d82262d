#include "server/server_config.h"

#include <fstream>
#include <set>
#include <sstream>

#include <toml++/toml.h>

namespace rasso::server {
namespace {

const std::set<std::string> kKnownKeys = {
    "server.db", "server.listen", "server.web_dir", "server.io_threads", "server.workers", "server.max_body_bytes",
    "server.shutdown_grace_seconds", "server.log_level", "server.tls_cert", "server.tls_key", "sessions.idle_timeout_seconds",
    "sessions.absolute_timeout_seconds", "security.argon2_ops_limit", "security.argon2_mem_limit_kib",
    "security.lockout_after_failures", "security.login_attempts_per_user", "security.login_attempts_per_address",
    "security.login_window_seconds", "audit.flush_interval_ms"};

Error config_error(const std::string& source, const toml::source_region& where, const std::string& message) {
  return Error{"config", source + ":" + std::to_string(where.begin.line) + ": " + message};
}

template <typename T>
Result<T> integer_at(const toml::table& root, const std::string& dotted, T fallback, long long min, const std::string& source) {
  const toml::node* node = root.at_path(dotted).node();
  if (node == nullptr) return fallback;
  const auto value = node->value<long long>();
  if (!value || *value < min) {
    return config_error(source, node->source(), dotted + " must be a whole number >= " + std::to_string(min));
  }
  return static_cast<T>(*value);
}

Result<std::string> string_at(const toml::table& root, const std::string& dotted, std::string fallback,
                              const std::string& source) {
  const toml::node* node = root.at_path(dotted).node();
  if (node == nullptr) return fallback;
  const auto value = node->value<std::string>();
  if (!value) return config_error(source, node->source(), dotted + " must be a string");
  return *value;
}

Status check_keys(const toml::table& root, const std::string& source) {
  for (const auto& [section, node] : root) {
    const toml::table* table = node.as_table();
    if (table == nullptr) return config_error(source, node.source(), "'" + std::string(section.str()) + "' must be a [section]");
    for (const auto& [key, value] : *table) {
      const std::string dotted = std::string(section.str()) + "." + std::string(key.str());
      if (!kKnownKeys.contains(dotted)) return config_error(source, value.source(), "unknown setting '" + dotted + "'");
    }
  }
  return ok_status();
}

}  // namespace

Result<ServerConfig> parse_server_config(std::string_view text, ServerConfig config, const std::string& source) {
  toml::table root;
  try {
    root = toml::parse(text, source);
  } catch (const toml::parse_error& error) {
    return config_error(source, error.source(), std::string(error.description()));
  }
  if (Status known = check_keys(root, source); !known) return known.error();
#define RASSO_READ(target, expression) \
  do {                                 \
    auto value = (expression);         \
    if (!value) return value.error();  \
    target = *value;                   \
  } while (false)
  RASSO_READ(config.db, string_at(root, "server.db", config.db, source));
  RASSO_READ(config.listen, string_at(root, "server.listen", config.listen, source));
  RASSO_READ(config.web_dir, string_at(root, "server.web_dir", config.web_dir, source));
  RASSO_READ(config.tls_cert, string_at(root, "server.tls_cert", config.tls_cert, source));
  RASSO_READ(config.tls_key, string_at(root, "server.tls_key", config.tls_key, source));
  RASSO_READ(config.log_level, string_at(root, "server.log_level", config.log_level, source));
  RASSO_READ(config.io_threads, integer_at<std::size_t>(root, "server.io_threads", config.io_threads, 1, source));
  RASSO_READ(config.workers, integer_at<std::size_t>(root, "server.workers", config.workers, 0, source));
  RASSO_READ(config.max_body_bytes, integer_at<std::size_t>(root, "server.max_body_bytes", config.max_body_bytes, 1024, source));
  long long grace = 0, idle = 0, absolute = 0, mem_kib = 0, window = 0, flush = 0;
  RASSO_READ(grace, integer_at<long long>(root, "server.shutdown_grace_seconds", config.shutdown_grace.count(), 0, source));
  RASSO_READ(idle, integer_at<long long>(root, "sessions.idle_timeout_seconds", config.sessions.idle.count(), 1, source));
  RASSO_READ(absolute, integer_at<long long>(root, "sessions.absolute_timeout_seconds", config.sessions.absolute.count(), 1, source));
  RASSO_READ(config.password_cost.ops_limit,
             integer_at<unsigned long long>(root, "security.argon2_ops_limit", config.password_cost.ops_limit, 1, source));
  RASSO_READ(mem_kib, integer_at<long long>(root, "security.argon2_mem_limit_kib", static_cast<long long>(config.password_cost.mem_limit_bytes / 1024), 8, source));
  RASSO_READ(config.lockout_after_failures, integer_at<int>(root, "security.lockout_after_failures", config.lockout_after_failures, 0, source));
  RASSO_READ(config.login_attempts_per_user, integer_at<std::size_t>(root, "security.login_attempts_per_user", config.login_attempts_per_user, 0, source));
  RASSO_READ(config.login_attempts_per_address, integer_at<std::size_t>(root, "security.login_attempts_per_address", config.login_attempts_per_address, 0, source));
  RASSO_READ(window, integer_at<long long>(root, "security.login_window_seconds", config.login_window.count(), 1, source));
  RASSO_READ(flush, integer_at<long long>(root, "audit.flush_interval_ms", config.audit_flush_interval.count(), 1, source));
#undef RASSO_READ
  config.shutdown_grace = std::chrono::seconds(grace);
  config.sessions.idle = std::chrono::seconds(idle);
  config.sessions.absolute = std::chrono::seconds(absolute);
  config.password_cost.mem_limit_bytes = static_cast<std::size_t>(mem_kib) * 1024;
  config.login_window = std::chrono::seconds(window);
  config.audit_flush_interval = std::chrono::milliseconds(flush);
  return config;
}

Result<ServerConfig> load_server_config(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{"config", path.string() + ": cannot read the configuration file"};
  std::ostringstream text;
  text << in.rdbuf();
  return parse_server_config(text.str(), ServerConfig{}, path.string());
}

}  // namespace rasso::server
