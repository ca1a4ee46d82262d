#include "server/server_app.h"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <optional>
#include <thread>

#include "analytics/offence_facts.h"
#include "ingest/bank_holiday_file.h"
#include "ingest/reference_data.h"
#include "server/api_routes.h"
#include "server/http_server.h"
#include "server/pseudonymiser.h"
#include "server/server_context.h"
#include "server/worker_pool.h"
#include "store/sqlite/sqlite_store.h"

namespace rasso::server {
namespace {

void set_up_logging(const std::string& level) {
  auto logger = spdlog::stderr_logger_mt("rasso-serve");
  logger->set_pattern("{\"ts\":\"%Y-%m-%dT%H:%M:%S.%eZ\",\"level\":\"%l\",\"event\":%v}", spdlog::pattern_time_type::utc);
  logger->set_level(spdlog::level::from_str(level));
  spdlog::set_default_logger(logger);
}

Result<StaticInputs> load_static_inputs() {
  auto codes = load_code_tables(reference_data_dir());
  if (!codes) return codes.error();
  auto holidays = load_bank_holidays(reference_data_dir());
  if (!holidays) return holidays.error();
  auto rules = make_worklist_rules(*codes, *holidays);
  if (!rules) return rules.error();
  StaticInputs inputs;
  inputs.offences = std::make_shared<const std::map<std::string, OffenceInfo, std::less<>>>(offence_facts(*codes));
  inputs.codes = std::make_shared<const CodeTables>(std::move(*codes));
  inputs.rules = std::make_shared<const WorklistRules>(std::move(*rules));
  return inputs;
}

}  // namespace

Result<ServerConfig> resolve_server_config(const ServeOptions& options) {
  ServerConfig config;
  if (!options.config_file.empty()) {
    auto loaded = load_server_config(options.config_file);
    if (!loaded) return loaded.error();
    config = std::move(*loaded);
  }
  if (options.db) config.db = *options.db;
  if (options.listen) config.listen = *options.listen;
  if (options.web_dir) config.web_dir = *options.web_dir;
  if (options.tls_cert) config.tls_cert = *options.tls_cert;
  if (options.tls_key) config.tls_key = *options.tls_key;
  if (config.tls_cert.empty() != config.tls_key.empty()) {
    const char* missing = config.tls_cert.empty() ? "--tls-cert (server.tls_cert)" : "--tls-key (server.tls_key)";
    return Error{"invalid_input", std::string("TLS needs both a certificate and its key; ") + missing + " is not set"};
  }
  if (config.web_dir.empty()) config.web_dir = RASSO_DEFAULT_WEB_DIR;
  if (config.workers == 0) config.workers = std::max(2u, std::thread::hardware_concurrency());
  return config;
}

Status run_server(const ServerConfig& config) {
  set_up_logging(config.log_level);
  const auto started = std::chrono::steady_clock::now();
  // Before the store loads, so a wrong certificate or key fails at once.
  std::optional<TlsContext> tls;
  if (config.tls()) {
    auto loaded = TlsContext::load(config.tls_cert, config.tls_key);
    if (!loaded) return loaded.error();
    tls = std::move(*loaded);
  }
  const auto open_store = [&config]() { return open_sqlite_store(config.db, SqliteStoreOptions{false}); };
  auto store = open_store();
  if (!store) return store.error();
  auto key = (*store)->setting_or_insert("pseudonym_key", Pseudonymiser::generate_key_hex());
  if (!key) return key.error();
  auto inputs = load_static_inputs();
  if (!inputs) return inputs.error();
  auto state = load_server_state(**store, *inputs);
  if (!state) return state.error();
  const Clock clock = system_clock();
  (*state)->generation = 1;
  (*state)->loaded_at = iso_timestamp(clock());
  auto audit_store = open_store();
  if (!audit_store) return audit_store.error();

  ServerContext context(config, clock, std::move(*audit_store), *key, std::move(*state));
  context.web_dir = config.web_dir;
  register_all_routes(context.router);
  auto workers = WorkerPool::start(config.workers, open_store);
  if (!workers) return workers.error();
  store->reset();  // the workers have their own connections

  HttpServer server(context, **workers, std::move(tls));
  auto bound = server.listen(config.listen);
  if (!bound) return bound.error();
  const double start_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::printf("listening on %s://%s\n", config.tls() ? "https" : "http", bound->c_str());
  std::fflush(stdout);
  const auto snapshot = context.state.get();
  if (!snapshot->snapshot_problem.empty()) {
    spdlog::warn("{{\"msg\":\"snapshot file not written\",\"problem\":{}}}",
                 nlohmann::json(snapshot->snapshot_problem).dump());
  }
  spdlog::info("{{\"msg\":\"started\",\"address\":\"{}\",\"crimes\":{},\"persons\":{},\"load_seconds\":{:.2f},"
               "\"read_seconds\":{:.2f},\"loaded_from\":\"{}\",\"start_seconds\":{:.2f},\"workers\":{}}}",
               *bound, snapshot->tables().crimes.size(), snapshot->tables().persons.size(), snapshot->load_seconds,
               snapshot->read_seconds, snapshot->loaded_from, start_seconds, config.workers);
  server.run();
  (*workers)->stop();
  context.audit.stop();
  spdlog::info("{{\"msg\":\"stopped\",\"audit_write_failures\":{}}}", context.audit.failures());
  spdlog::default_logger()->flush();
  return ok_status();
}

}  // namespace rasso::server
