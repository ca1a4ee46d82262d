// Workforce routes (issue 7): training compliance, the course catalogue (administrators change
// it), the training worklist, caseloads and well-being check-in dates. Officers outside the
// user's scope are left out of every answer.

#include <fmt/format.h>

#include "analytics/caseload.h"
#include "server/api_response.h"
#include "server/api_routes.h"
#include "server/server_context.h"
#include "store/governance_loading.h"
#include "store/store.h"
#include "worklists/training_compliance.h"
#include "worklists/training_worklist.h"
#include "worklists/wellbeing_schedule.h"

namespace rasso::server {
namespace {

const std::vector<Role> kWorkforceReaders = {Role::Supervisor, Role::Analyst, Role::Administrator};
const std::vector<Role> kWellbeingRoles = {Role::Supervisor, Role::Administrator};
constexpr const char* kPurpose = "workforce governance";

std::string text_field(const nlohmann::json& body, const char* name) {
  return body.is_object() && body.contains(name) && body[name].is_string() ? body[name].get<std::string>() : std::string();
}

// The catalogue, seeded on first use from the course code table.
Result<std::vector<TrainingCourse>> catalogue(const ApiRequest& request) {
  return load_course_catalogue(*request.store, request.state->inputs.codes->table("course"),
                               request.context->audit_event(request, "training.course.seed", "collection", "training_course",
                                                            "catalogue", {{"from", "codes/course.csv"}}));
}

// The officers of the state in the user's scope (and in `unit` when given).
std::vector<OfficerRecord> officers_in_scope(const ApiRequest& request, const std::string& unit) {
  std::vector<OfficerRecord> out;
  const SessionUser& user = request.signed_in();
  for (const OfficerRecord& officer : request.state->tables().officers) {
    if (user.in_scope(officer.force_code, officer.unit_ref) && (unit.empty() || officer.unit_ref == unit)) out.push_back(officer);
  }
  return out;
}

Result<int> int_query(const ApiRequest& request, const std::string& name, int fallback, int low, int high) {
  const std::string text = request.query_value(name);
  if (text.empty()) return fallback;
  auto parsed = parse_count(name, text);
  if (!parsed || *parsed < static_cast<std::size_t>(low) || *parsed > static_cast<std::size_t>(high)) {
    return Error{"invalid_input", fmt::format("{} must be a whole number from {} to {}", name, low, high)};
  }
  return static_cast<int>(*parsed);
}

nlohmann::json summary_json(const ComplianceSummary& summary) {
  return {{"key", summary.key}, {"unit_ref", summary.unit_ref}, {"officers", summary.officers},
          {"required", summary.required}, {"held", summary.held}, {"expiring", summary.expiring},
          {"not_yet_due", summary.not_yet_due}, {"overdue", summary.overdue}, {"expired", summary.expired},
          {"compliance_rate", summary.rate()}};
}

HttpResponse compliance(const ApiRequest& request) {
  auto as_of = date_query(request, "as_of", request.context->today());
  if (!as_of) return error_response(as_of.error(), request.correlation_id);
  auto warning = int_query(request, "warning_days", kDefaultTrainingWarningDays, 0, 3650);
  if (!warning) return error_response(warning.error(), request.correlation_id);
  const std::string by = request.query_value("by", "unit");
  if (by != "unit" && by != "officer") return error_response("invalid_input", "by must be unit or officer", request.correlation_id);
  auto courses = catalogue(request);
  if (!courses) return error_response(courses.error(), request.correlation_id);
  auto detective = load_detective_status(*request.store);
  if (!detective) return error_response(detective.error(), request.correlation_id);
  const std::string unit = request.query_value("unit");
  const auto officers = officers_in_scope(request, unit);
  const auto requirements = evaluate_training(officers, request.state->tables().training, *courses, *as_of, *warning);
  nlohmann::json items = nlohmann::json::array();
  if (by == "unit") {
    for (const ComplianceSummary& summary : compliance_by_unit(requirements)) items.push_back(summary_json(summary));
  } else {
    std::map<std::string, nlohmann::json> missing;
    for (const TrainingRequirement& requirement : requirements) {
      if (!requirement.failing()) continue;
      missing[std::string(requirement.officer_ref)].push_back(
          {{"course", std::string(requirement.course_code)}, {"state", std::string(training_state_code(requirement.state))},
           {"due_date", requirement.due_date->to_iso()}});
    }
    for (const ComplianceSummary& summary : compliance_by_officer(requirements)) {
      nlohmann::json item = summary_json(summary);
      const auto status = detective->find(summary.key);
      item["detective_status"] = status == detective->end() ? "" : status->second;
      item["missing_or_lapsed"] = missing.contains(summary.key) ? missing[summary.key] : nlohmann::json::array();
      items.push_back(std::move(item));
    }
  }
  nlohmann::json accreditation = nlohmann::json::array();
  for (const AccreditationSummary& entry : accreditation_by_unit(officers, *as_of, [&](std::string_view ref) -> std::string_view {
         const auto found = detective->find(std::string(ref));
         return found == detective->end() ? std::string_view() : std::string_view(found->second);
       })) {
    accreditation.push_back({{"unit_ref", entry.unit_ref}, {"investigators", entry.investigators}, {"accredited", entry.accredited},
                             {"trainee", entry.trainee}, {"not_detective", entry.not_detective}, {"not_recorded", entry.not_recorded}});
  }
  request.context->audit_read(request, "training.compliance.view", "training", by, {{"as_of", as_of->to_iso()}, {"unit", unit}});
  return json_response({{"as_of", as_of->to_iso()}, {"by", by}, {"warning_days", *warning}, {"items", items},
                        {"total", items.size()}, {"accreditation", accreditation}});
}

nlohmann::json course_json(const StoredCourse& stored) {
  const TrainingCourse& course = stored.course;
  return {{"code", course.code}, {"label", course.label}, {"required_for", course.required_for_roles},
          {"due_within_days", course.due_within_days},
          {"required_by", course.required_by ? course.required_by->to_iso() : std::string()},
          {"renewal_months", course.renewal_months}, {"active", course.active}, {"version", stored.version},
          {"changed_by", stored.changed_by}, {"changed_at", stored.changed_at}};
}

HttpResponse list_courses(const ApiRequest& request) {
  if (auto seeded = catalogue(request); !seeded) return error_response(seeded.error(), request.correlation_id);
  auto courses = request.store->governance().training_courses();
  if (!courses) return error_response(courses.error(), request.correlation_id);
  nlohmann::json items = nlohmann::json::array();
  for (const StoredCourse& stored : *courses) items.push_back(course_json(stored));
  return json_response({{"items", items}, {"total", items.size()}});
}

// GET /api/v1/training/courses/{code}/history: every version of one course, oldest first.
HttpResponse course_history(const ApiRequest& request) {
  if (auto seeded = catalogue(request); !seeded) return error_response(seeded.error(), request.correlation_id);
  const std::string code = ascii_upper(request.param("code"));
  auto history = request.store->governance().training_course_history(code);
  if (!history) return error_response(history.error(), request.correlation_id);
  if (history->empty()) return error_response("not_found", "no course '" + code + "' in the catalogue", request.correlation_id);
  nlohmann::json items = nlohmann::json::array();
  for (const StoredCourse& stored : *history) items.push_back(course_json(stored));
  return json_response({{"items", items}, {"total", items.size()}});
}

// POST /api/v1/training/courses/{code}: add or change a course; fields left out keep their value.
HttpResponse save_course(const ApiRequest& request) {
  if (!request.body.is_object()) return error_response("invalid_input", "send a JSON object", request.correlation_id);
  auto courses = catalogue(request);
  if (!courses) return error_response(courses.error(), request.correlation_id);
  TrainingCourse course;
  course.code = ascii_upper(request.param("code"));
  bool known = false;
  for (const TrainingCourse& existing : *courses) {
    if (existing.code == course.code) {
      course = existing;
      known = true;
    }
  }
  const nlohmann::json& body = request.body;
  if (body.contains("label")) course.label = text_field(body, "label");
  if (!known && course.label.empty()) return error_response("invalid_input", "a new course needs a label", request.correlation_id);
  if (body.contains("required_for")) {
    if (!body["required_for"].is_array()) return error_response("invalid_input", "required_for must be a list of roles", request.correlation_id);
    course.required_for_roles.clear();
    for (const auto& role : body["required_for"]) {
      if (!role.is_string()) return error_response("invalid_input", "required_for must be a list of roles", request.correlation_id);
      course.required_for_roles.push_back(ascii_lower(role.get<std::string>()));
    }
  }
  for (const auto& [name, field] : {std::pair{"due_within_days", &course.due_within_days}, {"renewal_months", &course.renewal_months}}) {
    if (!body.contains(name)) continue;
    if (!body[name].is_number_integer()) return error_response("invalid_input", std::string(name) + " must be a whole number", request.correlation_id);
    *field = body[name].get<int>();
  }
  if (body.contains("required_by")) {
    const std::string text = text_field(body, "required_by");
    if (text.empty()) {
      course.required_by.reset();
    } else if (auto date = CivilDate::parse_iso(text)) {
      course.required_by = *date;
    } else {
      return error_response("invalid_input", "required_by '" + text + "': " + CivilDate::parse_iso_problem(text), request.correlation_id);
    }
  }
  if (body.contains("active")) {
    if (!body["active"].is_boolean()) return error_response("invalid_input", "active must be true or false", request.correlation_id);
    course.active = body["active"].get<bool>();
  }
  if (Status valid = validate_training_course(course, request.state->inputs.codes->table("officer_role")); !valid) {
    return error_response(valid.error(), request.correlation_id);
  }
  Status saved = request.store->governance().save_training_course(
      course, request.context->audit_event(request, known ? "training.course.change" : "training.course.add", "alteration",
                                           "training_course", course.code,
                                           {{"label", course.label}, {"required_for", role_list_text(course.required_for_roles)},
                                            {"due_within_days", course.due_within_days},
                                            {"renewal_months", course.renewal_months}, {"active", course.active}}));
  if (!saved) return error_response(saved.error(), request.correlation_id);
  auto history = request.store->governance().training_course_history(course.code);
  if (!history || history->empty()) return error_response(Error{"internal", "course not read back"}, request.correlation_id);
  return json_response({{"ok", true}, {"course", course_json(history->back())}}, known ? 200 : 201);
}

HttpResponse training_worklist_route(const ApiRequest& request) {
  auto as_of = date_query(request, "as_of", request.context->today());
  if (!as_of) return error_response(as_of.error(), request.correlation_id);
  auto page = page_request(request);
  if (!page) return error_response(page.error(), request.correlation_id);
  auto warning = int_query(request, "warning_days", kDefaultTrainingWarningDays, 0, 3650);
  if (!warning) return error_response(warning.error(), request.correlation_id);
  auto courses = catalogue(request);
  if (!courses) return error_response(courses.error(), request.correlation_id);
  const auto officers = officers_in_scope(request, request.query_value("unit"));
  const auto requirements = evaluate_training(officers, request.state->tables().training, *courses, *as_of, *warning);
  WorklistFilter filter;
  filter.officer_ref = request.query_value("officer");
  const auto items = training_worklist(requirements, *courses, *as_of, *warning, filter);
  nlohmann::json out = nlohmann::json::array();
  for (std::size_t i = page->offset(); i < items.size() && out.size() < page->page_size; ++i) {
    const WorklistItem& item = items[i];
    out.push_back({{"item_id", fmt::format("{}:{}:{}", item_kind_code(item.kind), item.officer_ref, item.record_ref)},
                   {"kind", std::string(item_kind_code(item.kind))},
                   {"reason", item.reason},
                   {"due_date", item.due_date.to_iso()},
                   {"days_overdue", item.days_overdue},
                   {"owner", {{"officer_ref", std::string(item.officer_ref)}, {"unit_ref", std::string(item.unit_ref)},
                              {"force_code", std::string(item.force_code)}}},
                   {"crime_ref", ""},
                   {"person_ref", ""},
                   {"resolved_id", 0},
                   {"display_name", std::string(item.officer_ref)},
                   {"pseudonymised", false},
                   {"subject_ref", std::string(item.record_ref)}});
  }
  request.context->audit_read(request, "worklist.view", "worklist", "training",
                              {{"as_of", as_of->to_iso()}, {"total", items.size()}, {"page", page->page}});
  nlohmann::json body = paginate(std::move(out), *page, items.size());
  body["worklist"] = "training";
  body["as_of"] = as_of->to_iso();
  return json_response(body);
}

HttpResponse caseloads(const ApiRequest& request) {
  auto as_of = date_query(request, "as_of", request.context->today());
  if (!as_of) return error_response(as_of.error(), request.correlation_id);
  auto months = int_query(request, "months", 12, 1, 240);
  if (!months) return error_response(months.error(), request.correlation_id);
  const std::string by = request.query_value("by", "unit");
  if (by != "unit" && by != "officer") return error_response("invalid_input", "by must be unit or officer", request.correlation_id);
  const SessionUser& user = request.signed_in();
  std::vector<CrimeRecord> crimes;
  for (const CrimeRecord& crime : request.state->tables().crimes) {
    if (user.in_scope(crime.force_code, crime.unit_ref)) crimes.push_back(crime);
  }
  const auto rows = caseload_series(crimes, officers_in_scope(request, {}), *as_of, *months,
                                    by == "unit" ? CaseloadGrouping::Unit : CaseloadGrouping::Officer);
  nlohmann::json items = nlohmann::json::array();
  for (const CaseloadRow& row : rows) {
    items.push_back({{"date", row.date.to_iso()}, {"group", row.group}, {"unit_ref", row.unit_ref}, {"officers", row.officers},
                     {"open_crimes", row.open_crimes}, {"median", row.median}, {"maximum", row.maximum}});
  }
  request.context->audit_read(request, "caseload.view", "caseload", by, {{"as_of", as_of->to_iso()}, {"months", *months}});
  return json_response({{"as_of", as_of->to_iso()}, {"by", by}, {"months", *months}, {"items", items}, {"total", items.size()}});
}

HttpResponse wellbeing_due(const ApiRequest& request) {
  auto as_of = date_query(request, "as_of", request.context->today());
  if (!as_of) return error_response(as_of.error(), request.correlation_id);
  WellbeingRules rules;
  auto interval = int_query(request, "interval_months", rules.interval_months, 1, 60);
  if (!interval) return error_response(interval.error(), request.correlation_id);
  rules.interval_months = *interval;
  auto stored = request.store->governance().wellbeing_checkins();
  if (!stored) return error_response(stored.error(), request.correlation_id);
  std::vector<WellbeingCheckinDate> checkins;
  for (const WellbeingCheckin& checkin : *stored) checkins.push_back({checkin.officer_ref, checkin.checkin_date});
  const auto officers = officers_in_scope(request, request.query_value("unit"));
  const bool all = request.query_value("all") == "true";
  nlohmann::json items = nlohmann::json::array();
  for (const WellbeingStatus& status : wellbeing_schedule(officers, checkins, *as_of, rules)) {
    if (!all && -status.days_overdue > rules.warning_days) continue;
    items.push_back({{"officer_ref", std::string(status.officer_ref)}, {"unit_ref", std::string(status.unit_ref)},
                     {"last_checkin", status.last_checkin ? status.last_checkin->to_iso() : std::string()},
                     {"due_date", status.due_date.to_iso()}, {"days_overdue", status.days_overdue}});
  }
  std::stable_sort(items.begin(), items.end(), [](const nlohmann::json& a, const nlohmann::json& b) {
    return a["days_overdue"].get<int>() > b["days_overdue"].get<int>();
  });
  request.context->audit_read(request, "wellbeing.view", "worklist", "wellbeing", {{"as_of", as_of->to_iso()}});
  return json_response({{"as_of", as_of->to_iso()}, {"interval_months", rules.interval_months}, {"items", items},
                        {"total", items.size()}});
}

HttpResponse record_wellbeing(const ApiRequest& request) {
  const std::string officer_ref = text_field(request.body, "officer_ref");
  const std::string date_text = text_field(request.body, "checkin_date");
  const auto date = CivilDate::parse_iso(date_text);
  if (!date) return error_response("invalid_input", "checkin_date '" + date_text + "': " + CivilDate::parse_iso_problem(date_text), request.correlation_id);
  if (*date > request.context->today()) return error_response("invalid_input", "checkin_date is in the future", request.correlation_id);
  const auto officers = officers_in_scope(request, {});
  if (std::none_of(officers.begin(), officers.end(), [&](const OfficerRecord& o) { return o.officer_ref == officer_ref; })) {
    return error_response("not_found", "no officer '" + officer_ref + "' in your scope", request.correlation_id);
  }
  auto id = request.store->governance().record_wellbeing_checkin(
      officer_ref, *date,
      request.context->audit_event(request, "wellbeing.record", "collection", "officer", officer_ref,
                                   {{"checkin_date", date->to_iso()}}));
  if (!id) return error_response(id.error(), request.correlation_id);
  return json_response({{"ok", true}, {"checkin_id", *id}}, 201);
}

}  // namespace

void register_training_routes(Router& router) {
  router.add("GET", "/api/v1/training/compliance", kWorkforceReaders, compliance);
  router.add("GET", "/api/v1/training/courses", {Role::Investigator, Role::Supervisor, Role::Analyst, Role::Administrator},
             list_courses);
  router.add("POST", "/api/v1/training/courses/{code}", {Role::Administrator}, save_course);
  router.add("GET", "/api/v1/training/courses/{code}/history",
             {Role::Investigator, Role::Supervisor, Role::Analyst, Role::Administrator}, course_history);
  router.add("GET", "/api/v1/worklists/training", {Role::Investigator, Role::Supervisor, Role::Analyst, Role::Administrator},
             training_worklist_route);
  router.add("GET", "/api/v1/caseloads", kWorkforceReaders, caseloads);
  router.add("GET", "/api/v1/wellbeing-checkins", kWellbeingRoles, wellbeing_due);
  router.add("POST", "/api/v1/wellbeing-checkins", kWellbeingRoles, record_wellbeing);
}

}  // namespace rasso::server
