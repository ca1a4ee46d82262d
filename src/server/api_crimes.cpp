// /api/v1/crimes: the crimes in the user's scope (filtered, newest first) and one crime in full.

#include "core/field_spec.h"
#include "server/api_response.h"
#include "server/api_routes.h"
#include "server/person_presenter.h"
#include "server/record_scope.h"
#include "server/server_context.h"
#include "store/store.h"

namespace rasso::server {
namespace {

const std::vector<Role> kCaseRoles = {Role::Investigator, Role::Supervisor, Role::Analyst, Role::OffenderManager,
                                      Role::Scrutiny};

nlohmann::json optional_date(const std::optional<CivilDate>& date) {
  return date ? nlohmann::json(date->to_iso()) : nlohmann::json(nullptr);
}

nlohmann::json crime_summary(const ServerState& state, RowIndex row) {
  const CrimeRecord& crime = state.tables().crimes[row];
  const OffenceInfo* offence = state.offence(crime.offence_code);
  const Owner owner = state.snapshot.owner_of_crime(row);
  return {{"crime_ref", crime.crime_ref},
          {"force_code", crime.force_code},
          {"offence_code", crime.offence_code},
          {"offence_label", offence ? offence->label : ""},
          {"offence_group", offence ? offence->group : ""},
          {"reported_date", crime.reported_date.to_iso()},
          {"outcome_code", crime.outcome_code},
          {"outcome_date", optional_date(crime.outcome_date)},
          {"unit_ref", std::string(owner.unit_ref)},
          {"officer_ref", crime.officer_ref}};
}

struct CrimeFilter {
  std::string offence_group, unit, prefix;
  std::optional<int> outcome;
  std::optional<CivilDate> from, to;
};

HttpResponse list_crimes(const ApiRequest& request) {
  const ServerState& state = *request.state;
  auto page = page_request(request);
  if (!page) return error_response(page.error(), request.correlation_id);
  CrimeFilter filter{request.query_value("offence_group"), request.query_value("unit"), request.query_value("q"), {}, {}, {}};
  if (const auto text = request.query_value("outcome"); !text.empty()) {
    auto value = parse_count("outcome", text);
    if (!value) return error_response(value.error(), request.correlation_id);
    filter.outcome = static_cast<int>(*value);
  }
  for (auto [name, target] : {std::pair{"from", &filter.from}, std::pair{"to", &filter.to}}) {
    if (request.query_value(name).empty()) continue;
    auto date = date_query(request, name, CivilDate::from_days(0));
    if (!date) return error_response(date.error(), request.correlation_id);
    *target = *date;
  }
  const SessionUser& user = request.signed_in();
  nlohmann::json items = nlohmann::json::array();
  std::size_t total = 0;
  for (const RowIndex row : state.crimes_newest_first()) {
    const CrimeRecord& crime = state.tables().crimes[row];
    if (filter.from && crime.reported_date < *filter.from) continue;
    if (filter.to && crime.reported_date > *filter.to) continue;
    if (filter.outcome && crime.outcome_code != *filter.outcome) continue;
    if (!filter.prefix.empty() && crime.crime_ref.compare(0, filter.prefix.size(), filter.prefix) != 0) continue;
    if (!filter.offence_group.empty()) {
      const OffenceInfo* offence = state.offence(crime.offence_code);
      if (offence == nullptr || offence->group != filter.offence_group) continue;
    }
    const Owner owner = state.snapshot.owner_of_crime(row);
    if (!filter.unit.empty() && owner.unit_ref != filter.unit) continue;
    if (!user.in_scope(owner.force_code, owner.unit_ref)) continue;
    if (total++ < page->offset() || items.size() >= page->page_size) continue;
    items.push_back(crime_summary(state, row));
  }
  request.context->audit_read(request, "crimes.search", "crime_search", "crimes",
                              {{"offence_group", filter.offence_group}, {"unit", filter.unit}, {"q", filter.prefix},
                               {"matched", total}, {"page", page->page}});
  return json_response(paginate(std::move(items), *page, total));
}

nlohmann::json stored_rows_json(Entity entity, const std::vector<std::vector<std::string>>& rows) {
  const EntitySpec& spec = entity_spec(entity);
  nlohmann::json out = nlohmann::json::array();
  for (const auto& row : rows) {
    nlohmann::json object = nlohmann::json::object();
    for (std::size_t i = 0; i < spec.fields.size() && i < row.size(); ++i) object[std::string(spec.fields[i].name)] = row[i];
    out.push_back(std::move(object));
  }
  return out;
}

HttpResponse show_crime(const ApiRequest& request) {
  const ServerState& state = *request.state;
  const ExtractTables& t = state.tables();
  const std::string& crime_ref = request.param("crime_ref");
  const RowIndex row = state.snapshot.find_crime(crime_ref);
  if (row == kNoRow) return error_response("not_found", "no crime '" + crime_ref + "'", request.correlation_id);
  if (!crime_in_scope(request.signed_in(), state, row)) {
    return error_response("forbidden", "this crime is outside your force or unit", request.correlation_id);
  }
  const CrimeRecord& crime = t.crimes[row];
  nlohmann::json out = crime_summary(state, row);
  const CodeTable* outcomes = state.inputs.codes ? state.inputs.codes->table("outcome") : nullptr;
  const CodeEntry* outcome = outcomes ? outcomes->find(std::to_string(crime.outcome_code)) : nullptr;
  out["outcome"] = outcome ? outcome->label : "";
  out["child_victim"] = crime.child_victim;

  nlohmann::json people = nlohmann::json::array();
  for (const InvolvementRecord& involvement : state.snapshot.involvements_of(row)) {
    const std::uint64_t resolved_id = state.resolved_id_of(involvement.person_ref);
    const PersonLabel label = person_label(request, involvement.person_ref, resolved_id);
    people.push_back({{"person_ref", involvement.person_ref},
                      {"resolved_id", resolved_id},
                      {"display_name", label.display_name},
                      {"pseudonymised", label.pseudonymised},
                      {"role", involvement_role_code(static_cast<int>(involvement.role))}});
  }
  out["people"] = std::move(people);

  auto contacts = request.store->rows_where(Entity::VictimContacts, "crime_ref", crime_ref);
  if (!contacts) return error_response(contacts.error(), request.correlation_id);
  out["victim_contacts"] = stored_rows_json(Entity::VictimContacts, *contacts);

  nlohmann::json arrests = nlohmann::json::array();
  nlohmann::json bail = nlohmann::json::array();
  const RowRange range = state.snapshot.arrests_of(row);
  for (RowIndex arrest_row = range.begin; arrest_row < range.end; ++arrest_row) {
    const ArrestRecord& arrest = t.arrests[arrest_row];
    arrests.push_back({{"arrest_ref", arrest.arrest_ref},
                       {"person_ref", arrest.person_ref},
                       {"arrest_date", arrest.arrest_date.to_iso()},
                       {"disposal_date", optional_date(arrest.disposal_date)}});
    for (const BailPeriodRecord& period : state.snapshot.bail_periods_of(arrest_row)) {
      bail.push_back({{"bail_ref", period.bail_ref},
                      {"arrest_ref", period.arrest_ref},
                      {"period_number", period.period_number},
                      {"start_date", period.start_date.to_iso()},
                      {"end_date", period.end_date.to_iso()},
                      {"authorised_by", period.authorised_by},
                      {"ended_date", optional_date(period.ended_date)}});
    }
  }
  out["arrests"] = std::move(arrests);
  out["bail"] = std::move(bail);
  nlohmann::json breaches = nlohmann::json::array();
  for (RowIndex breach_row = 0; breach_row < t.breaches.size(); ++breach_row) {
    if (state.snapshot.crime_of_breach(breach_row) != row) continue;
    const BreachRecord& breach = t.breaches[breach_row];
    breaches.push_back({{"breach_ref", breach.breach_ref},
                        {"person_ref", breach.person_ref},
                        {"occurred_date", breach.occurred_date.to_iso()},
                        {"reported_date", breach.reported_date.to_iso()},
                        {"response", breach.response},
                        {"response_date", optional_date(breach.response_date)}});
  }
  out["breaches"] = std::move(breaches);
  request.context->audit_read(request, "crime.view", "crime", crime_ref);
  return json_response(out);
}

}  // namespace

void register_crime_routes(Router& router) {
  router.add("GET", "/api/v1/crimes", kCaseRoles, list_crimes);
  router.add("GET", "/api/v1/crimes/{crime_ref}", kCaseRoles, show_crime);
}

}  // namespace rasso::server
