#pragma once
// WeightedChoice: picks an index with probability proportional to integer weights (cumulative
// table + binary search), so sampling is exact and identical on every platform.

#include <cstdint>
#include <span>
#include <vector>

#include "generator/random_source.h"

namespace rasso {

class WeightedChoice {
 public:
  WeightedChoice() = default;
  /// Weights may be zero (never chosen); at least one must be positive for pick() to be used.
  explicit WeightedChoice(std::span<const std::uint64_t> weights);

  /// An index in [0, size()) drawn with probability weight / total.
  std::size_t pick(RandomSource& random) const;
  std::size_t size() const { return cumulative_.size(); }
  bool empty() const { return total_ == 0; }
  std::uint64_t total() const { return total_; }

 private:
  std::vector<std::uint64_t> cumulative_;  // cumulative_[i] = sum of weights[0..i]
  std::uint64_t total_ = 0;
};

/// One option of a small inline table: a value and its weight.
template <typename T>
struct Weighted {
  T value;
  std::uint32_t weight;
};

/// Picks from a small inline table by weight (linear scan; for tables of a few dozen rows).
template <typename T>
const T& pick_weighted(RandomSource& random, std::span<const Weighted<T>> table) {
  std::uint64_t total = 0;
  for (const auto& option : table) total += option.weight;
  std::uint64_t draw = random.below(total);
  for (const auto& option : table) {
    if (draw < option.weight) return option.value;
    draw -= option.weight;
  }
  return table.back().value;
}

}  // namespace rasso
