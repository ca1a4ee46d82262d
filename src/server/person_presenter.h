#pragma once
// How a person is shown to the signed-in user: by name to roles that may see names, otherwise by
// a stable pseudonym with names, date of birth (age band instead), postcode (district instead),
// PNC ID and CRO number left out. Every person object carries "pseudonymised".

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/civil_date.h"
#include "server/api_request.h"

namespace rasso::server {

struct PersonLabel {
  std::string display_name;
  bool pseudonymised = false;
};

/// The name (or pseudonym) to show for person record `person_ref` of resolved person
/// `resolved_id` (0: unresolved). Names are read from the request's store connection, through a
/// per-thread cache.
PersonLabel person_label(const ApiRequest& request, std::string_view person_ref, std::uint64_t resolved_id);

/// A stored person row (entity_spec(Persons) order) as shown to the user; `as_of` sets the age band.
nlohmann::json person_record_json(const ApiRequest& request, const std::vector<std::string>& row, CivilDate as_of);

/// The involvement role's code ("victim", "suspect", "witness", "other").
std::string involvement_role_code(int role);

}  // namespace rasso::server
