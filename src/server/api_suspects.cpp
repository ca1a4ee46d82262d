// /api/v1/suspects: repeat suspects ranked for tasking, narrowed to the user's scope.

#include "server/api_response.h"
#include "server/api_routes.h"
#include "server/person_presenter.h"
#include "server/record_scope.h"
#include "server/server_context.h"

namespace rasso::server {
namespace {

HttpResponse list_suspects(const ApiRequest& request) {
  const ServerState& state = *request.state;
  auto as_of = date_query(request, "as_of", request.context->today());
  if (!as_of) return error_response(as_of.error(), request.correlation_id);
  auto page = page_request(request);
  if (!page) return error_response(page.error(), request.correlation_id);
  std::size_t top = 50;
  if (const auto text = request.query_value("top"); !text.empty()) {
    auto value = parse_count("top", text);
    if (!value) return error_response(value.error(), request.correlation_id);
    top = *value;
  }
  const std::string cold = request.query_value("cold_cases", "false");
  if (cold != "true" && cold != "false") return error_response("invalid_input", "cold_cases must be true or false", request.correlation_id);
  const bool cold_only = cold == "true";
  const auto suspects = state.repeat_suspects(*as_of);
  const SessionUser& user = request.signed_in();

  nlohmann::json items = nlohmann::json::array();
  std::size_t total = 0;
  for (const RepeatSuspect& suspect : *suspects) {
    if (total >= top) break;
    nlohmann::json crimes = nlohmann::json::array();
    bool has_cold = false;
    for (const SuspectCrime& crime : suspect.crimes) {
      if (!crime_in_scope(user, state, state.snapshot.find_crime(crime.crime_ref))) continue;
      const OffenceInfo* offence = state.offence(crime.offence_code);
      has_cold = has_cold || crime.cold_case;
      crimes.push_back({{"crime_ref", crime.crime_ref},
                        {"offence_code", crime.offence_code},
                        {"offence_label", offence ? offence->label : ""},
                        {"reported_date", crime.reported_date.to_iso()},
                        {"outcome_code", crime.outcome_code},
                        {"cold_case", crime.cold_case}});
    }
    if (crimes.empty() || (cold_only && !has_cold)) continue;
    ++total;
    if (total <= page->offset() || items.size() >= page->page_size) continue;
    const PersonLabel label = person_label(request, suspect.person_refs.front(), suspect.resolved_id);
    items.push_back({{"rank", total},
                     {"resolved_id", suspect.resolved_id},
                     {"display_name", label.display_name},
                     {"pseudonymised", label.pseudonymised},
                     {"score", suspect.score},
                     {"recency_points", suspect.recency_points},
                     {"frequency", suspect.crimes.size()},
                     {"gravity_years", suspect.gravity_years},
                     {"distinct_victims", suspect.distinct_victims},
                     {"forces", suspect.forces},
                     {"latest_crime", suspect.latest_crime.to_iso()},
                     {"current_measures", suspect.current_measures},
                     {"reasons", suspect.reasons},
                     {"crimes", std::move(crimes)}});
  }
  request.context->audit_read(request, "suspects.list", "repeat_suspect_list", as_of->to_iso(),
                              {{"listed", items.size()}, {"total", total}, {"cold_cases", cold_only}});
  return json_response(paginate(std::move(items), *page, total));
}

}  // namespace

void register_suspect_routes(Router& router) {
  router.add("GET", "/api/v1/suspects", {Role::Investigator, Role::Supervisor, Role::Analyst, Role::OffenderManager},
             list_suspects);
}

}  // namespace rasso::server
