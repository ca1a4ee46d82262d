#pragma once
// ForceArea: where a force's crimes happen and its people live — the postcode districts of the
// postcode areas the force polices, weighted by the number of postcodes in each (a rough proxy
// for population). The area list per force is approximate (postcode areas cross force borders).

#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

#include "generator/name_data.h"
#include "generator/random_source.h"
#include "generator/weighted_choice.h"

namespace rasso {

/// Postcode areas (the letters of a district, "B", "CV") mostly policed by the force with this
/// code from codes/force.csv. Empty for a national force (BT) or an unknown code.
std::span<const std::string_view> force_postcode_areas(std::string_view force_code);

class ForceArea {
 public:
  /// The districts of `force_code`'s postcode areas in `names`; every English and Welsh district
  /// when the force has no areas or none of them appear in the data.
  ForceArea(const NameData& names, std::string_view force_code);

  /// Index into names.districts of a district drawn by postcode count.
  std::size_t pick_district(RandomSource& random) const { return districts_[choice_.pick(random)]; }

 private:
  std::vector<std::size_t> districts_;
  WeightedChoice choice_;
};

}  // namespace rasso
