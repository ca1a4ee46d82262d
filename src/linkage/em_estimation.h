#pragma once
// Unsupervised estimation of the m probabilities (P(level | same person)) by the
// expectation-maximisation algorithm of Winkler (1988) over the blocked candidate pairs, which
// are a mixture of matches and non-matches. Pairs are counted by comparison pattern first, so
// each iteration costs the number of distinct patterns (at most pattern_count()), not pairs.
// Deterministic: no randomness, a fixed iteration limit and a convergence tolerance.

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "linkage/fellegi_sunter_model.h"

namespace rasso::linkage {

struct EmOptions {
  std::size_t max_iterations = 200;
  double tolerance = 1e-6;           // stop when no parameter moves by more than this
  double initial_match_share = 0.1;  // starting share of candidate pairs that match
  double min_probability = 1e-6;     // floor on every u (and the match share) so no weight is infinite
  /// Floor on every m. Real records of one person disagree on any field now and then (typos,
  /// swaps, blanks re-typed); without a floor EM can drive m of a rare rung to ~0 and make one
  /// disagreement veto a match (weight -20).
  double min_m = 0.005;
  /// Fields left out, as if missing: the fields a training session blocked on.
  std::array<bool, kFieldCount> ignored_fields{};
  /// Keep u at `initial_u` (the random-pair estimate) and estimate only m and the match share.
  bool fix_u = false;
};

struct EmResult {
  FieldProbabilities m;
  FieldProbabilities u_among_candidates;  // non-match distribution within the candidate pairs
  double match_share = 0.0;               // estimated share of candidate pairs that match
  std::size_t iterations = 0;
  bool converged = false;
};

/// Fits the two-class mixture to `pattern_counts` (count of candidate pairs per pattern_index,
/// size pattern_count()). Starts from `initial_m` and `initial_u` (level 0 ignored). Levels
/// that carry no evidence (carries_evidence()) are skipped.
EmResult estimate_m_by_em(const std::vector<std::uint64_t>& pattern_counts, const FieldProbabilities& initial_m,
                          const FieldProbabilities& initial_u, const EmOptions& options);

/// The prior probability that two records drawn at random match, with m and u fixed: the
/// fixed point of  prior = (expected matches among the candidate pairs) / all_pairs,  where a
/// pair's match probability follows from the prior and its pattern (Bayes). Pairs outside the
/// candidates are taken as non-matches, so this assumes blocking keeps nearly every match; it
/// is more reliable than the mixture weight of any one EM fit, whose non-match class is biased
/// by blocking. Starts from `initial_prior`; runs at most options.max_iterations times.
double estimate_match_prior(const std::vector<std::uint64_t>& pattern_counts, const FieldProbabilities& m,
                            const FieldProbabilities& u, double all_pairs, double initial_prior,
                            const EmOptions& options);

}  // namespace rasso::linkage
