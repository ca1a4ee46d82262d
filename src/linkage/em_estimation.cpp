#include "linkage/em_estimation.h"

#include <algorithm>
#include <cmath>

namespace rasso::linkage {
namespace {

struct PatternCount {
  ComparisonVector levels;
  double count;
};

double product_over_fields(const FieldProbabilities& probabilities, const ComparisonVector& levels) {
  double product = 1.0;
  for (std::size_t f = 0; f < kFieldCount; ++f) {
    if (carries_evidence(kFields[f], levels.levels[f])) product *= probabilities[f][levels.levels[f]];
  }
  return product;
}

// Turns expected counts into probabilities over the non-missing levels, with a floor.
double normalise_into(const FieldProbabilities& expected, FieldProbabilities& out, double floor) {
  double largest_change = 0.0;
  for (std::size_t f = 0; f < kFieldCount; ++f) {
    double total = 0.0;
    for (std::size_t level = 1; level < expected[f].size(); ++level) total += expected[f][level];
    for (std::size_t level = 1; level < expected[f].size(); ++level) {
      const double share = total > 0.0 ? expected[f][level] / total : out[f][level];
      const double updated = std::max(share, floor);
      largest_change = std::max(largest_change, std::abs(updated - out[f][level]));
      out[f][level] = updated;
    }
  }
  return largest_change;
}

FieldProbabilities zeros_like(const FieldProbabilities& shape) {
  FieldProbabilities zeros;
  for (std::size_t f = 0; f < kFieldCount; ++f) zeros[f].assign(shape[f].size(), 0.0);
  return zeros;
}

}  // namespace

EmResult estimate_m_by_em(const std::vector<std::uint64_t>& pattern_counts, const FieldProbabilities& initial_m,
                          const FieldProbabilities& initial_u, const EmOptions& options) {
  std::vector<PatternCount> patterns;
  double total = 0.0;
  for (std::size_t pattern = 0; pattern < pattern_counts.size(); ++pattern) {
    if (pattern_counts[pattern] == 0) continue;
    ComparisonVector levels = pattern_levels(static_cast<std::uint32_t>(pattern));
    for (std::size_t f = 0; f < kFieldCount; ++f) {
      if (options.ignored_fields[f]) levels.levels[f] = kMissingLevel;
    }
    patterns.push_back({levels, static_cast<double>(pattern_counts[pattern])});
    total += static_cast<double>(pattern_counts[pattern]);
  }

  EmResult result;
  result.m = initial_m;
  result.u_among_candidates = initial_u;
  result.match_share = options.initial_match_share;
  if (patterns.empty()) return result;

  for (result.iterations = 1; result.iterations <= options.max_iterations; ++result.iterations) {
    FieldProbabilities expected_m = zeros_like(result.m);
    FieldProbabilities expected_u = zeros_like(result.u_among_candidates);
    double expected_matches = 0.0;
    for (const PatternCount& pattern : patterns) {
      const double match = result.match_share * product_over_fields(result.m, pattern.levels);
      const double non_match =
          (1.0 - result.match_share) * product_over_fields(result.u_among_candidates, pattern.levels);
      const double posterior = match + non_match > 0.0 ? match / (match + non_match) : 0.0;
      const double matches = pattern.count * posterior;
      const double non_matches = pattern.count - matches;
      expected_matches += matches;
      for (std::size_t f = 0; f < kFieldCount; ++f) {
        const Level level = pattern.levels.levels[f];
        if (!carries_evidence(kFields[f], level)) continue;
        expected_m[f][level] += matches;
        expected_u[f][level] += non_matches;
      }
    }
    const double share = std::clamp(expected_matches / total, options.min_probability, 1.0 - options.min_probability);
    double change = std::abs(share - result.match_share);
    result.match_share = share;
    change = std::max(change, normalise_into(expected_m, result.m, options.min_m));
    if (!options.fix_u) {
      change = std::max(change, normalise_into(expected_u, result.u_among_candidates, options.min_probability));
    }
    if (change < options.tolerance) {
      result.converged = true;
      break;
    }
  }
  result.iterations = std::min(result.iterations, options.max_iterations);
  return result;
}

double estimate_match_prior(const std::vector<std::uint64_t>& pattern_counts, const FieldProbabilities& m,
                            const FieldProbabilities& u, double all_pairs, double initial_prior,
                            const EmOptions& options) {
  // Per pattern: its count and its Bayes factor m/u.
  std::vector<std::pair<double, double>> factors;
  for (std::size_t pattern = 0; pattern < pattern_counts.size(); ++pattern) {
    if (pattern_counts[pattern] == 0) continue;
    const ComparisonVector levels = pattern_levels(static_cast<std::uint32_t>(pattern));
    factors.emplace_back(static_cast<double>(pattern_counts[pattern]),
                         product_over_fields(m, levels) / product_over_fields(u, levels));
  }
  double prior = std::clamp(initial_prior, 1e-12, 0.5);
  for (std::size_t iteration = 0; iteration < options.max_iterations && all_pairs > 0.0; ++iteration) {
    const double odds = prior / (1.0 - prior);
    double expected_matches = 0.0;
    for (const auto& [count, factor] : factors) expected_matches += count * (odds * factor) / (1.0 + odds * factor);
    const double updated = std::clamp(expected_matches / all_pairs, 1e-12, 0.5);
    const bool settled = std::abs(updated - prior) <= options.tolerance * prior;
    prior = updated;
    if (settled) break;
  }
  return prior;
}

}  // namespace rasso::linkage
