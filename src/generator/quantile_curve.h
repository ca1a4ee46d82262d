#pragma once
// QuantileCurve: a distribution of whole numbers (days, years of age) given by its quantiles,
// e.g. {0%: 30, 50%: 380, 90%: 800, 100%: 1500}, sampled by linear interpolation between knots.
// Skewed and heavy-tailed shapes (delays, ages) are written down as published-style percentiles
// instead of computed with floating-point functions, so output is identical on every platform.

#include <cstdint>
#include <initializer_list>
#include <vector>

#include "generator/random_source.h"

namespace rasso {

struct QuantileKnot {
  std::uint32_t percentile_ppm;  // 0 .. 1'000'000, increasing; first 0, last 1'000'000
  std::int32_t value;            // non-decreasing
};

class QuantileCurve {
 public:
  /// Knots as (percent, value) pairs; percent 0..100 with up to 4 decimals.
  QuantileCurve(std::initializer_list<std::pair<double, std::int32_t>> knots);

  /// A value drawn from the curve: uniform position, interpolated between its two knots.
  std::int32_t sample(RandomSource& random) const;

 private:
  std::vector<QuantileKnot> knots_;
};

}  // namespace rasso
