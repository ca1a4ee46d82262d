#include "server/analysis_facts.h"

#include "server/server_state.h"

namespace rasso::server {

Result<KpiFacts> analysis_facts(const ApiRequest& request, CivilDate as_of, const std::string& force) {
  const SessionUser& user = request.signed_in();
  if (!force.empty() && force != user.force_code) {
    return Error{"forbidden", "you may see figures for force " + user.force_code + " only"};
  }
  const ServerState& state = *request.state;
  const auto repeat_suspects = state.repeat_suspects(as_of);
  KpiInputs inputs;
  inputs.tables = &state.tables();
  inputs.offences = state.inputs.offences.get();
  inputs.repeat_suspects = repeat_suspects.get();
  inputs.calendar = &state.inputs.rules->bank_holidays;
  inputs.config = state.inputs.rules->config;
  inputs.force_code = user.force_code;
  inputs.unit_ref = user.unit_code;
  return build_kpi_facts(inputs, as_of);
}

}  // namespace rasso::server
