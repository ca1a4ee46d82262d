#include "server/person_presenter.h"

#include <unordered_map>

#include "core/extract_records.h"
#include "core/field_spec.h"
#include "server/server_context.h"
#include "store/store.h"

namespace rasso::server {
namespace {

std::string field(const std::vector<std::string>& row, std::string_view name) {
  const auto index = entity_spec(Entity::Persons).index_of(name);
  return index && *index < row.size() ? row[*index] : std::string();
}

std::string full_name(const std::vector<std::string>& row) {
  std::string name = field(row, "forename");
  const std::string surname = field(row, "surname");
  if (!surname.empty()) name += (name.empty() ? "" : " ") + surname;
  return name.empty() ? "(no name recorded)" : name;
}

// Names by person_ref, per worker thread, for the state generation they were read under.
std::string cached_name(const ApiRequest& request, std::string_view person_ref) {
  thread_local std::unordered_map<std::string, std::string> names;
  thread_local std::uint64_t generation = 0;
  thread_local const void* owner = nullptr;
  if (generation != request.state->generation || owner != request.store || names.size() > 200000) {
    names.clear();
    generation = request.state->generation;
    owner = request.store;
  }
  const std::string key(person_ref);
  if (auto found = names.find(key); found != names.end()) return found->second;
  auto rows = request.store->rows_where(Entity::Persons, "person_ref", key);
  const std::string name = rows && !rows->empty() ? full_name(rows->front()) : std::string("(unknown record)");
  names.emplace(key, name);
  return name;
}

}  // namespace

std::string involvement_role_code(int role) {
  switch (static_cast<InvolvementRole>(role)) {
    case InvolvementRole::Victim: return "victim";
    case InvolvementRole::Suspect: return "suspect";
    case InvolvementRole::Witness: return "witness";
    case InvolvementRole::Other: break;
  }
  return "other";
}

PersonLabel person_label(const ApiRequest& request, std::string_view person_ref, std::uint64_t resolved_id) {
  if (!request.signed_in().sees_names()) {
    return {request.context->pseudonymiser.pseudonym(resolved_id, person_ref), true};
  }
  return {cached_name(request, person_ref), false};
}

nlohmann::json person_record_json(const ApiRequest& request, const std::vector<std::string>& row, CivilDate as_of) {
  const std::string person_ref = field(row, "person_ref");
  nlohmann::json out = {{"person_ref", person_ref}, {"sex", field(row, "sex")}, {"source", field(row, "force_code")}};
  if (request.signed_in().sees_names()) {
    out["forename"] = field(row, "forename");
    out["middle_names"] = field(row, "middle_names");
    out["surname"] = field(row, "surname");
    out["dob"] = field(row, "dob");
    out["postcode"] = field(row, "postcode");
    out["pnc_id"] = field(row, "pnc_id");
    out["cro_number"] = field(row, "cro_number");
    out["pseudonymised"] = false;
  } else {
    out["display_name"] = request.context->pseudonymiser.pseudonym(request.state->resolved_id_of(person_ref), person_ref);
    out["age_band"] = age_band(CivilDate::parse_iso(field(row, "dob")), as_of);
    out["postcode_district"] = postcode_district(field(row, "postcode"));
    out["pseudonymised"] = true;
  }
  out["ethnicity"] = field(row, "ethnicity");
  return out;
}

}  // namespace rasso::server
