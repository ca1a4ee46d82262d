#include "linkage/fellegi_sunter_model.h"

#include <algorithm>
#include <cmath>

namespace rasso::linkage {
namespace {

LevelProbabilities uniform_over_present_levels(Field field) {
  LevelProbabilities probabilities(level_count(field), 0.0);
  for (std::size_t level = 1; level < probabilities.size(); ++level) {
    probabilities[level] = 1.0 / static_cast<double>(probabilities.size() - 1);
  }
  return probabilities;
}

}  // namespace

double FellegiSunterModel::level_weight(Field field, Level level) const {
  if (!carries_evidence(field, level)) return 0.0;
  const auto f = static_cast<std::size_t>(field);
  return std::log2(m[f][level] / u[f][level]);
}

double FellegiSunterModel::prior_weight() const { return match_weight_for_probability(prior); }

FellegiSunterModel default_model() {
  FellegiSunterModel model;
  auto set = [&](Field field, LevelProbabilities m) {
    model.m[static_cast<std::size_t>(field)] = std::move(m);
    model.u[static_cast<std::size_t>(field)] = uniform_over_present_levels(field);
  };
  //                        missing exact nickname swapped jw92  jw80  different
  set(Field::Forename, {0.0, 0.80, 0.04, 0.01, 0.05, 0.03, 0.07});
  //                        missing exact swapped part  jw92  jw80  different
  set(Field::Surname, {0.0, 0.78, 0.01, 0.03, 0.05, 0.03, 0.10});
  //                        missing exact swap  digit same_year different
  set(Field::DateOfBirth, {0.0, 0.85, 0.02, 0.04, 0.03, 0.06});
  set(Field::Sex, {0.0, 0.97, 0.03});
  //                        missing exact district different
  set(Field::Postcode, {0.0, 0.50, 0.20, 0.30});
  set(Field::PncId, {0.0, 0.95, 0.05});
  set(Field::CroNumber, {0.0, 0.95, 0.05});
  return model;
}

double match_probability(double match_weight) { return 1.0 / (1.0 + std::exp2(-match_weight)); }

double match_weight_for_probability(double probability) {
  const double p = std::clamp(probability, 1e-300, 1.0 - 1e-16);
  return std::log2(p / (1.0 - p));
}

}  // namespace rasso::linkage
