#include "linkage/pair_scorer.h"

#include <algorithm>
#include <cmath>

namespace rasso::linkage {
namespace {

constexpr auto kForenameExact = static_cast<Level>(ForenameLevel::Exact);
constexpr auto kSurnameExact = static_cast<Level>(SurnameLevel::Exact);
// A name seen once has tf = 1/N; the floor only guards against a zero from an unseen name.
constexpr double kMinimumTermFrequency = 1e-9;

}  // namespace

PairScorer::PairScorer(const FellegiSunterModel& model, const TermFrequencies& frequencies, bool adjust_for_frequency)
    : frequencies_(frequencies), adjust_for_frequency_(adjust_for_frequency), prior_weight_(model.prior_weight()) {
  for (Field field : kFields) {
    for (std::size_t level = 0; level < level_count(field); ++level) {
      weights_[static_cast<std::size_t>(field)][level] = model.level_weight(field, static_cast<Level>(level));
    }
  }
  forename_u_exact_ = model.u[static_cast<std::size_t>(Field::Forename)][kForenameExact];
  surname_u_exact_ = model.u[static_cast<std::size_t>(Field::Surname)][kSurnameExact];
}

double PairScorer::term_frequency_adjustment(Field field, const PreparedPerson& a,
                                             const ComparisonVector& levels) const {
  if (!adjust_for_frequency_) return 0.0;
  if (field == Field::Forename && levels[Field::Forename] == kForenameExact) {
    return std::log2(forename_u_exact_ / std::max(frequencies_.forename(a.forename), kMinimumTermFrequency));
  }
  if (field == Field::Surname && levels[Field::Surname] == kSurnameExact) {
    return std::log2(surname_u_exact_ / std::max(frequencies_.surname(a.surname), kMinimumTermFrequency));
  }
  return 0.0;
}

double PairScorer::match_weight(const PreparedPerson& a, const ComparisonVector& levels) const {
  double weight = prior_weight_;
  for (std::size_t f = 0; f < kFieldCount; ++f) weight += weights_[f][levels.levels[f]];
  weight += term_frequency_adjustment(Field::Forename, a, levels);
  weight += term_frequency_adjustment(Field::Surname, a, levels);
  return weight;
}

}  // namespace rasso::linkage
