#include "server/record_scope.h"

namespace rasso::server {

bool crime_in_scope(const SessionUser& user, const ServerState& state, RowIndex crime) {
  if (crime == kNoRow) return false;
  const Owner owner = state.snapshot.owner_of_crime(crime);
  return user.in_scope(owner.force_code, owner.unit_ref);
}

bool person_row_in_scope(const SessionUser& user, const ServerState& state, RowIndex person) {
  if (person == kNoRow) return false;
  for (const RowIndex involvement : state.involvements_of_person(person)) {
    const RowIndex crime = state.snapshot.find_crime(state.tables().involvements[involvement].crime_ref);
    if (crime_in_scope(user, state, crime)) return true;
  }
  return false;
}

bool person_ref_in_scope(const SessionUser& user, const ServerState& state, std::string_view person_ref) {
  return person_row_in_scope(user, state, state.snapshot.find_person(person_ref));
}

}  // namespace rasso::server
