#pragma once
// Estimation of m by EM in training sessions, after Splink: EM over the linkage candidates is
// biased, because blocking makes non-matches agree on the blocking fields together (pairs
// blocked on the full name agree on both names whatever their dates of birth), which breaks
// the model's independence assumption and inflates m for disagreement (e.g. m(dob different)).
// Each session instead takes pairs that share one key, and estimates m for the other fields
// only, with u fixed at the random-pair estimate:
//   - pairs with the same date of birth   -> m for forename, surname, sex, postcode, PNC, CRO;
//   - pairs with the same forename and surname -> m for dob, sex, postcode, PNC, CRO.
// A field estimated in both sessions gets the average. The same-dob session also gives a first
// estimate of the prior: matches among same-dob pairs / m(dob exact) = all matches (among
// records with a dob); record_linkage refines it over the candidates.
// Pairs are sampled deterministically from (seed, pair), so results do not depend on threads.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "linkage/em_estimation.h"
#include "linkage/fellegi_sunter_model.h"
#include "linkage/prepared_person.h"

namespace rasso::linkage {

enum class TrainingKey : std::uint8_t { DateOfBirth, FullName };

struct TrainingSample {
  std::vector<std::uint64_t> pairs;  // packed (record_pair.h), sorted
  double total_pairs = 0.0;          // pairs sharing the key before sampling
};

/// Pairs of records sharing `key` (records missing it are left out), sampled down to about
/// `max_pairs` when there are more. Blocks of more than 2,048 records are sampled by drawing
/// random pairs instead of visiting all of them.
TrainingSample sample_training_pairs(const PreparedPeople& people, TrainingKey key, std::size_t max_pairs,
                                     std::uint64_t seed);

struct TrainingOptions {
  std::size_t max_pairs_per_session = 1'000'000;
  /// A session's m for a field is used only if at least this many of its pairs have the field.
  std::size_t min_informative_pairs = 100;
  std::uint64_t seed = 1;
  std::size_t threads = 2;
  EmOptions em;
};

struct SessionEstimates {
  FieldProbabilities m;  // meaningful where `estimated` is true
  std::array<bool, kFieldCount> estimated{};
  std::optional<double> prior;  // when the same-dob session allows it
  std::size_t pairs = 0;        // pairs compared over both sessions
  std::size_t iterations = 0;   // EM iterations over both sessions
};

/// Runs both sessions. `u` is the random-pair estimate; `initial_m` the starting m.
SessionEstimates estimate_m_by_sessions(const PreparedPeople& people, const FieldProbabilities& u,
                                        const FieldProbabilities& initial_m, const TrainingOptions& options);

}  // namespace rasso::linkage
