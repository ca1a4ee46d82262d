#pragma once
// Restoring an earlier linkage run from what the store keeps of it (its records, model, resolved
// IDs, accepted links and review queue), so that link_incremental() can link new records against
// the people already resolved in a later process, without re-estimating or re-comparing.

#include <memory>
#include <string>
#include <vector>

#include "linkage/record_linkage.h"

namespace rasso::linkage {

/// A link or review pair of the earlier run, by person_ref.
struct RestoredPair {
  std::string person_ref_a;
  std::string person_ref_b;
  double match_weight = 0.0;
  double probability = 0.0;
  bool reviewer = false;  // links: made by a reviewer's "same" decision
  bool linked = false;    // review pairs: whether the two ended in one person
};

/// What a run left behind. `records` are the records the run resolved, each with its ID in
/// `resolved_ids` (same order).
struct StoredRunState {
  std::vector<PersonRecord> records;
  std::vector<ResolvedPersonId> resolved_ids;
  FellegiSunterModel model;
  std::vector<RestoredPair> links;
  std::vector<RestoredPair> review_queue;
};

/// The LinkageResult of the earlier run: records prepared again (the same cleaning as the run),
/// clusters from the resolved IDs, links and review pairs by record index (pairs naming a record
/// not in `state.records` are dropped). Refused links are not kept by the store, so none are
/// restored. `nicknames` must not be null.
LinkageResult restore_linkage_result(StoredRunState state, std::shared_ptr<const NicknameIndex> nicknames,
                                     bool term_frequency_adjustments, std::size_t threads);

}  // namespace rasso::linkage
