#pragma once
// Object-level access checks against the in-memory state: a crime is visible only inside the
// user's force (and unit, for a unit-scoped user), judged on its owner (its unit, or its officer
// in charge's unit); a person record only if one of its crimes is visible.

#include <string_view>

#include "server/access_policy.h"
#include "server/server_state.h"

namespace rasso::server {

/// True when crime row `crime` is inside `user`'s scope (false for kNoRow).
bool crime_in_scope(const SessionUser& user, const ServerState& state, RowIndex crime);

/// True when person row `person` is involved in a crime inside `user`'s scope.
bool person_row_in_scope(const SessionUser& user, const ServerState& state, RowIndex person);

/// person_row_in_scope for the record `person_ref` (false when unknown).
bool person_ref_in_scope(const SessionUser& user, const ServerState& state, std::string_view person_ref);

}  // namespace rasso::server
