#include "server/analysis_facts.h"

#include "server/server_state.h"

namespace rasso::server {

Result<std::shared_ptr<const KpiFacts>> analysis_facts(const ApiRequest& request, CivilDate as_of,
                                                       const std::string& force) {
  const SessionUser& user = request.signed_in();
  if (!force.empty() && force != user.force_code) {
    return Error{"forbidden", "you may see figures for force " + user.force_code + " only"};
  }
  return request.state->kpi_facts(as_of, user.force_code, user.unit_code);
}

}  // namespace rasso::server
