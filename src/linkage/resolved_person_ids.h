#pragma once
// Resolved-person IDs that stay stable across re-runs. Linking is re-done from scratch (or
// incrementally), so a cluster has no identity of its own; it inherits one from the previous
// run's assignment of person records to IDs:
//   1. each new cluster is scored against each previous ID by overlap: how many of its records
//      carried that ID before;
//   2. (cluster, previous ID) pairs are taken greedily by overlap, largest first (ties: smaller
//      previous ID first, then the cluster whose smallest person_ref sorts first); a pair is
//      used if neither its cluster nor its ID has been used yet — so an unchanged cluster keeps
//      its ID, a cluster that grew keeps it, and when a cluster splits the bigger part keeps it
//      (a cluster whose best ID was taken may inherit its next best);
//   3. every cluster left over gets a fresh ID, counting up from one above the largest ID seen
//      before (or from next_id_floor if that is larger), in order of the clusters' smallest
//      person_ref. A retired ID is never given to a different cluster as long as the caller
//      passes a floor above every ID it has ever handed out.

#include <compare>
#include <cstdint>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "linkage/person_record.h"

namespace rasso::linkage {

/// The ID of a resolved person (a cluster of person records); 0 is never given out and means
/// "none".
struct ResolvedPersonId {
  std::uint64_t value = 0;
  auto operator<=>(const ResolvedPersonId&) const = default;
};

/// A run's assignment: person_ref -> resolved-person ID.
using ResolvedPersonAssignment = std::unordered_map<std::string, ResolvedPersonId>;

/// Per record, its ID in `previous` (ResolvedPersonId{} for a record it does not hold).
std::vector<ResolvedPersonId> previous_ids_by_record(std::span<const PersonRecord> records,
                                                     const ResolvedPersonAssignment& previous);

/// IDs for the clusters given by `cluster_of` (per record, a record index naming its cluster, as
/// cluster_records() returns), following the rules above. `previous_ids` holds, per record, its
/// previous ID or ResolvedPersonId{}. Returns one ID per record. Deterministic.
std::vector<ResolvedPersonId> assign_stable_ids(std::span<const std::uint32_t> cluster_of,
                                                std::span<const PersonRecord> records,
                                                std::span<const ResolvedPersonId> previous_ids,
                                                std::uint64_t next_id_floor = 1);

}  // namespace rasso::linkage
