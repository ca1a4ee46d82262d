// /api/v1/recommendations: the inspection recommendations tracker. Supervisors and administrators
// change it (owner, actions, evidence, status; the same rules as `rasso recommendations`);
// analysts and the commissioner's scrutiny staff read it only.

#include "analytics/recommendation_progress.h"
#include "server/api_response.h"
#include "server/api_routes.h"
#include "server/server_context.h"
#include "store/governance_loading.h"
#include "store/store.h"

namespace rasso::server {
namespace {

const std::vector<Role> kReaders = {Role::Supervisor, Role::Analyst, Role::Scrutiny, Role::Administrator};
const std::vector<Role> kWriters = {Role::Supervisor, Role::Administrator};

std::string text_field(const nlohmann::json& body, const char* name) {
  return body.is_object() && body.contains(name) && body[name].is_string() ? body[name].get<std::string>() : std::string();
}

std::string date_text(const std::optional<CivilDate>& date) { return date ? date->to_iso() : std::string(); }

nlohmann::json recommendation_json(const Recommendation& rec) {
  return {{"id", rec.rec_id},         {"source", rec.source},         {"number", rec.number},
          {"summary", rec.summary},   {"area", rec.area},             {"audience", rec.audience},
          {"for_forces", rec.for_forces}, {"due_date", date_text(rec.due_date)}, {"owner", rec.owner},
          {"status", std::string(recommendation_status_code(rec.status))}, {"status_note", rec.status_note},
          {"version", rec.version},   {"updated_by", rec.updated_by}, {"updated_at", rec.updated_at}};
}

nlohmann::json action_json(const RecommendationAction& action, CivilDate today) {
  const bool overdue = action_overdue(action.status, action.due_date, today);
  return {{"action_id", action.action_id}, {"description", action.description}, {"owner", action.owner},
          {"due_date", action.due_date.to_iso()}, {"status", std::string(action_status_code(action.status))},
          {"note", action.note}, {"overdue", overdue}, {"days_overdue", overdue ? action.due_date.days_until(today) : 0},
          {"version", action.version}, {"updated_by", action.updated_by}, {"updated_at", action.updated_at}};
}

HttpResponse list(const ApiRequest& request) {
  auto page = page_request(request);
  if (!page) return error_response(page.error(), request.correlation_id);
  auto tracker = load_recommendation_tracker(*request.store);
  if (!tracker) return error_response(tracker.error(), request.correlation_id);
  const std::string status = request.query_value("status");
  if (!status.empty() && !parse_recommendation_status(status)) {
    return error_response("invalid_input", "status must be open, in_progress, evidence_submitted or closed", request.correlation_id);
  }
  const bool for_forces = request.query_value("for_forces") == "true";
  const std::string overdue = request.query_value("overdue");
  if (!overdue.empty() && overdue != "true" && overdue != "false") {
    return error_response("invalid_input", "overdue must be true or false", request.correlation_id);
  }
  auto as_of = date_query(request, "as_of", request.context->today());
  if (!as_of) return error_response(as_of.error(), request.correlation_id);
  const auto progress = recommendation_progress(tracker->recommendations, tracker->actions, tracker->evidence, *as_of);
  std::vector<nlohmann::json> matching;
  for (const Recommendation& rec : tracker->recommendations) {
    const RecommendationProgress& done = progress.at(rec.rec_id);
    if (!status.empty() && rec.status != *parse_recommendation_status(status)) continue;
    if (for_forces && !rec.for_forces) continue;
    if (overdue == "true" && !done.anything_overdue()) continue;
    nlohmann::json item = recommendation_json(rec);
    item["overdue"] = done.overdue;
    item["days_overdue"] = done.days_overdue;
    item["actions"] = done.actions;
    item["open_actions"] = done.open_actions;
    item["overdue_actions"] = done.overdue_actions;
    item["evidence_items"] = done.evidence_items;
    matching.push_back(std::move(item));
  }
  nlohmann::json items = nlohmann::json::array();
  for (std::size_t i = page->offset(); i < matching.size() && items.size() < page->page_size; ++i) items.push_back(matching[i]);
  request.context->audit_read(request, "recommendations.view", "recommendation", "list",
                              {{"status", status}, {"overdue", overdue == "true"}, {"as_of", as_of->to_iso()}});
  nlohmann::json out = paginate(std::move(items), *page, matching.size());
  out["as_of"] = as_of->to_iso();
  return json_response(out);
}

HttpResponse show(const ApiRequest& request) {
  const std::string& id = request.param("id");
  GovernanceStore& governance = request.store->governance();
  auto rec = governance.recommendation(id);
  if (!rec) return error_response(rec.error(), request.correlation_id);
  auto actions = governance.recommendation_actions(id);
  auto evidence = governance.recommendation_evidence(id);
  auto events = governance.recommendation_events(id);
  if (!actions || !evidence || !events) return error_response(Error{"store", "the recommendation could not be read"}, request.correlation_id);
  nlohmann::json out = recommendation_json(*rec);
  out["actions"] = nlohmann::json::array();
  for (const RecommendationAction& action : *actions) out["actions"].push_back(action_json(action, request.context->today()));
  out["evidence"] = nlohmann::json::array();
  for (const EvidenceItem& item : *evidence) {
    out["evidence"].push_back({{"evidence_id", item.evidence_id}, {"description", item.description}, {"reference", item.reference},
                               {"added_by", item.added_by}, {"added_at", item.added_at}});
  }
  out["history"] = nlohmann::json::array();
  for (const RecommendationEvent& event : *events) {
    out["history"].push_back({{"at", event.at}, {"by", event.by}, {"change", event.change}, {"note", event.note}});
  }
  out["can_edit"] = request.signed_in().has_any_role(kWriters);
  request.context->audit_read(request, "recommendation.view", "recommendation", id);
  return json_response(out);
}

HttpResponse reply(const ApiRequest& request, const Status& done, int status = 200) {
  if (!done) return error_response(done.error(), request.correlation_id);
  auto rec = request.store->governance().recommendation(request.param("id"));
  if (!rec) return error_response(rec.error(), request.correlation_id);
  return json_response({{"ok", true}, {"recommendation", recommendation_json(*rec)}}, status);
}

HttpResponse set_owner(const ApiRequest& request) {
  const std::string owner = text_field(request.body, "owner");
  const std::string& id = request.param("id");
  return reply(request, request.store->governance().set_recommendation_owner(
                            id, owner, request.context->audit_event(request, "recommendation.owner", "alteration",
                                                                    "recommendation", id, {{"owner", owner}})));
}

HttpResponse add_action(const ApiRequest& request) {
  const std::string& id = request.param("id");
  RecommendationAction action;
  action.rec_id = id;
  action.description = text_field(request.body, "description");
  action.owner = text_field(request.body, "owner");
  const std::string due = text_field(request.body, "due_date");
  const auto date = CivilDate::parse_iso(due);
  if (!date) return error_response("invalid_input", "due_date '" + due + "': " + CivilDate::parse_iso_problem(due), request.correlation_id);
  action.due_date = *date;
  auto added = request.store->governance().add_recommendation_action(
      action, request.context->audit_event(request, "recommendation.action.add", "alteration", "recommendation", id,
                                           {{"description", action.description}, {"owner", action.owner}, {"due", due}}));
  if (!added) return error_response(added.error(), request.correlation_id);
  return json_response({{"ok", true}, {"action_id", *added}}, 201);
}

HttpResponse change_action(const ApiRequest& request) {
  const std::string& id = request.param("id");
  auto action_id = parse_count("action_id", request.param("action_id"));
  if (!action_id) return error_response(action_id.error(), request.correlation_id);
  const std::string status = text_field(request.body, "status");
  const std::string note = text_field(request.body, "note");
  const auto to = parse_action_status(status);
  if (!to) return error_response("invalid_input", "status must be open, in_progress or closed", request.correlation_id);
  return reply(request, request.store->governance().change_action_status(
                            id, static_cast<std::int64_t>(*action_id), *to, note,
                            request.context->audit_event(request, "recommendation.action.status", "alteration", "recommendation",
                                                         id, {{"action_id", *action_id}, {"status", status}, {"note", note}})));
}

HttpResponse add_evidence(const ApiRequest& request) {
  const std::string& id = request.param("id");
  EvidenceItem item;
  item.rec_id = id;
  item.description = text_field(request.body, "description");
  item.reference = text_field(request.body, "reference");
  auto added = request.store->governance().add_recommendation_evidence(
      item, request.context->audit_event(request, "recommendation.evidence.add", "alteration", "recommendation", id,
                                         {{"description", item.description}, {"reference", item.reference}}));
  if (!added) return error_response(added.error(), request.correlation_id);
  return json_response({{"ok", true}, {"evidence_id", *added}}, 201);
}

HttpResponse change_status(const ApiRequest& request) {
  const std::string& id = request.param("id");
  const std::string status = text_field(request.body, "status");
  const std::string note = text_field(request.body, "note");
  const auto to = parse_recommendation_status(status);
  if (!to) return error_response("invalid_input", "status must be open, in_progress, evidence_submitted or closed", request.correlation_id);
  return reply(request, request.store->governance().change_recommendation_status(
                            id, *to, note,
                            request.context->audit_event(request, "recommendation.status", "alteration", "recommendation", id,
                                                         {{"status", status}, {"note", note}})));
}

}  // namespace

void register_recommendation_routes(Router& router) {
  router.add("GET", "/api/v1/recommendations", kReaders, list);
  router.add("GET", "/api/v1/recommendations/{id}", kReaders, show);
  router.add("POST", "/api/v1/recommendations/{id}/owner", kWriters, set_owner);
  router.add("POST", "/api/v1/recommendations/{id}/status", kWriters, change_status);
  router.add("POST", "/api/v1/recommendations/{id}/actions", kWriters, add_action);
  router.add("POST", "/api/v1/recommendations/{id}/actions/{action_id}", kWriters, change_action);
  router.add("POST", "/api/v1/recommendations/{id}/evidence", kWriters, add_evidence);
}

}  // namespace rasso::server
