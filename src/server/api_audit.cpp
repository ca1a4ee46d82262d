// /api/v1/audit: the administrator's search of the audit log.

#include "server/api_response.h"
#include "server/api_routes.h"
#include "server/server_context.h"
#include "store/store.h"

namespace rasso::server {
namespace {

constexpr std::size_t kScanLimit = 200000;  // events examined per request when filtering by action

nlohmann::json parsed_details(const std::string& text) {
  nlohmann::json details = nlohmann::json::parse(text, nullptr, false);
  return details.is_discarded() ? nlohmann::json(text) : details;
}

HttpResponse search_audit(const ApiRequest& request) {
  std::size_t limit = 100;
  std::int64_t after_id = 0;
  if (const auto text = request.query_value("limit"); !text.empty()) {
    auto value = parse_count("limit", text);
    if (!value) return error_response(value.error(), request.correlation_id);
    if (*value < 1 || *value > 1000) return error_response("invalid_input", "limit must be 1-1000", request.correlation_id);
    limit = *value;
  }
  if (const auto text = request.query_value("after_id"); !text.empty()) {
    auto value = parse_count("after_id", text);
    if (!value) return error_response(value.error(), request.correlation_id);
    after_id = static_cast<std::int64_t>(*value);
  }
  const std::string actor = request.query_value("actor");
  const std::string subject = request.query_value("subject_id");
  const std::string action = request.query_value("action");
  // Everything queued so far is committed first, so a search sees the requests before it.
  request.context->audit.flush();
  nlohmann::json items = nlohmann::json::array();
  std::int64_t last_id = after_id;
  std::size_t scanned = 0;
  while (items.size() < limit && scanned < kScanLimit) {
    auto events = request.store->audit_events(last_id, action.empty() ? limit - items.size() : 1000, actor, subject);
    if (!events) return error_response(events.error(), request.correlation_id);
    if (events->empty()) break;
    for (const AuditEvent& event : *events) {
      last_id = event.event_id;
      ++scanned;
      if (!action.empty() && event.action != action) continue;
      items.push_back({{"id", event.event_id},
                       {"at", event.occurred_at},
                       {"actor", event.actor},
                       {"action", event.action},
                       {"processing", event.processing},
                       {"subject_type", event.subject_type},
                       {"subject_id", event.subject_id},
                       {"purpose", event.purpose},
                       {"correlation_id", event.correlation_id},
                       {"details", parsed_details(event.details_json)}});
      if (items.size() >= limit) break;
    }
  }
  return json_response({{"items", std::move(items)}, {"next_after_id", last_id}});
}

}  // namespace

void register_audit_routes(Router& router) { router.add("GET", "/api/v1/audit", {Role::Administrator}, search_audit); }

}  // namespace rasso::server
