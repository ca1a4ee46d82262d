#pragma once
// The server's configuration: one TOML file (config/rasso.toml documents every key), overridden
// by command-line options. Every field has a default, so an empty file (or none) is valid.

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <string>

#include "core/result.h"
#include "server/password_hasher.h"
#include "server/session_manager.h"

namespace rasso::server {

struct ServerConfig {
  std::string db;                  // store path (empty: the CLI's default store)
  std::string listen = "127.0.0.1:8080";
  std::string web_dir;             // empty: the compiled-in web/dist of the source tree
  std::string tls_cert;            // PEM certificate chain; with tls_key, serve HTTPS (both or neither)
  std::string tls_key;             // PEM private key of tls_cert
  std::size_t io_threads = 1;
  std::size_t workers = 0;         // 0: one per core
  std::size_t max_body_bytes = 1 << 20;
  std::chrono::seconds shutdown_grace{10};
  SessionTimeouts sessions;
  PasswordCost password_cost;
  int lockout_after_failures = 5;
  std::size_t login_attempts_per_user = 10;     // per login window
  std::size_t login_attempts_per_address = 30;  // per login window
  std::chrono::seconds login_window{60};
  std::chrono::milliseconds audit_flush_interval{5};
  std::string log_level = "info";

  /// Whether the server speaks HTTPS: a certificate is configured. (resolve_server_config in
  /// server_app.h refuses a certificate without a key and the reverse.)
  bool tls() const { return !tls_cert.empty(); }
};

/// Reads `path` over the defaults. Errors: "config" with the file, line and key at fault (an
/// unknown key is an error too, so a typo is not silently ignored).
Result<ServerConfig> load_server_config(const std::filesystem::path& path);

/// Applies the TOML text `text` over `config` (load_server_config reads the file and calls this).
Result<ServerConfig> parse_server_config(std::string_view text, ServerConfig config, const std::string& source);

}  // namespace rasso::server
