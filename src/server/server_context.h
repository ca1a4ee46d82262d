#pragma once
// ServerContext: the services every request shares — configuration, clock, sessions, sign-in
// rate limiters, the audit writer, the pseudonymiser, the current state, metrics and the route
// table. One per running server; every member is thread-safe.

#include <filesystem>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "core/entity.h"
#include "server/api_request.h"
#include "server/audit_writer.h"
#include "server/metrics.h"
#include "server/pseudonymiser.h"
#include "server/rate_limiter.h"
#include "server/router.h"
#include "server/server_clock.h"
#include "server/server_config.h"
#include "server/server_state.h"
#include "server/session_manager.h"

namespace rasso::server {

class ServerContext {
 public:
  ServerContext(ServerConfig server_config, Clock server_clock, std::unique_ptr<Store> audit_store,
                const std::string& pseudonym_key_hex, std::shared_ptr<const ServerState> initial_state);

  ServerConfig config;
  Clock clock;
  SessionManager sessions;
  RateLimiter login_by_user;
  RateLimiter login_by_address;
  AuditWriter audit;
  Pseudonymiser pseudonymiser;
  StateHolder state;
  Metrics metrics;
  Router router;
  std::filesystem::path web_dir;

  /// An audit event for `request`: actor (the signed-in user), time, purpose and correlation id
  /// filled in; `details` as JSON.
  AuditEvent audit_event(const ApiRequest& request, std::string action, std::string processing, std::string subject_type,
                         std::string subject_id, const nlohmann::json& details = nlohmann::json::object()) const;
  /// Queues the audit event of a read (see AuditWriter for the durability choice).
  void audit_read(const ApiRequest& request, std::string action, std::string subject_type, std::string subject_id,
                  const nlohmann::json& details = nlohmann::json::object());

  /// After a write through `store`: builds a state with the `changed` rows read again and swaps
  /// it in. Writers are serialised; readers carry on with the old state until the swap.
  Status apply_write(Store& store, const ChangedRows& changed);

  /// Today's date (UTC) by the server's clock.
  CivilDate today() const { return utc_date(clock()); }
};

}  // namespace rasso::server
