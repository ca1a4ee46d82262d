#pragma once
// Estimation of the u probabilities (P(level | different people)) from random pairs of
// records: almost every random pair is two different people, so the share of random pairs at
// each level is u. Pair k of the sample is a pure function of (seed, k), so the estimate does
// not depend on the number of threads.

#include <cstddef>
#include <cstdint>

#include "linkage/fellegi_sunter_model.h"
#include "linkage/prepared_person.h"

namespace rasso::linkage {

struct UEstimationOptions {
  std::size_t sample_pairs = 2'000'000;  // when there are fewer distinct pairs, all are used
  std::uint64_t seed = 1;
  std::size_t threads = 2;
};

/// u per field and level (index 0 unused) from random pairs of `people`, with add-one smoothing
/// so that no level has u = 0. `pairs_used` receives the number of pairs compared. With fewer
/// than two people every level gets the uniform value.
FieldProbabilities estimate_u_from_random_pairs(const PreparedPeople& people, const UEstimationOptions& options,
                                                std::size_t& pairs_used);

}  // namespace rasso::linkage
