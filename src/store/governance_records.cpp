#include "store/governance_records.h"

#include <algorithm>
#include <array>

namespace rasso {
namespace {

bool one_of(std::string_view value, std::initializer_list<std::string_view> allowed) {
  return std::find(allowed.begin(), allowed.end(), value) != allowed.end();
}

}  // namespace

Status validate_panel_finding(const PanelFinding& finding) {
  if (!one_of(finding.decision, {"appropriate", "appropriate_with_learning", "inappropriate"})) {
    return Error{"invalid_input", "decision '" + finding.decision +
                                      "' must be appropriate, appropriate_with_learning or inappropriate"};
  }
  if (!one_of(finding.victim_care, {"", "good", "adequate", "poor", "not_assessed"})) {
    return Error{"invalid_input", "victim care '" + finding.victim_care + "' must be good, adequate, poor or not_assessed"};
  }
  if (!one_of(finding.victims_code, {"", "met", "partly_met", "not_met", "not_assessed"})) {
    return Error{"invalid_input", "Victims' Code compliance '" + finding.victims_code +
                                      "' must be met, partly_met, not_met or not_assessed"};
  }
  if (!CivilDate::parse_iso(finding.panel_date)) {
    return Error{"invalid_input", "panel date '" + finding.panel_date + "': " + CivilDate::parse_iso_problem(finding.panel_date)};
  }
  for (const std::string& theme : finding.themes) {
    const bool ok = !theme.empty() && theme.size() <= 40 && std::all_of(theme.begin(), theme.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    });
    if (!ok) return Error{"invalid_input", "theme '" + theme + "' must be 1-40 lower-case letters, digits or '_' (e.g. victim_care)"};
  }
  if (finding.learning.size() > 4000) return Error{"invalid_input", "learning must be at most 4000 characters"};
  if (finding.actions.size() > 4000) return Error{"invalid_input", "actions must be at most 4000 characters"};
  return ok_status();
}

std::map<int, CaseFindings> findings_by_case(const std::vector<PanelFinding>& findings) {
  std::map<int, std::vector<const PanelFinding*>> by_case;
  for (const PanelFinding& finding : findings) by_case[finding.case_number].push_back(&finding);
  std::map<int, CaseFindings> out;
  for (auto& [case_number, versions] : by_case) {
    std::sort(versions.begin(), versions.end(),
              [](const PanelFinding* a, const PanelFinding* b) { return a->finding_id > b->finding_id; });
    CaseFindings& entry = out[case_number];
    entry.current = versions.front();
    entry.superseded.assign(versions.begin() + 1, versions.end());
  }
  return out;
}

}  // namespace rasso
