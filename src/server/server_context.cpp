#include "server/server_context.h"

namespace rasso::server {

ServerContext::ServerContext(ServerConfig server_config, Clock server_clock, std::unique_ptr<Store> audit_store,
                             const std::string& pseudonym_key_hex, std::shared_ptr<const ServerState> initial_state)
    : config(std::move(server_config)),
      clock(std::move(server_clock)),
      sessions(config.sessions, clock),
      login_by_user(config.login_attempts_per_user, config.login_window, clock),
      login_by_address(config.login_attempts_per_address, config.login_window, clock),
      audit(std::move(audit_store), config.audit_flush_interval),
      pseudonymiser(pseudonym_key_hex),
      state(std::move(initial_state)) {}

AuditEvent ServerContext::audit_event(const ApiRequest& request, std::string action, std::string processing,
                                      std::string subject_type, std::string subject_id, const nlohmann::json& details) const {
  AuditEvent event;
  event.occurred_at = iso_timestamp(clock());
  event.actor = request.user ? request.user->username : "anonymous";
  event.action = std::move(action);
  event.processing = std::move(processing);
  event.subject_type = std::move(subject_type);
  event.subject_id = std::move(subject_id);
  event.purpose = request.purpose;
  event.correlation_id = request.correlation_id;
  event.details_json = details.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return event;
}

void ServerContext::audit_read(const ApiRequest& request, std::string action, std::string subject_type,
                               std::string subject_id, const nlohmann::json& details) {
  audit.enqueue(audit_event(request, std::move(action), "consultation", std::move(subject_type), std::move(subject_id), details));
}

Status ServerContext::apply_write(Store& store, const ChangedRows& changed) {
  std::lock_guard writer(state.reload_mutex());
  auto current = state.get();
  auto next = refresh_server_state(*current, store, changed);
  if (!next) return next.error();
  (*next)->loaded_at = iso_timestamp(clock());
  state.replace(std::move(*next));
  return ok_status();
}

}  // namespace rasso::server
