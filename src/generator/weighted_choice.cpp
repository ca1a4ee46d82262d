#include "generator/weighted_choice.h"

#include <algorithm>

namespace rasso {

WeightedChoice::WeightedChoice(std::span<const std::uint64_t> weights) {
  cumulative_.reserve(weights.size());
  for (std::uint64_t weight : weights) {
    total_ += weight;
    cumulative_.push_back(total_);
  }
}

std::size_t WeightedChoice::pick(RandomSource& random) const {
  const std::uint64_t draw = random.below(total_);
  const auto it = std::upper_bound(cumulative_.begin(), cumulative_.end(), draw);
  return static_cast<std::size_t>(it - cumulative_.begin());
}

}  // namespace rasso
