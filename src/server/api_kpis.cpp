// /api/v1/kpis and /api/v1/kpis/series: the NOM flight deck from the KPI engine, in the user's
// scope, small numbers suppressed. Aggregates only; each read is audited as a consultation.

#include "analytics/kpi_engine.h"
#include "reports/kpi_json.h"
#include "server/analysis_facts.h"
#include "server/api_response.h"
#include "server/api_routes.h"
#include "server/server_context.h"

namespace rasso::server {
namespace {

const std::vector<Role> kAnalysisRoles = {Role::Investigator, Role::Supervisor, Role::Analyst, Role::OffenderManager,
                                          Role::Scrutiny, Role::Administrator};

HttpResponse show_kpis(const ApiRequest& request) {
  const CivilDate today = request.context->today();
  auto as_of = date_query(request, "as_of", today);
  if (!as_of) return error_response(as_of.error(), request.correlation_id);
  KpiPeriod period = period_containing(*as_of, PeriodGranularity::Month).previous();
  if (const std::string text = request.query_value("period"); !text.empty()) {
    auto parsed = parse_kpi_period(text);
    if (!parsed) return error_response(parsed.error(), request.correlation_id);
    period = *parsed;
  }
  auto dimensions = parse_dimension_list(request.query_value("by"));
  if (!dimensions) return error_response(dimensions.error(), request.correlation_id);
  auto facts = analysis_facts(request, *as_of, request.query_value("force"));
  if (!facts) return error_response(facts.error(), request.correlation_id);
  std::vector<std::vector<KpiDimension>> breakdowns;
  if (!dimensions->empty()) breakdowns.push_back(*dimensions);
  const KpiFlightDeck deck = compute_flight_deck(**facts, period, breakdowns, SuppressionRule{});
  request.context->audit_read(request, "kpi.view", "kpi", period.label(),
                              {{"by", request.query_value("by")}, {"aggregates_only", true}});
  return json_response(flight_deck_json(deck));
}

HttpResponse show_series(const ApiRequest& request) {
  const KpiMeasureSpec* measure = find_kpi_measure(request.query_value("measure", "recorded_crimes"));
  if (measure == nullptr) {
    return error_response("invalid_input", "unknown measure '" + request.query_value("measure") + "'", request.correlation_id);
  }
  auto granularity = parse_granularity(request.query_value("granularity", "month"));
  if (!granularity) return error_response(granularity.error(), request.correlation_id);
  const CivilDate today = request.context->today();
  auto to = date_query(request, "to", today);
  if (!to) return error_response(to.error(), request.correlation_id);
  auto from = date_query(request, "from", to->plus_months(-11));
  if (!from) return error_response(from.error(), request.correlation_id);
  const auto periods = periods_between(*from, *to, *granularity);
  if (periods.empty() || periods.size() > 600) {
    return error_response("invalid_input", "from must be before to, and at most 600 periods apart", request.correlation_id);
  }
  auto facts = analysis_facts(request, *to, request.query_value("force"));
  if (!facts) return error_response(facts.error(), request.correlation_id);
  const auto points = compute_kpi_series(**facts, measure->id, periods, SuppressionRule{});
  request.context->audit_read(request, "kpi.series", "kpi", std::string(measure->key), {{"aggregates_only", true}});
  return json_response(kpi_series_json(measure->id, *granularity, points));
}

}  // namespace

void register_kpi_routes(Router& router) {
  router.add("GET", "/api/v1/kpis", kAnalysisRoles, show_kpis);
  router.add("GET", "/api/v1/kpis/series", kAnalysisRoles, show_series);
}

}  // namespace rasso::server
