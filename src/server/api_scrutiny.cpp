// /api/v1/scrutiny: rape scrutiny panels. Supervisors and administrators draw samples (from the
// crimes in their scope) and record the panel's findings; analysts and the commissioner's
// scrutiny staff read samples, which only ever hold pseudonymised summaries. A crime reference
// is added only for a user who sees names and asks (with_references=true), audited as a
// disclosure.

#include <charconv>

#include "analytics/scrutiny_sample_builder.h"
#include "analytics/scrutiny_themes.h"
#include "server/api_response.h"
#include "server/api_routes.h"
#include "server/server_context.h"
#include "store/store.h"

namespace rasso::server {
namespace {

const std::vector<Role> kReaders = {Role::Supervisor, Role::Analyst, Role::Scrutiny, Role::Administrator};
const std::vector<Role> kWriters = {Role::Supervisor, Role::Administrator};
constexpr const char* kPurpose = "rape scrutiny panel";

std::string text_field(const nlohmann::json& body, const char* name) {
  return body.is_object() && body.contains(name) && body[name].is_string() ? body[name].get<std::string>() : std::string();
}

Result<int> int_field(const nlohmann::json& body, const char* name, int fallback) {
  if (!body.is_object() || !body.contains(name) || body[name].is_null()) return fallback;
  if (!body[name].is_number_integer()) return Error{"invalid_input", std::string(name) + " must be a whole number"};
  return body[name].get<int>();
}

Result<std::int64_t> sample_id_of(const ApiRequest& request) {
  auto id = parse_count("id", request.param("id"));
  if (!id) return Error{"not_found", "no scrutiny sample '" + request.param("id") + "'"};
  return static_cast<std::int64_t>(*id);
}

nlohmann::json finding_json(const PanelFinding& finding) {
  return {{"finding_id", finding.finding_id}, {"case_number", finding.case_number}, {"panel_date", finding.panel_date},
          {"decision", finding.decision}, {"victim_care", finding.victim_care}, {"victims_code", finding.victims_code},
          {"themes", finding.themes}, {"learning", finding.learning}, {"actions", finding.actions},
          {"recorded_by", finding.recorded_by}, {"recorded_at", finding.recorded_at}};
}

nlohmann::json sample_json(const ScrutinySample& sample) {
  return {{"sample_id", sample.sample_id}, {"created_by", sample.created_by}, {"created_at", sample.created_at},
          {"from", sample.from.to_iso()}, {"to", sample.to.to_iso()}, {"allocation", sample.allocation},
          {"size", sample.size}, {"per_stratum", sample.per_stratum}, {"seed", std::to_string(sample.seed)},
          {"outcomes", sample.outcome_codes}, {"sampler_version", sample.sampler_version}, {"population", sample.population},
          {"strata", nlohmann::json::parse(sample.strata_json, nullptr, false)}, {"force_code", sample.force_code},
          {"unit_ref", sample.unit_ref}};
}

// A sample is visible to users whose scope covers the crimes it was drawn from.
bool sample_in_scope(const SessionUser& user, const ScrutinySample& sample) {
  if (user.force_code != sample.force_code) return false;
  return user.unit_code.empty() || user.unit_code == sample.unit_ref;
}

HttpResponse create_sample(const ApiRequest& request) {
  const nlohmann::json& body = request.body;
  if (!body.is_object()) return error_response("invalid_input", "send a JSON object", request.correlation_id);
  SampleSpec spec;
  const std::string from = text_field(body, "from"), to = text_field(body, "to");
  const auto from_date = CivilDate::parse_iso(from), to_date = CivilDate::parse_iso(to);
  if (!from_date) return error_response("invalid_input", "from '" + from + "': " + CivilDate::parse_iso_problem(from), request.correlation_id);
  if (!to_date) return error_response("invalid_input", "to '" + to + "': " + CivilDate::parse_iso_problem(to), request.correlation_id);
  spec.from = *from_date;
  spec.to = *to_date;
  if (!body.contains("seed")) return error_response("invalid_input", "give a seed (it is recorded so the sample can be drawn again)", request.correlation_id);
  if (body["seed"].is_number_unsigned() || body["seed"].is_number_integer()) {
    if (body["seed"].is_number_integer() && body["seed"].get<std::int64_t>() < 0) {
      return error_response("invalid_input", "seed must be a whole number from 0", request.correlation_id);
    }
    spec.seed = body["seed"].get<std::uint64_t>();
  } else if (body["seed"].is_string()) {
    const std::string text = body["seed"].get<std::string>();
    const auto [end, problem] = std::from_chars(text.data(), text.data() + text.size(), spec.seed);
    if (problem != std::errc() || end != text.data() + text.size() || text.empty()) {
      return error_response("invalid_input", "seed must be a whole number from 0", request.correlation_id);
    }
  } else {
    return error_response("invalid_input", "seed must be a whole number from 0", request.correlation_id);
  }
  const nlohmann::json sizes = body.contains("sizes") && body["sizes"].is_object() ? body["sizes"] : body;
  auto per_stratum = int_field(sizes, "per_stratum", 0);
  auto size = int_field(sizes, "size", 20);
  if (!per_stratum) return error_response(per_stratum.error(), request.correlation_id);
  if (!size) return error_response(size.error(), request.correlation_id);
  if (*per_stratum > 0) {
    spec.allocation = SampleAllocation::FixedPerStratum;
    spec.per_stratum = *per_stratum;
  } else {
    spec.size = *size;
  }
  if (body.contains("outcomes")) {
    if (!body["outcomes"].is_array()) return error_response("invalid_input", "outcomes must be a list of outcome codes", request.correlation_id);
    for (const auto& code : body["outcomes"]) {
      if (!code.is_number_integer()) return error_response("invalid_input", "outcomes must be a list of outcome codes", request.correlation_id);
      spec.outcome_codes.push_back(code.get<int>());
    }
  }
  const SessionUser& user = request.signed_in();
  spec.force_code = user.force_code;
  spec.unit_ref = user.unit_code;
  if (Status valid = validate_sample_spec(spec); !valid) return error_response(valid.error(), request.correlation_id);
  auto built = build_scrutiny_sample(request.state->tables(), *request.state->inputs.codes, spec);
  if (!built) return error_response(built.error(), request.correlation_id);
  auto id = request.store->governance().save_scrutiny_sample(
      built->sample, built->cases,
      request.context->audit_event(request, "scrutiny.sample", "combination", "scrutiny_sample", "new",
                                   {{"from", from}, {"to", to}, {"seed", std::to_string(spec.seed)},
                                    {"cases", built->cases.size()}, {"population", built->sample.population}}));
  if (!id) return error_response(id.error(), request.correlation_id);
  auto stored = request.store->governance().scrutiny_sample(*id);
  if (!stored) return error_response(stored.error(), request.correlation_id);
  nlohmann::json out = sample_json(*stored);
  out["cases"] = built->cases.size();
  return json_response({{"ok", true}, {"sample", out}}, 201);
}

HttpResponse list_samples(const ApiRequest& request) {
  auto samples = request.store->governance().scrutiny_samples();
  if (!samples) return error_response(samples.error(), request.correlation_id);
  nlohmann::json items = nlohmann::json::array();
  for (const ScrutinySample& sample : *samples) {
    if (sample_in_scope(request.signed_in(), sample)) items.push_back(sample_json(sample));
  }
  request.context->audit_read(request, "scrutiny.samples.view", "scrutiny_sample", "list");
  return json_response({{"items", items}, {"page", 1}, {"page_size", items.size()}, {"total", items.size()}});
}

HttpResponse show_sample(const ApiRequest& request) {
  auto id = sample_id_of(request);
  if (!id) return error_response(id.error(), request.correlation_id);
  GovernanceStore& governance = request.store->governance();
  auto sample = governance.scrutiny_sample(*id);
  if (!sample || !sample_in_scope(request.signed_in(), *sample)) {
    return error_response("not_found", "no scrutiny sample " + request.param("id"), request.correlation_id);
  }
  auto cases = governance.scrutiny_sample_cases(*id);
  if (!cases) return error_response(cases.error(), request.correlation_id);
  auto findings = governance.panel_findings(*id, false);
  if (!findings) return error_response(findings.error(), request.correlation_id);
  const std::map<int, CaseFindings> findings_of = findings_by_case(*findings);
  const bool references = request.query_value("with_references") == "true";
  if (references && !request.signed_in().sees_names()) {
    return error_response("forbidden", "your role sees pseudonymised cases only", request.correlation_id);
  }
  nlohmann::json out = sample_json(*sample);
  out["cases"] = nlohmann::json::array();
  for (const ScrutinySampleCase& sampled : *cases) {
    nlohmann::json entry = nlohmann::json::parse(sampled.summary_json, nullptr, false);
    entry["case_number"] = sampled.case_number;
    entry["pseudonym"] = scrutiny_case_label(sampled.sample_id, sampled.case_number);
    entry["pseudonymised"] = true;
    if (references) entry["crime_ref"] = sampled.crime_ref;
    entry["finding"] = nullptr;
    entry["earlier_findings"] = nlohmann::json::array();
    if (const auto found = findings_of.find(sampled.case_number); found != findings_of.end()) {
      entry["finding"] = finding_json(*found->second.current);
      for (const PanelFinding* earlier : found->second.superseded) entry["earlier_findings"].push_back(finding_json(*earlier));
    }
    out["cases"].push_back(std::move(entry));
  }
  out["can_record_findings"] = request.signed_in().has_any_role(kWriters);
  if (references) {
    request.context->audit.enqueue(request.context->audit_event(request, "scrutiny.sample.references", "disclosure",
                                                               "scrutiny_sample", std::to_string(*id)));
  } else {
    request.context->audit_read(request, "scrutiny.sample.view", "scrutiny_sample", std::to_string(*id));
  }
  return json_response(out);
}

HttpResponse record_finding(const ApiRequest& request) {
  auto id = sample_id_of(request);
  if (!id) return error_response(id.error(), request.correlation_id);
  auto sample = request.store->governance().scrutiny_sample(*id);
  if (!sample || !sample_in_scope(request.signed_in(), *sample)) {
    return error_response("not_found", "no scrutiny sample " + request.param("id"), request.correlation_id);
  }
  const nlohmann::json& body = request.body;
  PanelFinding finding;
  finding.sample_id = *id;
  auto case_number = int_field(body, "case_number", 0);
  if (!case_number) return error_response(case_number.error(), request.correlation_id);
  finding.case_number = *case_number;
  finding.panel_date = text_field(body, "panel_date");
  finding.decision = text_field(body, "decision");
  finding.victim_care = text_field(body, "victim_care");
  finding.victims_code = text_field(body, "victims_code");
  finding.learning = text_field(body, "learning");
  finding.actions = text_field(body, "actions");
  if (body.is_object() && body.contains("themes")) {
    if (!body["themes"].is_array()) return error_response("invalid_input", "themes must be a list", request.correlation_id);
    for (const auto& theme : body["themes"]) {
      if (!theme.is_string()) return error_response("invalid_input", "themes must be a list of words", request.correlation_id);
      finding.themes.push_back(theme.get<std::string>());
    }
  }
  auto recorded = request.store->governance().record_panel_finding(
      finding, request.context->audit_event(request, "scrutiny.finding", "alteration", "scrutiny_case",
                                            scrutiny_case_label(finding.sample_id, finding.case_number),
                                            {{"decision", finding.decision}, {"panel_date", finding.panel_date}}));
  if (!recorded) return error_response(recorded.error(), request.correlation_id);
  return json_response({{"ok", true}, {"finding_id", *recorded}}, 201);
}

HttpResponse themes(const ApiRequest& request) {
  std::int64_t only = 0;
  if (const std::string text = request.query_value("sample"); !text.empty()) {
    auto parsed = parse_count("sample", text);
    if (!parsed) return error_response(parsed.error(), request.correlation_id);
    only = static_cast<std::int64_t>(*parsed);
  }
  GovernanceStore& governance = request.store->governance();
  auto samples = governance.scrutiny_samples();
  if (!samples) return error_response(samples.error(), request.correlation_id);
  std::vector<PanelFindingFacts> facts;
  for (const ScrutinySample& sample : *samples) {
    if (!sample_in_scope(request.signed_in(), sample) || (only != 0 && sample.sample_id != only)) continue;
    auto cases = governance.scrutiny_sample_cases(sample.sample_id);
    auto findings = governance.panel_findings(sample.sample_id, true);
    if (!cases || !findings) return error_response(Error{"store", "the panel findings could not be read"}, request.correlation_id);
    std::map<int, const ScrutinySampleCase*> by_number;
    for (const ScrutinySampleCase& sampled : *cases) by_number[sampled.case_number] = &sampled;
    for (const PanelFinding& finding : *findings) {
      const ScrutinySampleCase* sampled = by_number[finding.case_number];
      facts.push_back({scrutiny_case_label(sample.sample_id, finding.case_number), sampled ? sampled->outcome_code : 0,
                       sampled ? sampled->offence_group : std::string(), finding.decision, finding.victim_care,
                       finding.victims_code, finding.themes, finding.learning});
    }
  }
  const ThemesReport report = panel_themes(facts);
  nlohmann::json out = {{"cases", report.cases}, {"decisions", report.decisions}, {"by_outcome", report.by_outcome},
                        {"by_offence_group", report.by_offence_group}, {"victim_care", report.victim_care},
                        {"victims_code", report.victims_code}, {"themes", nlohmann::json::array()},
                        {"learning", nlohmann::json::array()}};
  for (const auto& [theme, count] : report.themes) out["themes"].push_back({{"theme", theme}, {"cases", count}});
  for (const auto& [pseudonym, learning] : report.learning) out["learning"].push_back({{"case", pseudonym}, {"learning", learning}});
  request.context->audit_read(request, "scrutiny.themes.view", "scrutiny_sample", only == 0 ? "all" : std::to_string(only));
  return json_response(out);
}

}  // namespace

void register_scrutiny_routes(Router& router) {
  router.add("POST", "/api/v1/scrutiny/samples", kWriters, create_sample);
  router.add("GET", "/api/v1/scrutiny/samples", kReaders, list_samples);
  router.add("GET", "/api/v1/scrutiny/samples/{id}", kReaders, show_sample);
  router.add("POST", "/api/v1/scrutiny/samples/{id}/findings", kWriters, record_finding);
  router.add("GET", "/api/v1/scrutiny/themes", kReaders, themes);
}

}  // namespace rasso::server
