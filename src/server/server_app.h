#pragma once
// Starting and running `rasso serve`: configuration (file plus command-line overrides), the
// store, the state loaded into memory, the audit writer, the workers and the HTTP listener,
// then a graceful stop on SIGTERM/SIGINT.

#include <optional>
#include <string>

#include "core/result.h"
#include "server/server_config.h"

namespace rasso::server {

/// What the command line gives; a set field overrides the configuration file.
struct ServeOptions {
  std::string config_file;
  std::optional<std::string> db;
  std::optional<std::string> listen;
  std::optional<std::string> web_dir;
  std::optional<std::string> tls_cert;
  std::optional<std::string> tls_key;
};

/// The configuration `options` describe: defaults, then the file, then the overrides. The
/// default web folder is the source tree's web/dist. Error "invalid_input" when only one of the
/// TLS certificate and key is set (after the overrides: the file may give one, the command line
/// the other).
Result<ServerConfig> resolve_server_config(const ServeOptions& options);

/// Serves until SIGTERM or SIGINT. Prints "listening on http://HOST:PORT" ("https://" when TLS
/// is configured) as the first line of standard output once the port is bound; logs go to
/// standard error as JSON lines. Returns after a graceful stop, or the error that kept the
/// server from starting: "io" naming the file when the TLS certificate or key cannot be read,
/// is not PEM, or the key does not belong to the certificate (checked before the store loads).
Status run_server(const ServerConfig& config);

}  // namespace rasso::server
