#include "generator/quantile_curve.h"

namespace rasso {

QuantileCurve::QuantileCurve(std::initializer_list<std::pair<double, std::int32_t>> knots) {
  for (const auto& [percent, value] : knots) knots_.push_back({to_ppm(percent / 100.0), value});
}

std::int32_t QuantileCurve::sample(RandomSource& random) const {
  const std::uint32_t position = random.ppm();
  for (std::size_t i = 1; i < knots_.size(); ++i) {
    const QuantileKnot& low = knots_[i - 1];
    const QuantileKnot& high = knots_[i];
    if (position >= high.percentile_ppm && i + 1 < knots_.size()) continue;
    const std::int64_t width = high.percentile_ppm - low.percentile_ppm;
    if (width <= 0) return high.value;
    const std::int64_t offset = static_cast<std::int64_t>(position) - low.percentile_ppm;
    const std::int64_t spread = static_cast<std::int64_t>(high.value) - low.value;
    // Rounds down; the extra random term spreads values evenly across each integer step.
    const std::int64_t scaled = spread * offset * 1000 + static_cast<std::int64_t>(random.below(1000)) * width;
    return static_cast<std::int32_t>(low.value + scaled / (width * 1000));
  }
  return knots_.back().value;
}

}  // namespace rasso
