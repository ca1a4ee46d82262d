#pragma once
// Who the suspects are: assigns a true person to every suspect slot of every crime so that the
// number of crimes per suspect is heavy-tailed, as in real RASSO data — most suspects are named
// once, several percent two or more times, a few ten or more — and a prolific suspect's crimes
// cluster in a few years of their life. Some repeat suspects offend in two forces.

#include <cstdint>
#include <span>
#include <vector>

#include "generator/random_source.h"

namespace rasso {

/// The suspect slots of one crime, in crime order (crimes sorted by reported date).
struct CrimeSuspectSlots {
  std::uint8_t force = 0;
  std::uint8_t count = 0;
  std::int32_t reported_days = 0;
};

struct SuspectAssignment {
  /// The true suspect of each slot: crime 0's slots first, then crime 1's, ... Ids are 0..suspects-1.
  std::vector<std::uint32_t> suspect_of_slot;
  /// Home force of each true suspect (index into the generator's force list).
  std::vector<std::uint8_t> home_force;
  std::size_t suspects() const { return home_force.size(); }
};

struct SuspectAssignmentOptions {
  std::size_t forces = 1;
  std::int32_t period_start_days = 0;
  std::int32_t period_end_days = 0;
  /// Share of repeat suspects (2+ crimes) whose crimes are split between two forces.
  double cross_force_share = 0.10;
};

/// Assigns true suspects to every slot of `crimes`. No crime gets the same person twice.
SuspectAssignment assign_suspects(std::span<const CrimeSuspectSlots> crimes, const SuspectAssignmentOptions& options,
                                  RandomSource& random);

}  // namespace rasso
