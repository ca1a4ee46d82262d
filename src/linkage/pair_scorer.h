#pragma once
// PairScorer: the match weight of a compared pair under a FellegiSunterModel, with the
// term-frequency adjustment for exact name agreement: when two records agree exactly on a name,
// the evidence is m / tf(name) instead of m / u, i.e. the level weight plus
// log2(u_exact / tf(name)) — positive for a rare name, negative for a common one.

#include <array>

#include "linkage/comparison_levels.h"
#include "linkage/fellegi_sunter_model.h"
#include "linkage/prepared_person.h"
#include "linkage/term_frequencies.h"

namespace rasso::linkage {

class PairScorer {
 public:
  /// The scorer keeps references to `frequencies`; it must outlive the scorer. `model` is copied
  /// into a weight table. With `adjust_for_frequency` false every adjustment is 0.
  PairScorer(const FellegiSunterModel& model, const TermFrequencies& frequencies, bool adjust_for_frequency = true);

  /// log2(m / u) of a level (0 for missing).
  double level_weight(Field field, Level level) const { return weights_[static_cast<std::size_t>(field)][level]; }

  /// Term-frequency adjustment of a field for a pair: non-zero only for an exact forename or
  /// surname agreement, where it is log2(u_exact / tf(name)). `a` is either record of the pair
  /// (they hold the same name).
  double term_frequency_adjustment(Field field, const PreparedPerson& a, const ComparisonVector& levels) const;

  /// Prior weight + every level weight + the term-frequency adjustments. Thread-safe.
  double match_weight(const PreparedPerson& a, const ComparisonVector& levels) const;

  double prior_weight() const { return prior_weight_; }

 private:
  const TermFrequencies& frequencies_;
  std::array<std::array<double, kMaxLevels>, kFieldCount> weights_{};
  bool adjust_for_frequency_ = true;
  double prior_weight_ = 0.0;
  double forename_u_exact_ = 0.0;
  double surname_u_exact_ = 0.0;
};

}  // namespace rasso::linkage
