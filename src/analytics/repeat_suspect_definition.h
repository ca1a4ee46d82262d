#pragma once
// RepeatSuspectDefinition and RankingWeights: which resolved people count as repeat RASSO
// suspects, and how they are ranked for tasking. The national definition (HMICFRS 2024 rec 5)
// is not public, so every value here is a documented default (DOMAIN.md §3, docs/repeat-suspects.md).

#include <optional>
#include <string>
#include <vector>

namespace rasso {

struct RepeatSuspectDefinition {
  /// Named as suspect in at least this many separate crimes.
  int min_crimes = 2;
  /// Only crimes reported within this many months before the as-of date count (none = all time;
  /// MATAC practice is 36).
  std::optional<int> look_back_months;
  /// Require at least `min_crimes` distinct (resolved) victims as well.
  bool distinct_victims_required = false;
  /// Offence groups that count ("rape", "sexual_assault", "child_sexual_offence", "other"); a
  /// child offence also counts for "child_sexual_offence". Empty = every RASSO offence.
  std::vector<std::string> offence_groups;
  /// Only people named in crimes of two or more forces.
  bool across_forces_only = false;

  /// The definition in one sentence, printed with every output.
  std::string describe() const;
};

/// Recency-frequency-gravity(-victims) ranking, after MATAC. score = recency * R + frequency * F +
/// gravity * G + victims * V, where R is the recency band points (below), F the number of crimes,
/// G the summed harm weights in years of imprisonment, V the number of distinct victims.
struct RankingWeights {
  double recency = 1.0;
  double frequency = 1.0;
  double gravity = 1.0;
  double victims = 1.0;
  /// Recency points by months since the latest crime: [0,3) 5, [3,6) 4, [6,12) 3, [12,24) 2, older 1.
  std::vector<int> recency_band_months = {3, 6, 12, 24};
  std::vector<int> recency_band_points = {5, 4, 3, 2, 1};
};

}  // namespace rasso
