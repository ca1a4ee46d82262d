// /api/v1/exports/{name}: KPI tables, the crime list, repeat suspects and worklists as a CSV or
// XLSX download in the user's scope. People appear by name only for roles that may see names,
// pseudonymised otherwise; every export is audited as a disclosure. /api/v1/exports/recommendations
// is the inspection recommendations tracker (the layout of `rasso recommendations export`) for
// everyone who may read the tracker, scrutiny staff included; it names no member of the public.

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "analytics/kpi_engine.h"
#include "reports/case_list_export.h"
#include "reports/export_csv.h"
#include "reports/export_xlsx.h"
#include "reports/kpi_export.h"
#include "reports/recommendations_export.h"
#include "server/analysis_facts.h"
#include "server/api_response.h"
#include "server/api_routes.h"
#include "server/person_presenter.h"
#include "server/record_scope.h"
#include "server/server_context.h"
#include "server/server_state.h"
#include "store/governance_loading.h"
#include "store/store.h"

namespace rasso::server {
namespace {

// Writes `table` to a private temporary file and returns its bytes.
Result<std::string> file_bytes(const ExportTable& table, bool xlsx) {
  static std::atomic<std::uint64_t> counter{0};
  const auto path = std::filesystem::temp_directory_path() /
                    ("rasso-export-" + std::to_string(::getpid()) + "-" + std::to_string(++counter) + (xlsx ? ".xlsx" : ".csv"));
  const Status written = xlsx ? write_export_xlsx({table}, path) : write_export_csv(table, path);
  if (!written) return written.error();
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  std::filesystem::remove(path);
  return bytes.str();
}

// The requested format, "csv" (default) or "xlsx"; "invalid_input" otherwise.
Result<std::string> export_format(const ApiRequest& request) {
  std::string format = request.query_value("format", "csv");
  if (format != "csv" && format != "xlsx") return Error{"invalid_input", "format must be csv or xlsx"};
  return format;
}

// `table` as the download `rasso-<name>-<as_of>.<format>`, audited as the disclosure "export.<name>".
HttpResponse download(const ApiRequest& request, const std::string& name, ExportTable& table, const std::string& format,
                      CivilDate as_of, bool has_people) {
  const SessionUser& user = request.signed_in();
  if (has_people) table.notes.push_back(user.sees_names() ? "People are named." : "People are shown as pseudonyms.");
  auto bytes = file_bytes(table, format == "xlsx");
  if (!bytes) return error_response("internal", bytes.error().message, request.correlation_id);
  request.context->audit.enqueue(request.context->audit_event(
      request, "export." + name, "disclosure", "export", name,
      {{"format", format}, {"rows", table.rows.size()}, {"names_included", has_people && user.sees_names()}}));
  HttpResponse response;
  response.content_type = format == "xlsx" ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8";
  response.body = std::move(*bytes);
  response.headers.emplace_back("Content-Disposition", "attachment; filename=\"rasso-" + name + "-" + as_of.to_iso() + "." + format + "\"");
  return response;
}

HttpResponse export_table(const ApiRequest& request) {
  const std::string name = request.param("name");
  auto format = export_format(request);
  if (!format) return error_response(format.error(), request.correlation_id);
  auto as_of = date_query(request, "as_of", request.context->today());
  if (!as_of) return error_response(as_of.error(), request.correlation_id);
  auto facts = analysis_facts(request, *as_of, request.query_value("force"));
  if (!facts) return error_response(facts.error(), request.correlation_id);
  const ServerState& state = *request.state;
  const SessionUser& user = request.signed_in();
  const rasso::PersonLabel label = [&](std::string_view person_ref) {
    return person_label(request, person_ref, state.resolved_id_of(person_ref)).display_name;
  };
  ExportTable table;
  bool has_people = true;
  if (name == "kpis") {
    has_people = false;
    KpiPeriod period = period_containing(*as_of, PeriodGranularity::Month).previous();
    if (const std::string text = request.query_value("period"); !text.empty()) {
      auto parsed = parse_kpi_period(text);
      if (!parsed) return error_response(parsed.error(), request.correlation_id);
      period = *parsed;
    }
    auto dimensions = parse_dimension_list(request.query_value("by"));
    if (!dimensions) return error_response(dimensions.error(), request.correlation_id);
    std::vector<std::vector<KpiDimension>> breakdowns;
    for (KpiDimension d : *dimensions) breakdowns.push_back({d});
    table = flight_deck_table(compute_flight_deck(**facts, period, breakdowns, SuppressionRule{}));
  } else if (name == "crimes") {
    auto from = date_query(request, "from", CivilDate::from_days(-1000000));
    auto to = date_query(request, "to", *as_of);
    if (!from || !to) return error_response("invalid_input", "from and to must be dates YYYY-MM-DD", request.correlation_id);
    table = crime_list_table(state.tables(), **facts, *state.inputs.offences, *from, *to, label);
  } else if (name == "repeat-suspects") {
    const rasso::CrimeVisible visible = [&](std::string_view crime_ref) {
      return crime_in_scope(user, state, state.snapshot.find_crime(crime_ref));
    };
    table = repeat_suspects_table(*state.repeat_suspects(*as_of), RepeatSuspectDefinition{}.describe(), label, visible);
  } else if (name.rfind("worklist-", 0) == 0 && worklist_from_name(name.substr(9))) {
    const WorklistKind kind = *worklist_from_name(name.substr(9));
    auto items = run_worklist(kind, state.snapshot, *state.inputs.rules, *as_of, WorklistFilter{user.force_code, user.unit_code, ""});
    table = worklist_table(kind, items, label);
  } else {
    return error_response("not_found",
                          "no export '" + name + "': kpis, crimes, repeat-suspects, recommendations or worklist-<kind>",
                          request.correlation_id);
  }
  return download(request, name, table, *format, *as_of, has_people);
}

HttpResponse export_recommendations(const ApiRequest& request) {
  auto format = export_format(request);
  if (!format) return error_response(format.error(), request.correlation_id);
  auto as_of = date_query(request, "as_of", request.context->today());
  if (!as_of) return error_response(as_of.error(), request.correlation_id);
  auto tracker = load_recommendation_tracker(*request.store);
  if (!tracker) return error_response(tracker.error(), request.correlation_id);
  ExportTable table = recommendations_table(tracker->recommendations, tracker->actions, tracker->evidence, *as_of);
  return download(request, "recommendations", table, *format, *as_of, false);
}

}  // namespace

void register_export_routes(Router& router) {
  router.add("GET", "/api/v1/exports/{name}", {Role::Supervisor, Role::Analyst, Role::Administrator}, export_table);
  // The tracker holds no member of the public, so those who may read it (scrutiny staff too) may
  // take it away; the literal path wins over {name}.
  router.add("GET", "/api/v1/exports/recommendations", {Role::Supervisor, Role::Analyst, Role::Scrutiny, Role::Administrator},
             export_recommendations);
}

}  // namespace rasso::server
