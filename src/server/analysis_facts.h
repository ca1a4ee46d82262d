#pragma once
// The KPI facts for a request to the analysis endpoints (/api/v1/kpis, reports, exports): built
// from the current state's tables as of a date, limited to the signed-in user's scope (their
// force, and their unit when they have one; a `force` query may only narrow to their own force).

#include <memory>

#include "analytics/kpi_facts.h"
#include "core/result.h"
#include "server/api_request.h"

namespace rasso::server {

/// The facts as of `as_of` in the user's scope, shared with other requests of the same date and
/// scope (ServerState::kpi_facts). Error "forbidden" when `force` names another force.
Result<std::shared_ptr<const KpiFacts>> analysis_facts(const ApiRequest& request, CivilDate as_of, const std::string& force);

}  // namespace rasso::server
