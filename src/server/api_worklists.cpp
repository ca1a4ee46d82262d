// /api/v1/worklists/{kind}: a safeguarding worklist in the user's scope, most urgent first. The
// engine runs once per (kind, as-of date) per state (WorklistCache); a request filters and pages.

#include <fmt/format.h>

#include "server/api_response.h"
#include "server/api_routes.h"
#include "server/person_presenter.h"
#include "server/server_context.h"

namespace rasso::server {
namespace {

bool served_kind(WorklistKind kind) {
  return kind == WorklistKind::Bail || kind == WorklistKind::Orders || kind == WorklistKind::Breaches ||
         kind == WorklistKind::S63g || kind == WorklistKind::Victims;
}

/// The stable id of an item: its kind, the record it is about and the person.
std::string item_id(const WorklistItem& item) {
  return fmt::format("{}:{}:{}", item_kind_code(item.kind), item.record_ref, item.person_ref);
}

HttpResponse show_worklist(const ApiRequest& request) {
  const ServerState& state = *request.state;
  const std::string& name = request.param("kind");
  const auto kind = worklist_from_name(name);
  if (!kind || !served_kind(*kind)) {
    return error_response("not_found", "no worklist '" + name + "': bail, orders, breaches, s63g or victims",
                          request.correlation_id);
  }
  auto as_of = date_query(request, "as_of", request.context->today());
  if (!as_of) return error_response(as_of.error(), request.correlation_id);
  auto page = page_request(request);
  if (!page) return error_response(page.error(), request.correlation_id);
  const SessionUser& user = request.signed_in();
  const std::string unit = request.query_value("unit");
  const std::string officer = request.query_value("officer");

  const auto items = state.worklists.items(*kind, *as_of, [&] {
    return run_worklist(*kind, state.snapshot, *state.inputs.rules, *as_of);
  });
  const std::string filter_key = user.force_code + "\x1f" + user.unit_code + "\x1f" + unit + "\x1f" + officer;
  const auto view = state.worklists.view(*kind, *as_of, filter_key, *items, [&](const WorklistItem& item) {
    return user.in_scope(item.force_code, item.unit_ref) && (unit.empty() || item.unit_ref == unit) &&
           (officer.empty() || item.officer_ref == officer);
  });

  nlohmann::json out_items = nlohmann::json::array();
  for (std::size_t i = page->offset(); i < view->size() && out_items.size() < page->page_size; ++i) {
    const WorklistItem& item = (*items)[(*view)[i]];
    const std::uint64_t resolved_id = state.resolved_id_of(item.person_ref);
    const PersonLabel label = item.person_ref.empty() ? PersonLabel{} : person_label(request, item.person_ref, resolved_id);
    out_items.push_back({{"item_id", item_id(item)},
                         {"kind", std::string(item_kind_code(item.kind))},
                         {"reason", item.reason},
                         {"due_date", item.due_date.to_iso()},
                         {"days_overdue", item.days_overdue},
                         {"owner",
                          {{"officer_ref", std::string(item.officer_ref)},
                           {"unit_ref", std::string(item.unit_ref)},
                           {"force_code", std::string(item.force_code)}}},
                         {"crime_ref", std::string(item.crime_ref)},
                         {"person_ref", std::string(item.person_ref)},
                         {"resolved_id", resolved_id},
                         {"display_name", label.display_name},
                         {"pseudonymised", !user.sees_names()},
                         {"subject_ref", std::string(item.record_ref)}});
  }
  request.context->audit_read(request, "worklist.view", "worklist", name,
                              {{"as_of", as_of->to_iso()}, {"total", view->size()}, {"page", page->page},
                               {"unit", unit}, {"officer", officer}});
  nlohmann::json body = paginate(std::move(out_items), *page, view->size());
  body["worklist"] = name;
  body["as_of"] = as_of->to_iso();
  return json_response(body);
}

}  // namespace

void register_worklist_routes(Router& router) {
  router.add("GET", "/api/v1/worklists/{kind}",
             {Role::Investigator, Role::Supervisor, Role::Analyst, Role::OffenderManager}, show_worklist);
}

}  // namespace rasso::server
