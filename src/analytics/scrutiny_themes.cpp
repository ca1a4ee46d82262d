#include "analytics/scrutiny_themes.h"

#include <algorithm>

namespace rasso {

ThemesReport panel_themes(const std::vector<PanelFindingFacts>& findings) {
  ThemesReport report;
  std::map<std::string, int> themes;
  for (const PanelFindingFacts& finding : findings) {
    ++report.cases;
    ++report.decisions[finding.decision];
    ++report.by_outcome[std::to_string(finding.outcome_code)][finding.decision];
    ++report.by_offence_group[finding.offence_group][finding.decision];
    if (!finding.victim_care.empty()) ++report.victim_care[finding.victim_care];
    if (!finding.victims_code.empty()) ++report.victims_code[finding.victims_code];
    for (const std::string& theme : finding.themes) ++themes[theme];
    if (!finding.learning.empty()) report.learning.emplace_back(finding.pseudonym, finding.learning);
  }
  report.themes.assign(themes.begin(), themes.end());
  std::stable_sort(report.themes.begin(), report.themes.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  return report;
}

}  // namespace rasso
