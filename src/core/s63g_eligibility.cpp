#include "core/s63g_eligibility.h"

#include <algorithm>

#include "core/code_table.h"

namespace rasso {

std::string_view s63g_ground_code(S63gGround ground) {
  switch (ground) {
    case S63gGround::VictimUnder18: return "victim_under_18";
    case S63gGround::VictimVulnerable: return "victim_vulnerable";
    case S63gGround::VictimAssociated: return "victim_associated";
    case S63gGround::PreventDetect: return "prevent_detect";
  }
  return "";
}

std::optional<S63gGround> parse_s63g_ground(std::string_view code) {
  const std::string lower = ascii_lower(code);
  for (S63gGround ground : {S63gGround::VictimUnder18, S63gGround::VictimVulnerable, S63gGround::VictimAssociated,
                            S63gGround::PreventDetect}) {
    if (s63g_ground_code(ground) == lower) return ground;
  }
  return std::nullopt;
}

void S63gGrounds::add(S63gGround ground) {
  switch (ground) {
    case S63gGround::VictimUnder18: victim_under_18 = true; break;
    case S63gGround::VictimVulnerable: victim_vulnerable = true; break;
    case S63gGround::VictimAssociated: victim_associated = true; break;
    case S63gGround::PreventDetect: prevent_detect = true; break;
  }
}

std::string S63gGrounds::in_words() const {
  std::string words;
  auto append = [&words](bool applies, std::string_view text) {
    if (!applies) return;
    if (!words.empty()) words += "; ";
    words += text;
  };
  append(victim_under_18, "victim under 18");
  append(victim_vulnerable, "victim vulnerable");
  append(victim_associated, "victim associated with the person");
  append(prevent_detect, "to prevent or detect crime");
  return words;
}

bool is_s63g_qualifying_offence(std::string_view offence_code, const SafeguardingConfig& config) {
  const auto& listed = config.s63g_qualifying_offences;
  if (listed.empty()) return true;
  const std::string upper = ascii_upper(offence_code);
  return std::any_of(listed.begin(), listed.end(), [&upper](const std::string& code) { return ascii_upper(code) == upper; });
}

S63gEligibility assess_s63g_eligibility(const S63gFacts& facts, const SafeguardingConfig& config) {
  S63gEligibility result;
  result.grounds = facts.grounds;
  result.previous_convictions_unrecorded = !facts.previous_convictions.has_value();
  if (!facts.qualifying_offence) {
    result.not_eligible_because = "not arrested for a qualifying offence";
  } else if (facts.charged) {
    result.not_eligible_because = "charged or cautioned";
  } else if (!facts.no_charge_date) {
    result.not_eligible_because = "no decision not to charge recorded yet";
  } else if (!facts.samples_taken) {
    result.not_eligible_because = "no DNA or fingerprints taken";
  } else if (facts.previous_convictions == true) {
    result.not_eligible_because = "has previous convictions (retention does not need s63G consent)";
  } else if (!facts.grounds.any()) {
    result.not_eligible_because = "no s63G ground applies";
  } else {
    result.eligible = true;
    result.application_deadline = s63g_application_deadline(*facts.no_charge_date, config);
  }
  return result;
}

CivilDate s63g_application_deadline(CivilDate no_charge_date, const SafeguardingConfig& config) {
  return no_charge_date.plus_days(config.s63g_application_deadline_days);
}

CivilDate s63g_retention_end(CivilDate samples_taken, const SafeguardingConfig& config) {
  return samples_taken.plus_months(config.s63g_retention_months);
}

CivilDate s63g_extension_window_opens(CivilDate samples_taken, const SafeguardingConfig& config) {
  return samples_taken.plus_months(config.s63g_retention_months - config.s63g_extension_window_months);
}

bool is_s63g_extension_window_open(CivilDate samples_taken, CivilDate as_of, const SafeguardingConfig& config) {
  return as_of >= s63g_extension_window_opens(samples_taken, config) && as_of <= s63g_retention_end(samples_taken, config);
}

}  // namespace rasso
