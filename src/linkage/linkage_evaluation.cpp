#include "linkage/linkage_evaluation.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace rasso::linkage {
namespace {

std::uint64_t pairs_in(std::uint64_t size) { return size * (size - 1) / 2; }

double ratio(double numerator, double denominator) { return denominator > 0.0 ? numerator / denominator : 1.0; }

double harmonic_mean(double a, double b) { return a + b > 0.0 ? 2.0 * a * b / (a + b) : 0.0; }

// Sizes of the groups of equal values.
std::unordered_map<std::uint64_t, std::uint64_t> group_sizes(std::span<const std::uint64_t> labels) {
  std::unordered_map<std::uint64_t, std::uint64_t> sizes;
  for (std::uint64_t label : labels) ++sizes[label];
  return sizes;
}

}  // namespace

ClusteringEvaluation evaluate_clustering(std::span<const std::uint64_t> predicted,
                                         std::span<const std::uint64_t> truth) {
  ClusteringEvaluation evaluation;
  const std::size_t n = std::min(predicted.size(), truth.size());
  evaluation.records_evaluated = n;
  if (n == 0) return evaluation;

  std::vector<std::pair<std::uint64_t, std::uint64_t>> cells(n);
  for (std::size_t i = 0; i < n; ++i) cells[i] = {predicted[i], truth[i]};
  std::sort(cells.begin(), cells.end());
  const auto predicted_sizes = group_sizes(predicted.first(n));
  const auto true_sizes = group_sizes(truth.first(n));

  double b_cubed_precision = 0.0;
  double b_cubed_recall = 0.0;
  for (std::size_t start = 0; start < n;) {
    std::size_t end = start + 1;
    while (end < n && cells[end] == cells[start]) ++end;
    const std::uint64_t overlap = end - start;
    const auto cluster_size = static_cast<double>(predicted_sizes.at(cells[start].first));
    const auto true_size = static_cast<double>(true_sizes.at(cells[start].second));
    evaluation.pairwise.true_positive_pairs += pairs_in(overlap);
    // Each of the `overlap` records contributes overlap/|cluster| and overlap/|true cluster|.
    b_cubed_precision += static_cast<double>(overlap * overlap) / cluster_size;
    b_cubed_recall += static_cast<double>(overlap * overlap) / true_size;
    start = end;
  }
  for (const auto& [label, size] : predicted_sizes) evaluation.pairwise.predicted_pairs += pairs_in(size);
  for (const auto& [label, size] : true_sizes) evaluation.pairwise.true_pairs += pairs_in(size);

  PairwiseScores& pairwise = evaluation.pairwise;
  pairwise.precision =
      ratio(static_cast<double>(pairwise.true_positive_pairs), static_cast<double>(pairwise.predicted_pairs));
  pairwise.recall = ratio(static_cast<double>(pairwise.true_positive_pairs), static_cast<double>(pairwise.true_pairs));
  pairwise.f1 = harmonic_mean(pairwise.precision, pairwise.recall);
  evaluation.b_cubed.precision = b_cubed_precision / static_cast<double>(n);
  evaluation.b_cubed.recall = b_cubed_recall / static_cast<double>(n);
  evaluation.b_cubed.f1 = harmonic_mean(evaluation.b_cubed.precision, evaluation.b_cubed.recall);
  return evaluation;
}

ClusteringEvaluation evaluate_against_truth(const LinkageResult& result,
                                            const std::unordered_map<std::string, std::string>& true_id_by_ref) {
  std::vector<std::uint64_t> predicted;
  std::vector<std::uint64_t> truth;
  std::unordered_map<std::string_view, std::uint64_t> true_number;
  std::size_t without_truth = 0;
  for (std::size_t i = 0; i < result.records.size(); ++i) {
    const auto found = true_id_by_ref.find(result.records[i].person_ref);
    if (found == true_id_by_ref.end()) {
      ++without_truth;
      continue;
    }
    const auto [entry, inserted] = true_number.try_emplace(found->second, true_number.size());
    predicted.push_back(result.cluster_of[i]);
    truth.push_back(entry->second);
  }
  ClusteringEvaluation evaluation = evaluate_clustering(predicted, truth);
  evaluation.records_without_truth = without_truth;
  return evaluation;
}

}  // namespace rasso::linkage
