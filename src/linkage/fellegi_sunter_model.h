#pragma once
// FellegiSunterModel: the parameters of the Fellegi-Sunter model of record linkage. For each
// field and comparison level, m = P(level | the two records are the same person) and
// u = P(level | they are different people); the prior is the probability that two records drawn
// at random are the same person. A pair's match weight is the log2 Bayes factor
//   prior weight + sum over fields of log2(m / u)   (missing fields add 0),
// and its match probability is 2^w / (1 + 2^w).

#include <array>
#include <cstddef>
#include <vector>

#include "linkage/comparison_levels.h"

namespace rasso::linkage {

/// Probabilities indexed by level; index 0 (missing) is unused and kept at 0.
using LevelProbabilities = std::vector<double>;
using FieldProbabilities = std::array<LevelProbabilities, kFieldCount>;

struct FellegiSunterModel {
  FieldProbabilities m;
  FieldProbabilities u;
  /// Probability that two records drawn at random are the same person.
  double prior = 1e-6;

  // How the parameters were estimated (for reports; not used in scoring).
  std::size_t u_sample_pairs = 0;  // random pairs behind u
  std::size_t em_pairs = 0;        // blocked pairs behind m
  std::size_t em_iterations = 0;
  bool em_converged = false;
  double em_match_share = 0.0;  // estimated share of blocked pairs that match

  /// log2(m / u) of a level; 0 for a level that carries no evidence (carries_evidence()).
  double level_weight(Field field, Level level) const;
  /// log2(prior / (1 - prior)).
  double prior_weight() const;
};

/// Starting values: m from typical error rates of police person records (most matches agree
/// exactly, a few show a typo, nickname or swap) and u uniform over the non-missing levels. EM
/// starts from these m; the uniform u is replaced by the random-pair estimate.
FellegiSunterModel default_model();

/// Probability from a match weight: 2^w / (1 + 2^w).
double match_probability(double match_weight);
/// Match weight from a probability in (0, 1): log2(p / (1 - p)).
double match_weight_for_probability(double probability);

}  // namespace rasso::linkage
