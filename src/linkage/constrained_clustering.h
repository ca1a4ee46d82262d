#pragma once
// Clustering of linked records into resolved people, resisting chaining: a chain of weak links
// (A~B, B~C) must not glue together people who cannot be one (A and C with different PNC IDs).
//
// Algorithm (deterministic): start from the initial clusters (kept from an earlier run),
// apply the must-links (reviewers' "same"), then take the edges in descending weight (ties by
// record indices) and merge the two clusters of each edge unless
//   - a cannot-link (reviewers' "different", "never link") joins a member of one to a member
//     of the other;
//   - both clusters carry PNC IDs and share none;
//   - a sampled cross pair (up to average_linkage_sample members of each side) has a clearly
//     different date of birth and a different sex;
//   - the average match probability of the sampled cross pairs is below
//     min_average_probability (average linkage: the merged cluster must hang together as a
//     whole, not only through the one edge).

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

namespace rasso::linkage {

struct ClusterEdge {
  std::uint32_t a = 0;
  std::uint32_t b = 0;
  double weight = 0.0;
};

enum class MergeRefusal : std::uint8_t { CannotLink, ConflictingPncIds, ConflictingDobAndSex, WeakAverageLinkage };

/// "cannot_link", "conflicting_pnc_ids", "conflicting_dob_and_sex", "weak_average_linkage".
std::string_view merge_refusal_name(MergeRefusal reason);

/// What the clustering needs to know about two records, linked by an edge or not.
struct PairAssessment {
  double probability = 0.0;    // match probability
  bool hard_conflict = false;  // clearly not one person (date of birth and sex both disagree)
};

class PairOracle {
 public:
  virtual ~PairOracle() = default;
  virtual PairAssessment assess(std::uint32_t i, std::uint32_t j) const = 0;
};

struct ClusteringOptions {
  double min_average_probability = 0.1;
  std::size_t average_linkage_sample = 24;
};

struct ClusteringInput {
  std::size_t record_count = 0;
  std::span<const std::uint32_t> pnc_of_record;  // size record_count; 0 = none
  /// Clusters kept from an earlier run, merged first without checks: empty, or per record an
  /// index of a record it starts clustered with (itself when alone).
  std::vector<std::uint32_t> initial_cluster_of;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> must_link;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> cannot_link;
  std::vector<ClusterEdge> edges;  // any order
};

struct RefusedEdge {
  ClusterEdge edge;
  MergeRefusal reason{};
};

struct ClusteringOutput {
  /// Per record, the smallest record index of its cluster.
  std::vector<std::uint32_t> cluster_of;
  /// Edges whose merge was refused and whose ends stayed in different clusters.
  std::vector<RefusedEdge> refused;
  /// Must-links not applied because a cannot-link forbade them (cannot-link wins).
  std::vector<std::pair<std::uint32_t, std::uint32_t>> unapplied_must_links;
};

/// Clusters input.record_count records as described above. Record indices in the input must be
/// below record_count. Not thread-safe with respect to `oracle` only if the oracle is not.
ClusteringOutput cluster_records(const ClusteringInput& input, const PairOracle& oracle,
                                 const ClusteringOptions& options);

}  // namespace rasso::linkage
