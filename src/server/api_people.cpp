// /api/v1/people/{resolved_id}: a resolved person — every linked record, the evidence for each
// link, the crimes, bail, orders and breaches in the user's scope, and a timeline.

#include <algorithm>
#include <charconv>

#include "core/field_spec.h"
#include "server/api_response.h"
#include "server/api_routes.h"
#include "server/person_presenter.h"
#include "server/record_scope.h"
#include "server/server_context.h"
#include "store/store.h"

namespace rasso::server {
namespace {

// "R123" or "123" as a resolved id; 0 when `text` is not one.
std::uint64_t resolved_number(std::string_view text) {
  if (!text.empty() && (text.front() == 'R' || text.front() == 'r')) text.remove_prefix(1);
  std::uint64_t value = 0;
  const auto [end, problem] = std::from_chars(text.data(), text.data() + text.size(), value);
  return problem == std::errc() && end == text.data() + text.size() ? value : 0;
}

// The link evidence fields; values are left out for users who see pseudonyms.
nlohmann::json link_fields(const std::string& evidence_text, bool sees_names) {
  nlohmann::json fields = nlohmann::json::array();
  const nlohmann::json evidence = nlohmann::json::parse(evidence_text, nullptr, false);
  if (!evidence.is_object() || !evidence.contains("fields")) return fields;
  for (const auto& field : evidence["fields"]) {
    nlohmann::json out = {{"field", field.value("field", "")},
                          {"level", field.value("level", "")},
                          {"weight", field.value("weight", 0.0) + field.value("tf_adjustment", 0.0)}};
    if (sees_names) {
      out["value_a"] = field.value("a", "");
      out["value_b"] = field.value("b", "");
    }
    fields.push_back(std::move(out));
  }
  return fields;
}

struct TimelineEntry {
  CivilDate date;
  std::string kind;
  std::string text;
  std::string crime_ref;
};

HttpResponse show_person(const ApiRequest& request) {
  const ServerState& state = *request.state;
  const ExtractTables& t = state.tables();
  const SessionUser& user = request.signed_in();
  const std::string& id = request.param("resolved_id");

  std::uint64_t resolved_id = resolved_number(id);
  std::vector<RowIndex> person_rows;
  if (resolved_id != 0) {
    const auto rows = state.person_rows_of(resolved_id);
    person_rows.assign(rows.begin(), rows.end());
  }
  if (person_rows.empty()) {
    const RowIndex row = state.snapshot.find_person(id);
    if (row == kNoRow) return error_response("not_found", "no person '" + id + "'", request.correlation_id);
    resolved_id = state.resolved_id_of(id);
    if (resolved_id != 0) {
      const auto rows = state.person_rows_of(resolved_id);
      person_rows.assign(rows.begin(), rows.end());
    } else {
      person_rows.push_back(row);
    }
  }
  const bool visible = std::any_of(person_rows.begin(), person_rows.end(),
                                   [&](RowIndex row) { return person_row_in_scope(user, state, row); });
  if (!visible) return error_response("forbidden", "this person has no crime in your force or unit", request.correlation_id);

  const CivilDate today = request.context->today();
  const std::string first_ref = t.persons[person_rows.front()].person_ref;
  const PersonLabel label = person_label(request, first_ref, resolved_id);
  nlohmann::json records = nlohmann::json::array();
  std::vector<std::string> refs;
  for (const RowIndex row : person_rows) {
    const std::string& ref = t.persons[row].person_ref;
    refs.push_back(ref);
    auto stored = request.store->rows_where(Entity::Persons, "person_ref", ref);
    if (!stored) return error_response(stored.error(), request.correlation_id);
    for (const auto& values : *stored) records.push_back(person_record_json(request, values, today));
  }

  nlohmann::json links = nlohmann::json::array();
  if (resolved_id != 0) {
    auto stored = request.store->links_of(static_cast<std::int64_t>(resolved_id));
    if (!stored) return error_response(stored.error(), request.correlation_id);
    for (const StoredLink& link : *stored) {
      links.push_back({{"person_ref_a", link.person_ref_a},
                       {"person_ref_b", link.person_ref_b},
                       {"match_probability", link.probability},
                       {"match_weight", link.match_weight},
                       {"source", link.source},
                       {"fields", link_fields(link.evidence, user.sees_names())}});
    }
  }

  std::vector<TimelineEntry> timeline;
  nlohmann::json crimes = nlohmann::json::array();
  nlohmann::json bail = nlohmann::json::array();
  std::vector<RowIndex> crime_rows;
  for (const RowIndex row : person_rows) {
    for (const RowIndex involvement_row : state.involvements_of_person(row)) {
      const InvolvementRecord& involvement = t.involvements[involvement_row];
      const RowIndex crime_row = state.snapshot.find_crime(involvement.crime_ref);
      if (!crime_in_scope(user, state, crime_row)) continue;
      const CrimeRecord& crime = t.crimes[crime_row];
      const OffenceInfo* offence = state.offence(crime.offence_code);
      const std::string role = involvement_role_code(static_cast<int>(involvement.role));
      crimes.push_back({{"crime_ref", crime.crime_ref},
                        {"role", role},
                        {"offence_code", crime.offence_code},
                        {"offence_label", offence ? offence->label : ""},
                        {"reported_date", crime.reported_date.to_iso()},
                        {"outcome_code", crime.outcome_code}});
      timeline.push_back({crime.reported_date, "crime", (offence ? offence->label : crime.offence_code) + " reported (" + role + ")",
                          crime.crime_ref});
      crime_rows.push_back(crime_row);
      const RowRange arrests = state.snapshot.arrests_of(crime_row);
      for (RowIndex arrest_row = arrests.begin; arrest_row < arrests.end; ++arrest_row) {
        const ArrestRecord& arrest = t.arrests[arrest_row];
        if (arrest.person_ref != t.persons[row].person_ref) continue;
        timeline.push_back({arrest.arrest_date, "arrest", "arrested", crime.crime_ref});
        for (const BailPeriodRecord& period : state.snapshot.bail_periods_of(arrest_row)) {
          bail.push_back({{"bail_ref", period.bail_ref},
                          {"arrest_ref", period.arrest_ref},
                          {"crime_ref", crime.crime_ref},
                          {"period_number", period.period_number},
                          {"start_date", period.start_date.to_iso()},
                          {"end_date", period.end_date.to_iso()},
                          {"authorised_by", period.authorised_by},
                          {"conditions", !period.conditions.empty()},
                          {"ended_date", period.ended_date ? period.ended_date->to_iso() : ""}});
          timeline.push_back({period.start_date, "bail", "bail period " + std::to_string(period.period_number) + " until " +
                                                             period.end_date.to_iso(), crime.crime_ref});
        }
      }
    }
  }

  std::vector<RowIndex> order_rows, breach_rows;
  for (const RowIndex row : person_rows) {
    for (const RowIndex order_row : state.orders_of_subject(row)) order_rows.push_back(order_row);
    for (const RowIndex breach_row : state.breaches_of_person(row)) breach_rows.push_back(breach_row);
  }
  std::sort(order_rows.begin(), order_rows.end());
  std::sort(breach_rows.begin(), breach_rows.end());
  nlohmann::json orders = nlohmann::json::array();
  for (const RowIndex order_row : order_rows) {
    const OrderRecord& order = t.orders[order_row];
    const RowIndex crime_row = state.snapshot.crime_of_order(order_row);
    if (crime_row != kNoRow && !crime_in_scope(user, state, crime_row)) continue;
    orders.push_back({{"order_ref", order.order_ref},
                      {"order_type", order.order_type},
                      {"crime_ref", order.crime_ref},
                      {"start_date", order.start_date ? order.start_date->to_iso() : ""},
                      {"end_date", order.end_date ? order.end_date->to_iso() : ""},
                      {"until_further_order", order.until_further_order}});
    if (order.start_date) timeline.push_back({*order.start_date, "order", order.order_type + " made", order.crime_ref});
  }
  nlohmann::json breaches = nlohmann::json::array();
  for (const RowIndex breach_row : breach_rows) {
    const BreachRecord& breach = t.breaches[breach_row];
    const RowIndex crime_row = state.snapshot.crime_of_breach(breach_row);
    if (!crime_in_scope(user, state, crime_row)) continue;
    const std::string crime_ref = t.crimes[crime_row].crime_ref;
    breaches.push_back({{"breach_ref", breach.breach_ref},
                        {"crime_ref", crime_ref},
                        {"occurred_date", breach.occurred_date.to_iso()},
                        {"reported_date", breach.reported_date.to_iso()},
                        {"response", breach.response},
                        {"response_date", breach.response_date ? breach.response_date->to_iso() : ""}});
    timeline.push_back({breach.occurred_date, "breach", "breach of " + std::string(breach.breach_of == BreachOf::Bail ? "bail" : "an order"),
                        crime_ref});
  }
  std::stable_sort(timeline.begin(), timeline.end(), [](const auto& a, const auto& b) { return a.date < b.date; });
  nlohmann::json timeline_json = nlohmann::json::array();
  for (const TimelineEntry& entry : timeline) {
    timeline_json.push_back({{"date", entry.date.to_iso()}, {"kind", entry.kind}, {"text", entry.text}, {"crime_ref", entry.crime_ref}});
  }

  request.context->audit_read(request, "person.view", "resolved_person",
                              resolved_id ? "R" + std::to_string(resolved_id) : first_ref,
                              {{"records", refs}, {"pseudonymised", label.pseudonymised}});
  return json_response({{"resolved_id", resolved_id},
                        {"display_name", label.display_name},
                        {"pseudonymised", label.pseudonymised},
                        {"records", std::move(records)},
                        {"links", std::move(links)},
                        {"crimes", std::move(crimes)},
                        {"bail", std::move(bail)},
                        {"orders", std::move(orders)},
                        {"breaches", std::move(breaches)},
                        {"timeline", std::move(timeline_json)}});
}

}  // namespace

void register_people_routes(Router& router) {
  router.add("GET", "/api/v1/people/{resolved_id}",
             {Role::Investigator, Role::Supervisor, Role::Analyst, Role::OffenderManager, Role::Scrutiny}, show_person);
}

}  // namespace rasso::server
