#pragma once
// Evaluation of a clustering against the truth (which records are really one person), by the
// two standard measures:
//   pairwise  precision = true pairs found / pairs predicted, recall = true pairs found / true
//             pairs, over all pairs of records put in one cluster;
//   B-cubed   per record, precision = |its cluster ∩ its true cluster| / |its cluster| and
//             recall = the same over |its true cluster|, averaged over records.
// Both come from the cluster × true-person contingency table (sizes n_ij): pairs are counted as
// sum n_ij(n_ij - 1)/2, never enumerated, so the cost is O(n log n) for any cluster sizes.

#include <cstdint>
#include <span>
#include <string>
#include <unordered_map>

#include "linkage/record_linkage.h"

namespace rasso::linkage {

struct PairwiseScores {
  double precision = 1.0;  // 0/0 counts as 1
  double recall = 1.0;
  double f1 = 1.0;
  std::uint64_t true_positive_pairs = 0;
  std::uint64_t predicted_pairs = 0;
  std::uint64_t true_pairs = 0;
};

struct BCubedScores {
  double precision = 1.0;
  double recall = 1.0;
  double f1 = 1.0;
};

struct ClusteringEvaluation {
  PairwiseScores pairwise;
  BCubedScores b_cubed;
  std::size_t records_evaluated = 0;
  std::size_t records_without_truth = 0;  // skipped by evaluate_against_truth
};

/// Scores `predicted` against `truth`: both give, per record, an identifier of its cluster
/// (equal identifiers = one cluster); the spans must have equal length.
ClusteringEvaluation evaluate_clustering(std::span<const std::uint64_t> predicted,
                                         std::span<const std::uint64_t> truth);

/// Scores a linkage result against true IDs by person_ref (truth.csv: person_ref,true_id).
/// Records with no entry in `true_id_by_ref` are left out and counted in records_without_truth.
ClusteringEvaluation evaluate_against_truth(const LinkageResult& result,
                                            const std::unordered_map<std::string, std::string>& true_id_by_ref);

}  // namespace rasso::linkage
