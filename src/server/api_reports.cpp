// /api/v1/reports/problem-profile: the RASSO problem profile as one self-contained HTML page, in
// the user's scope. Aggregates only.

#include "reports/problem_profile.h"
#include "reports/report_html.h"
#include "server/analysis_facts.h"
#include "server/api_response.h"
#include "server/api_routes.h"
#include "server/server_context.h"
#include "server/server_state.h"

namespace rasso::server {
namespace {

HttpResponse problem_profile(const ApiRequest& request) {
  const CivilDate today = request.context->today();
  auto to = date_query(request, "to", today);
  if (!to) return error_response(to.error(), request.correlation_id);
  auto from = date_query(request, "from", to->plus_months(-12).plus_days(1));
  if (!from) return error_response(from.error(), request.correlation_id);
  if (*to < *from) return error_response("invalid_input", "from must not be after to", request.correlation_id);
  auto facts = analysis_facts(request, std::max(*to, today), request.query_value("force"));
  if (!facts) return error_response(facts.error(), request.correlation_id);
  const SessionUser& user = request.signed_in();
  ProblemProfileInputs inputs;
  inputs.facts = facts->get();
  inputs.tables = &request.state->tables();
  inputs.from = *from;
  inputs.to = *to;
  inputs.area = "Force " + user.force_code + (user.unit_code.empty() ? "" : ", unit " + user.unit_code);
  inputs.repeat_suspect_definition = RepeatSuspectDefinition{}.describe();
  HttpResponse response;
  response.content_type = "text/html; charset=utf-8";
  response.body = render_report_html(build_problem_profile(inputs));
  request.context->audit_read(request, "report.problem_profile", "report", from->to_iso() + ".." + to->to_iso(),
                              {{"aggregates_only", true}});
  return response;
}

}  // namespace

void register_report_routes(Router& router) {
  router.add("GET", "/api/v1/reports/problem-profile",
             {Role::Supervisor, Role::Analyst, Role::Scrutiny, Role::Administrator}, problem_profile);
}

}  // namespace rasso::server
