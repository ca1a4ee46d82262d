// rasso serve: the HTTP API and the web front end (src/server), over HTTPS with --tls-cert/--tls-key.

#include <fmt/format.h>

#include "cli/command_context.h"
#include "cli/commands.h"
#include "server/server_app.h"

namespace rasso::cli {

void register_serve_command(CLI::App& app, CommandContext& context) {
  struct Options {
    std::string db, listen, config, web_dir, tls_cert, tls_key;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand("serve", "Serve the web application and the JSON API (stop with Ctrl-C or SIGTERM)");
  command->add_option("--db", options->db, "Store file (default: the config file's server.db, else $RASSO_DB or var/demo.db)");
  command->add_option("--listen", options->listen, "host:port to listen on (default 127.0.0.1:8080; port 0 picks a free one)");
  command->add_option("--config", options->config, "Configuration file (TOML; see config/rasso.toml)");
  command->add_option("--web-dir", options->web_dir, "Folder of the built web front end (default: web/dist of the source tree)");
  command->add_option("--tls-cert", options->tls_cert,
                      "Serve HTTPS with this PEM certificate chain (needs --tls-key; default: the config file's server.tls_cert)");
  command->add_option("--tls-key", options->tls_key, "The certificate's PEM private key, unencrypted (needs --tls-cert)");
  command->callback([options, &context] {
    server::ServeOptions serve;
    serve.config_file = options->config;
    if (!options->listen.empty()) serve.listen = options->listen;
    if (!options->web_dir.empty()) serve.web_dir = options->web_dir;
    if (!options->tls_cert.empty()) serve.tls_cert = options->tls_cert;
    if (!options->tls_key.empty()) serve.tls_key = options->tls_key;
    auto config = server::resolve_server_config(serve);
    if (!config) return context.fail(config.error());
    // --db wins, then the file's server.db, then the CLI's default store.
    if (!options->db.empty()) {
      config->db = options->db;
    } else if (config->db.empty()) {
      config->db = default_store_path();
    }
    Status served = server::run_server(*config);
    if (!served) return context.fail(served.error());
  });
}

}  // namespace rasso::cli
