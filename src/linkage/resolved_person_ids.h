#pragma once
// Resolved-person IDs that stay stable across re-runs. Linking is re-done from scratch (or
// incrementally), so a cluster has no identity of its own; it inherits one from the previous
// run's assignment of person records to IDs:
//   1. each new cluster is scored against each previous ID by overlap: how many of its records
//      carried that ID before;
//   2. (cluster, previous ID) pairs are taken greedily by overlap, largest first (ties: smaller
//      previous ID first, then the cluster whose smallest person_ref sorts first); a pair is
//      used if neither its cluster nor its ID has been used yet — so an unchanged cluster keeps
//      its ID, a cluster that grew keeps it, and when a cluster splits the bigger part keeps it;
//   3. every cluster left over gets a fresh ID, counting up from one above the largest ID ever
//      seen (the previous assignment's largest, or next_id_floor - 1 if that is larger), in order
//      of the clusters' smallest person_ref. IDs are never reused for a different cluster
//      within the history the caller passes in.

#include <compare>
#include <cstdint>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "linkage/person_record.h"

namespace rasso::linkage {

/// The ID of a resolved person (a cluster of person records); 0 is never given out.
struct ResolvedPersonId {
  std::uint64_t value = 0;
  auto operator<=>(const ResolvedPersonId&) const = default;
};

/// Previous run's assignment: person_ref -> resolved-person ID.
using ResolvedPersonAssignment = std::unordered_map<std::string, ResolvedPersonId>;

/// IDs for the clusters given by `cluster_of` (per record, any cluster key), following the rules
/// above. Returns one ID per record. `next_id_floor` is the smallest ID a new cluster may get.
std::vector<ResolvedPersonId> assign_stable_ids(std::span<const std::uint32_t> cluster_of,
                                                std::span<const PersonRecord> records,
                                                const ResolvedPersonAssignment& previous,
                                                std::uint64_t next_id_floor = 1);

}  // namespace rasso::linkage
