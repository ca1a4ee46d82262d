// The worklist actions: a breach response, a victim contact, a bail extension, a s63G decision.
// Each checks the record is in the user's scope, then records through the same service as
// `rasso record` (same validation, one transaction with its audit event), then swaps in a state
// with the changed rows read again, so the item leaves its worklist on the next GET.

#include "server/api_response.h"
#include "server/api_routes.h"
#include "server/recording_service.h"
#include "server/record_scope.h"
#include "server/server_context.h"

namespace rasso::server {
namespace {

const std::vector<Role> kActionRoles = {Role::Investigator, Role::Supervisor, Role::OffenderManager};

std::string text(const nlohmann::json& body, const char* name) {
  return body.is_object() && body.contains(name) && body[name].is_string() ? body[name].get<std::string>() : std::string();
}

Result<CivilDate> required_date(const nlohmann::json& body, const char* name) {
  const std::string value = text(body, name);
  if (value.empty()) return Error{"invalid_input", std::string(name) + " is required (YYYY-MM-DD)"};
  const auto date = CivilDate::parse_iso(value);
  if (!date) return Error{"invalid_input", std::string(name) + " '" + value + "': " + CivilDate::parse_iso_problem(value)};
  return *date;
}

Result<std::optional<CivilDate>> optional_date(const nlohmann::json& body, const char* name) {
  if (text(body, name).empty()) return std::optional<CivilDate>();
  auto date = required_date(body, name);
  if (!date) return date.error();
  return std::optional<CivilDate>(*date);
}

// The recording context of `request`: the as-of date is today unless the body gives "as_of".
Result<RecordingContext> recording_context(const ApiRequest& request) {
  CivilDate as_of = request.context->today();
  if (!text(request.body, "as_of").empty()) {
    auto date = required_date(request.body, "as_of");
    if (!date) return date.error();
    as_of = *date;
  }
  const std::string notes = text(request.body, "notes");
  return RecordingContext{request.signed_in().username, iso_timestamp(request.context->clock()), as_of,
                          notes.empty() ? request.purpose : notes, request.correlation_id};
}

HttpResponse forbidden(const ApiRequest& request) {
  return error_response("forbidden", "this record is outside your force or unit", request.correlation_id);
}

HttpResponse created(const ApiRequest& request, const ChangedRows& changed, const std::string& ref) {
  Status applied = request.context->apply_write(*request.store, changed);
  if (!applied) return error_response(applied.error(), request.correlation_id);
  return json_response({{"ok", true}, {"record_ref", ref}}, 201);
}

HttpResponse breach_response(const ApiRequest& request) {
  const ServerState& state = *request.state;
  const std::string& breach_ref = request.param("breach_ref");
  const RowIndex breach = state.snapshot.find_breach(breach_ref);
  if (breach == kNoRow) return error_response("not_found", "no breach '" + breach_ref + "'", request.correlation_id);
  if (!crime_in_scope(request.signed_in(), state, state.snapshot.crime_of_breach(breach))) return forbidden(request);
  auto context = recording_context(request);
  if (!context) return error_response(context.error(), request.correlation_id);
  auto date = required_date(request.body, "response_date");
  if (!date) return error_response(date.error(), request.correlation_id);
  auto recorded = record_breach_response(*request.store, *context, breach_ref, {text(request.body, "response_type"), *date});
  if (!recorded) return error_response(recorded.error(), request.correlation_id);
  return created(request, {Entity::Breaches, "breach_ref", *recorded}, *recorded);
}

HttpResponse victim_contact(const ApiRequest& request) {
  const ServerState& state = *request.state;
  const std::string crime_ref = text(request.body, "crime_ref");
  const RowIndex crime = state.snapshot.find_crime(crime_ref);
  if (crime == kNoRow) return error_response("not_found", "no crime '" + crime_ref + "'", request.correlation_id);
  if (!crime_in_scope(request.signed_in(), state, crime)) return forbidden(request);
  auto context = recording_context(request);
  if (!context) return error_response(context.error(), request.correlation_id);
  auto date = required_date(request.body, "contact_date");
  if (!date) return error_response(date.error(), request.correlation_id);
  std::optional<int> frequency;
  if (request.body.contains("agreed_frequency_days")) {
    if (!request.body["agreed_frequency_days"].is_number_integer()) {
      return error_response("invalid_input", "agreed_frequency_days must be a whole number of days", request.correlation_id);
    }
    frequency = request.body["agreed_frequency_days"].get<int>();
  }
  const VictimContactRequest contact{text(request.body, "person_ref"), *date, text(request.body, "method"),
                                     text(request.body, "purpose"), frequency};
  auto recorded = record_victim_contact(*request.store, *context, crime_ref, contact, text(request.body, "officer_ref"), {});
  if (!recorded) return error_response(recorded.error(), request.correlation_id);
  return created(request, {Entity::VictimContacts, "contact_ref", *recorded}, *recorded);
}

HttpResponse bail_extension(const ApiRequest& request) {
  const ServerState& state = *request.state;
  const std::string& bail_ref = request.param("bail_ref");
  const RowIndex bail = state.snapshot.find_bail_period(bail_ref);
  if (bail == kNoRow) return error_response("not_found", "no bail period '" + bail_ref + "'", request.correlation_id);
  const RowIndex arrest = state.snapshot.arrest_of_bail_period(bail);
  if (arrest == kNoRow || !crime_in_scope(request.signed_in(), state, state.snapshot.crime_of_arrest(arrest))) {
    return forbidden(request);
  }
  auto context = recording_context(request);
  if (!context) return error_response(context.error(), request.correlation_id);
  auto authorised = required_date(request.body, "authorised_date");
  if (!authorised) return error_response(authorised.error(), request.correlation_id);
  auto until = required_date(request.body, "end_date");
  if (!until) return error_response(until.error(), request.correlation_id);
  std::optional<bool> views;
  if (request.body.contains("victim_views_sought") && request.body["victim_views_sought"].is_boolean()) {
    views = request.body["victim_views_sought"].get<bool>();
  }
  const BailExtensionRequest extension{text(request.body, "authorised_by"), *authorised, *until,
                                       text(request.body, "conditions"), views};
  auto recorded = record_bail_extension(*request.store, *context, state.tables().arrests[arrest].arrest_ref, extension,
                                        state.inputs.rules->bail_authorities, {});
  if (!recorded) return error_response(recorded.error(), request.correlation_id);
  return created(request, {Entity::Bail, "arrest_ref", state.tables().arrests[arrest].arrest_ref}, recorded->bail_ref);
}

HttpResponse s63g_decision(const ApiRequest& request) {
  const ServerState& state = *request.state;
  const std::string& biometric_ref = request.param("biometric_ref");
  const RowIndex biometric = state.snapshot.find_biometric(biometric_ref);
  if (biometric == kNoRow) return error_response("not_found", "no biometric record '" + biometric_ref + "'", request.correlation_id);
  const RowIndex arrest = state.snapshot.arrest_of_biometric(biometric);
  if (arrest == kNoRow || !crime_in_scope(request.signed_in(), state, state.snapshot.crime_of_arrest(arrest))) {
    return forbidden(request);
  }
  auto context = recording_context(request);
  if (!context) return error_response(context.error(), request.correlation_id);
  auto applied = optional_date(request.body, "application_date");
  if (!applied) return error_response(applied.error(), request.correlation_id);
  auto decided = optional_date(request.body, "decision_date");
  if (!decided) return error_response(decided.error(), request.correlation_id);
  auto recorded = record_s63g_decision(*request.store, *context, biometric_ref,
                                       {text(request.body, "ground"), *applied, text(request.body, "decision"), *decided});
  if (!recorded) return error_response(recorded.error(), request.correlation_id);
  return created(request, {Entity::Biometrics, "biometric_ref", *recorded}, *recorded);
}

}  // namespace

void register_action_routes(Router& router) {
  router.add("POST", "/api/v1/breaches/{breach_ref}/response", kActionRoles, breach_response);
  router.add("POST", "/api/v1/victim-contacts", kActionRoles, victim_contact);
  router.add("POST", "/api/v1/bail/{bail_ref}/extension", kActionRoles, bail_extension);
  router.add("POST", "/api/v1/biometrics/{biometric_ref}/decision", kActionRoles, s63g_decision);
}

}  // namespace rasso::server
