#include "server/recording_service.h"

#include <cctype>
#include <map>

#include <nlohmann/json.hpp>

#include "core/extract_record_rows.h"
#include "core/field_spec.h"
#include "core/row_fingerprint.h"
#include "core/row_rules.h"
#include "core/safeguarding_config.h"
#include "worklists/s63g_worklist.h"

namespace rasso {
namespace {

using Row = std::vector<std::string>;

// The one row of `entity` with key `ref`, or a not_found error.
Result<Row> one_row(Store& store, Entity entity, const std::string& ref) {
  auto rows = store.rows_where(entity, entity_spec(entity).key().name, ref);
  if (!rows) return rows.error();
  if (rows->empty()) return Error{"not_found", "no " + std::string(entity_name(entity)) + " '" + ref + "'"};
  return std::move(rows->front());
}

void set(Row& row, Entity entity, std::string_view field, std::string value) {
  row[*entity_spec(entity).index_of(field)] = std::move(value);
}

const std::string& get(const Row& row, Entity entity, std::string_view field) {
  return row[*entity_spec(entity).index_of(field)];
}

// Writes `row` (a new or changed record) with history and an audit event, in one transaction.
Status write_row(Store& store, const RecordingContext& context, Entity entity, const Row& row, const std::string& action,
                 const std::string& processing) {
  const EntitySpec& spec = entity_spec(entity);
  const auto violations = check_row_rules(spec, row);
  if (!violations.empty()) {
    return Error{"invalid_input", "field '" + violations.front().field + "': " + violations.front().rule};
  }
  auto session = store.begin_import("manual:" + context.actor, context.now);
  if (!session) return session.error();
  auto written = (*session)->upsert(entity, row, row_fingerprint(row), 0);
  if (!written) return written.error();
  AuditEvent audit;
  audit.occurred_at = context.now;
  audit.actor = context.actor;
  audit.action = action;
  audit.processing = processing;
  audit.subject_type = std::string(spec.name());
  audit.subject_id = row[0];
  audit.purpose = context.reason.empty() ? "safeguarding" : context.reason;
  audit.correlation_id = context.correlation_id.empty() ? action + "-" + context.now : context.correlation_id;
  nlohmann::json values = nlohmann::json::object();
  for (std::size_t i = 0; i < spec.fields.size(); ++i) {
    if (!row[i].empty()) values[std::string(spec.fields[i].name)] = row[i];
  }
  audit.details_json = nlohmann::json{{"values", values}, {"reason", context.reason}}.dump();
  return (*session)->commit(context.now, nlohmann::json{{"manual", action}, {"record", row[0]}}.dump(), audit);
}

}  // namespace

Result<std::string> record_breach_response(Store& store, const RecordingContext& context, const std::string& breach_ref,
                                           const BreachResponseRequest& request) {
  auto row = one_row(store, Entity::Breaches, breach_ref);
  if (!row) return row.error();
  auto inputs = extract_tables_from_rows({{Entity::Breaches, {*row}}});
  if (!inputs) return inputs.error();
  Status valid = validate_breach_response(request, inputs->breaches.front(), context.as_of);
  if (!valid) return valid.error();
  set(*row, Entity::Breaches, "response", request.response);
  set(*row, Entity::Breaches, "response_date", request.response_date.to_iso());
  Status written = write_row(store, context, Entity::Breaches, *row, "breach.respond", "alteration");
  if (!written) return written.error();
  return breach_ref;
}

Result<std::string> record_victim_contact(Store& store, const RecordingContext& context, const std::string& crime_ref,
                                          const VictimContactRequest& request, const std::string& officer_ref,
                                          const std::string& contact_ref) {
  auto crime = one_row(store, Entity::Crimes, crime_ref);
  if (!crime) return crime.error();
  auto involvements = store.rows_where(Entity::Involvements, "crime_ref", crime_ref);
  if (!involvements) return involvements.error();
  auto inputs = extract_tables_from_rows({{Entity::Crimes, {*crime}}, {Entity::Involvements, *involvements}});
  if (!inputs) return inputs.error();
  Status valid = validate_victim_contact(request, inputs->crimes.front(), inputs->involvements, context.as_of,
                                         SafeguardingConfig{});
  if (!valid) return valid.error();
  if (!officer_ref.empty()) {
    auto officer = one_row(store, Entity::Officers, officer_ref);
    if (!officer) return officer.error();
  }
  Row row(entity_spec(Entity::VictimContacts).fields.size());
  const std::string ref = contact_ref.empty() ? "VC-" + crime_ref + "-" + context.now.substr(0, 19) : contact_ref;
  std::string safe_ref;
  for (char c : ref) safe_ref += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '/' || c == '.') ? c : '-';
  set(row, Entity::VictimContacts, "contact_ref", safe_ref);
  set(row, Entity::VictimContacts, "crime_ref", crime_ref);
  set(row, Entity::VictimContacts, "person_ref", request.person_ref);
  set(row, Entity::VictimContacts, "contact_date", request.contact_date.to_iso());
  set(row, Entity::VictimContacts, "method", request.method);
  set(row, Entity::VictimContacts, "purpose", request.purpose);
  if (request.agreed_frequency_days) {
    set(row, Entity::VictimContacts, "agreed_frequency_days", std::to_string(*request.agreed_frequency_days));
  }
  set(row, Entity::VictimContacts, "officer_ref", officer_ref);
  Status written = write_row(store, context, Entity::VictimContacts, row, "victim.contact", "collection");
  if (!written) return written.error();
  return safe_ref;
}

