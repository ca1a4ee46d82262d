// /api/v1/review-queue: uncertain identity links for a person to decide, and their decisions
// (combination, in the audit log's terms).

#include "server/api_response.h"
#include "server/api_routes.h"
#include "server/person_presenter.h"
#include "server/record_scope.h"
#include "server/server_context.h"
#include "store/store.h"

namespace rasso::server {
namespace {

constexpr std::size_t kQueueLimit = 5000;

nlohmann::json evidence_fields(const std::string& evidence_text) {
  nlohmann::json fields = nlohmann::json::array();
  const nlohmann::json evidence = nlohmann::json::parse(evidence_text, nullptr, false);
  if (!evidence.is_object() || !evidence.contains("fields")) return fields;
  for (const auto& field : evidence["fields"]) {
    fields.push_back({{"field", field.value("field", "")},
                      {"level", field.value("level", "")},
                      {"weight", field.value("weight", 0.0) + field.value("tf_adjustment", 0.0)},
                      {"value_a", field.value("a", "")},
                      {"value_b", field.value("b", "")}});
  }
  return fields;
}

Result<nlohmann::json> record_json(const ApiRequest& request, const std::string& person_ref) {
  auto rows = request.store->rows_where(Entity::Persons, "person_ref", person_ref);
  if (!rows) return rows.error();
  if (rows->empty()) return nlohmann::json::object();
  return person_record_json(request, rows->front(), request.context->today());
}

HttpResponse list_queue(const ApiRequest& request) {
  const ServerState& state = *request.state;
  const SessionUser& user = request.signed_in();
  auto page = page_request(request);
  if (!page) return error_response(page.error(), request.correlation_id);
  auto queue = request.store->review_queue(kQueueLimit);
  if (!queue) return error_response(queue.error(), request.correlation_id);
  nlohmann::json items = nlohmann::json::array();
  std::size_t total = 0;
  for (const StoredReviewCandidate& candidate : *queue) {
    if (!person_ref_in_scope(user, state, candidate.person_ref_a) || !person_ref_in_scope(user, state, candidate.person_ref_b)) {
      continue;
    }
    if (total++ < page->offset() || items.size() >= page->page_size) continue;
    auto a = record_json(request, candidate.person_ref_a);
    if (!a) return error_response(a.error(), request.correlation_id);
    auto b = record_json(request, candidate.person_ref_b);
    if (!b) return error_response(b.error(), request.correlation_id);
    items.push_back({{"person_ref_a", candidate.person_ref_a},
                     {"person_ref_b", candidate.person_ref_b},
                     {"match_probability", candidate.probability},
                     {"match_weight", candidate.match_weight},
                     {"linked", candidate.linked},
                     {"fields", evidence_fields(candidate.evidence)},
                     {"record_a", std::move(*a)},
                     {"record_b", std::move(*b)}});
  }
  request.context->audit_read(request, "review.list", "review_queue", "all", {{"listed", items.size()}, {"total", total}});
  return json_response(paginate(std::move(items), *page, total));
}

std::string text(const nlohmann::json& body, const char* name) {
  return body.is_object() && body.contains(name) && body[name].is_string() ? body[name].get<std::string>() : std::string();
}

HttpResponse decide(const ApiRequest& request) {
  const ServerState& state = *request.state;
  std::string a = text(request.body, "person_ref_a");
  std::string b = text(request.body, "person_ref_b");
  const std::string decision = text(request.body, "decision");
  if (decision != "same" && decision != "different") {
    return error_response("invalid_input", "decision must be 'same' or 'different'", request.correlation_id);
  }
  if (a.empty() || b.empty() || a == b) {
    return error_response("invalid_input", "a decision needs two different person records", request.correlation_id);
  }
  if (a > b) std::swap(a, b);  // a pair is stored in one order
  for (const std::string& ref : {a, b}) {
    if (state.snapshot.find_person(ref) == kNoRow) {
      return error_response("not_found", "no person record '" + ref + "'", request.correlation_id);
    }
    if (!person_ref_in_scope(request.signed_in(), state, ref)) {
      return error_response("forbidden", "a record of this pair is outside your force or unit", request.correlation_id);
    }
  }
  const std::string reason = text(request.body, "reason");
  const std::string now = iso_timestamp(request.context->clock());
  const StoredLinkDecision stored{a, b, decision, request.signed_in().username, now, reason};
  const AuditEvent audit = request.context->audit_event(request, "link.decide", "combination", "person_pair", a + "~" + b,
                                                        {{"decision", decision}, {"reason", reason}});
  Status recorded = request.store->record_link_decision(stored, audit);
  if (!recorded) return error_response(recorded.error(), request.correlation_id);
  return json_response({{"ok", true}}, 201);
}

}  // namespace

void register_review_routes(Router& router) {
  router.add("GET", "/api/v1/review-queue", {Role::Investigator, Role::Supervisor}, list_queue);
  router.add("POST", "/api/v1/review-queue/decisions", {Role::Supervisor}, decide);
}

}  // namespace rasso::server
