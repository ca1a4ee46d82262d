#pragma once
// The themes report over scrutiny panels: how the panels judged the cases they reviewed, broken
// down by outcome and offence group, how often each learning theme came up, and the learning
// points themselves, named only by case pseudonym.

#include <map>
#include <string>
#include <vector>

namespace rasso {

/// The panel decisions, from best to worst.
inline constexpr const char* kPanelDecisions[] = {"appropriate", "appropriate_with_learning", "inappropriate"};

/// One finding as the themes report reads it (the latest finding per case).
struct PanelFindingFacts {
  std::string pseudonym;
  int outcome_code = 0;
  std::string offence_group;
  std::string decision;  // one of kPanelDecisions
  std::string victim_care;     // good, adequate, poor, not_assessed
  std::string victims_code;    // met, partly_met, not_met, not_assessed
  std::vector<std::string> themes;
  std::string learning;
};

struct ThemesReport {
  int cases = 0;
  std::map<std::string, int> decisions;                            // decision -> cases
  std::map<std::string, std::map<std::string, int>> by_outcome;    // outcome code -> decision -> cases
  std::map<std::string, std::map<std::string, int>> by_offence_group;
  std::map<std::string, int> victim_care;
  std::map<std::string, int> victims_code;
  std::vector<std::pair<std::string, int>> themes;                 // most frequent first, then by name
  std::vector<std::pair<std::string, std::string>> learning;       // (pseudonym, learning), non-empty only
};

/// Tallies `findings` (one per case).
ThemesReport panel_themes(const std::vector<PanelFindingFacts>& findings);

}  // namespace rasso