Result<RecordedBailPeriod> record_bail_extension(Store& store, const RecordingContext& context, const std::string& arrest_ref,
                                                 const BailExtensionRequest& request, const BailAuthorityRanks& ranks,
                                                 const std::string& bail_ref) {
  auto periods = store.rows_where(Entity::Bail, "arrest_ref", arrest_ref);
  if (!periods) return periods.error();
  if (periods->empty()) return Error{"not_found", "no bail after arrest '" + arrest_ref + "'"};
  auto inputs = extract_tables_from_rows({{Entity::Bail, *periods}});
  if (!inputs) return inputs.error();
  auto number = validate_bail_extension(request, inputs->bail_periods, context.as_of, ranks);
  if (!number) return number.error();
  // The current period ends in an extension.
  const BailPeriodRecord* current = nullptr;
  for (const BailPeriodRecord& period : inputs->bail_periods) {
    if (current == nullptr || period.period_number > current->period_number) current = &period;
  }
  for (Row& row : *periods) {
    if (row[0] != current->bail_ref) continue;
    set(row, Entity::Bail, "end_reason", "extended");
    set(row, Entity::Bail, "ended_date", current->end_date.to_iso());
    Status closed = write_row(store, context, Entity::Bail, row, "bail.extend", "alteration");
    if (!closed) return closed.error();
  }
  Row row(entity_spec(Entity::Bail).fields.size());
  const std::string ref = bail_ref.empty() ? arrest_ref + "-P" + std::to_string(*number) : bail_ref;
  set(row, Entity::Bail, "bail_ref", ref);
  set(row, Entity::Bail, "arrest_ref", arrest_ref);
  set(row, Entity::Bail, "period_number", std::to_string(*number));
  set(row, Entity::Bail, "start_date", current->end_date.to_iso());
  set(row, Entity::Bail, "end_date", request.end_date.to_iso());
  set(row, Entity::Bail, "authorised_by", request.authorised_by);
  set(row, Entity::Bail, "authorised_date", request.authorised_date.to_iso());
  set(row, Entity::Bail, "conditions", request.conditions);
  if (request.victim_views_sought.value_or(false)) set(row, Entity::Bail, "victim_views_sought", "1");
  Status written = write_row(store, context, Entity::Bail, row, "bail.extend", "alteration");
  if (!written) return written.error();
  return RecordedBailPeriod{ref, *number};
}

Result<std::string> record_s63g_decision(Store& store, const RecordingContext& context, const std::string& biometric_ref,
                                         const S63gDecisionRequest& request) {
  auto biometric = one_row(store, Entity::Biometrics, biometric_ref);
  if (!biometric) return biometric.error();
  auto arrest = one_row(store, Entity::Arrests, get(*biometric, Entity::Biometrics, "arrest_ref"));
  if (!arrest) return arrest.error();
  const std::string crime_ref = get(*arrest, Entity::Arrests, "crime_ref");
  auto crime = one_row(store, Entity::Crimes, crime_ref);
  if (!crime) return crime.error();
  auto involvements = store.rows_where(Entity::Involvements, "crime_ref", crime_ref);
  if (!involvements) return involvements.error();
  auto inputs = extract_tables_from_rows({{Entity::Biometrics, {*biometric}},
                                          {Entity::Arrests, {*arrest}},
                                          {Entity::Crimes, {*crime}},
                                          {Entity::Involvements, *involvements}});
  if (!inputs) return inputs.error();
  const SafeguardingConfig config;
  const S63gFacts facts = s63g_facts(inputs->biometrics.front(), &inputs->arrests.front(), &inputs->crimes.front(),
                                     inputs->involvements, context.as_of, config);
  Status valid = validate_s63g_decision(request, inputs->biometrics.front(), assess_s63g_eligibility(facts, config),
                                        context.as_of);
  if (!valid) return valid.error();
  if (!request.ground.empty()) set(*biometric, Entity::Biometrics, "ground", request.ground);
  if (request.application_date) set(*biometric, Entity::Biometrics, "application_date", request.application_date->to_iso());
  set(*biometric, Entity::Biometrics, "decision", request.decision);
  if (request.decision_date) set(*biometric, Entity::Biometrics, "decision_date", request.decision_date->to_iso());
  Status written = write_row(store, context, Entity::Biometrics, *biometric, "s63g.decide", "alteration");
  if (!written) return written.error();
  return biometric_ref;
}

}  // namespace rasso
