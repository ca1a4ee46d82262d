#include "linkage/constrained_clustering.h"

#include <algorithm>
#include <optional>
#include <unordered_map>

namespace rasso::linkage {
namespace {

// Union-find over records, with what the merge guard needs per cluster. Members are kept as a
// circular linked list (next_), so merging is O(1) and a million singletons cost no allocations;
// a cluster's PNC IDs are one id per root, with a side table for the rare cluster (forced or
// must-linked) that holds several.
class Clusters {
 public:
  Clusters(std::size_t n, std::span<const std::uint32_t> pnc_of_record)
      : parent_(n), size_(n, 1), next_(n), pnc_(n, 0) {
    for (std::uint32_t i = 0; i < n; ++i) {
      parent_[i] = i;
      next_[i] = i;
      if (i < pnc_of_record.size()) pnc_[i] = pnc_of_record[i];
    }
  }

  std::uint32_t find(std::uint32_t x) {
    std::uint32_t root = x;
    while (parent_[root] != root) root = parent_[root];
    while (parent_[x] != root) {
      const std::uint32_t next = parent_[x];
      parent_[x] = root;
      x = next;
    }
    return root;
  }

  void add_cannot_link(std::uint32_t a, std::uint32_t b) {
    cannot_[find(a)].push_back(b);
    cannot_[find(b)].push_back(a);
  }

  bool cannot_link_between(std::uint32_t root_a, std::uint32_t root_b) {
    const auto list_a = cannot_.find(root_a);
    const auto list_b = cannot_.find(root_b);
    if (list_a == cannot_.end() || list_b == cannot_.end()) return false;
    const bool a_smaller = list_a->second.size() <= list_b->second.size();
    const std::vector<std::uint32_t>& partners = a_smaller ? list_a->second : list_b->second;
    const std::uint32_t other = a_smaller ? root_b : root_a;
    for (std::uint32_t partner : partners) {
      if (find(partner) == other) return true;
    }
    return false;
  }

  bool pnc_conflict(std::uint32_t root_a, std::uint32_t root_b) const {
    const std::vector<std::uint32_t> a = pncs(root_a);
    const std::vector<std::uint32_t> b = pncs(root_b);
    if (a.empty() || b.empty()) return false;
    for (std::uint32_t pnc : a) {
      if (std::find(b.begin(), b.end(), pnc) != b.end()) return false;
    }
    return true;
  }

  /// Up to `limit` members of a cluster, starting at its root, in list order.
  std::vector<std::uint32_t> members(std::uint32_t root, std::size_t limit) const {
    std::vector<std::uint32_t> out;
    std::uint32_t member = root;
    do {
      out.push_back(member);
      member = next_[member];
    } while (member != root && out.size() < limit);
    return out;
  }

  void merge(std::uint32_t root_a, std::uint32_t root_b) {
    if (root_a == root_b) return;
    if (size_[root_a] < size_[root_b]) std::swap(root_a, root_b);
    parent_[root_b] = root_a;
    size_[root_a] += size_[root_b];
    std::swap(next_[root_a], next_[root_b]);  // splices the two circular member lists
    merge_pncs(root_a, root_b);
    if (auto moved = cannot_.find(root_b); moved != cannot_.end()) {
      std::vector<std::uint32_t> partners = std::move(moved->second);
      cannot_.erase(moved);
      std::vector<std::uint32_t>& target = cannot_[root_a];
      target.insert(target.end(), partners.begin(), partners.end());
    }
  }

 private:
  std::vector<std::uint32_t> pncs(std::uint32_t root) const {
    if (const auto several = several_pncs_.find(root); several != several_pncs_.end()) return several->second;
    if (pnc_[root] == 0) return {};
    return {pnc_[root]};
  }

  void merge_pncs(std::uint32_t root_a, std::uint32_t root_b) {
    std::vector<std::uint32_t> merged = pncs(root_a);
    for (std::uint32_t pnc : pncs(root_b)) {
      if (std::find(merged.begin(), merged.end(), pnc) == merged.end()) merged.push_back(pnc);
    }
    several_pncs_.erase(root_b);
    pnc_[root_b] = 0;
    pnc_[root_a] = merged.empty() ? 0 : merged.front();
    if (merged.size() > 1) {
      several_pncs_[root_a] = std::move(merged);
    } else {
      several_pncs_.erase(root_a);
    }
  }

  std::vector<std::uint32_t> parent_;
  std::vector<std::uint32_t> size_;
  std::vector<std::uint32_t> next_;
  std::vector<std::uint32_t> pnc_;                                              // per root; 0 = none
  std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> several_pncs_;  // roots with 2+ PNC IDs
  std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> cannot_;        // keyed by root; few
};

// The reason the guard refuses to merge two clusters, if any.
std::optional<MergeRefusal> check_merge(Clusters& clusters, std::uint32_t root_a, std::uint32_t root_b,
                                        const PairOracle& oracle, const ClusteringOptions& options) {
  if (clusters.cannot_link_between(root_a, root_b)) return MergeRefusal::CannotLink;
  if (clusters.pnc_conflict(root_a, root_b)) return MergeRefusal::ConflictingPncIds;
  const std::vector<std::uint32_t> side_a = clusters.members(root_a, options.average_linkage_sample);
  const std::vector<std::uint32_t> side_b = clusters.members(root_b, options.average_linkage_sample);
  const std::size_t take_a = side_a.size();
  const std::size_t take_b = side_b.size();
  double total = 0.0;
  for (std::size_t x = 0; x < take_a; ++x) {
    for (std::size_t y = 0; y < take_b; ++y) {
      const PairAssessment assessment = oracle.assess(side_a[x], side_b[y]);
      if (assessment.hard_conflict) return MergeRefusal::ConflictingDobAndSex;
      total += assessment.probability;
    }
  }
  if (total / static_cast<double>(take_a * take_b) < options.min_average_probability) {
    return MergeRefusal::WeakAverageLinkage;
  }
  return std::nullopt;
}

}  // namespace

std::string_view merge_refusal_name(MergeRefusal reason) {
  switch (reason) {
    case MergeRefusal::CannotLink: return "cannot_link";
    case MergeRefusal::ConflictingPncIds: return "conflicting_pnc_ids";
    case MergeRefusal::ConflictingDobAndSex: return "conflicting_dob_and_sex";
    case MergeRefusal::WeakAverageLinkage: return "weak_average_linkage";
  }
  return "unknown";
}

ClusteringOutput cluster_records(const ClusteringInput& input, const PairOracle& oracle,
                                 const ClusteringOptions& options) {
  Clusters clusters(input.record_count, input.pnc_of_record);
  ClusteringOutput output;

  for (std::uint32_t i = 0; i < input.initial_cluster_of.size(); ++i) {
    clusters.merge(clusters.find(input.initial_cluster_of[i]), clusters.find(i));
  }
  for (const auto& [a, b] : input.cannot_link) clusters.add_cannot_link(a, b);
  for (const auto& [a, b] : input.must_link) {
    const std::uint32_t root_a = clusters.find(a);
    const std::uint32_t root_b = clusters.find(b);
    if (root_a == root_b) continue;
    if (clusters.cannot_link_between(root_a, root_b)) {
      output.unapplied_must_links.emplace_back(a, b);
    } else {
      clusters.merge(root_a, root_b);
    }
  }

  std::vector<ClusterEdge> edges = input.edges;
  std::sort(edges.begin(), edges.end(), [](const ClusterEdge& x, const ClusterEdge& y) {
    if (x.weight != y.weight) return x.weight > y.weight;
    if (x.a != y.a) return x.a < y.a;
    return x.b < y.b;
  });
  std::vector<RefusedEdge> refused;
  for (const ClusterEdge& edge : edges) {
    const std::uint32_t root_a = clusters.find(edge.a);
    const std::uint32_t root_b = clusters.find(edge.b);
    if (root_a == root_b) continue;
    if (const auto refusal = check_merge(clusters, root_a, root_b, oracle, options)) {
      refused.push_back({edge, *refusal});
    } else {
      clusters.merge(root_a, root_b);
    }
  }

  output.cluster_of.assign(input.record_count, 0);
  std::vector<std::uint32_t> smallest(input.record_count, UINT32_MAX);
  for (std::uint32_t i = 0; i < input.record_count; ++i) {
    std::uint32_t& low = smallest[clusters.find(i)];
    low = std::min(low, i);
  }
  for (std::uint32_t i = 0; i < input.record_count; ++i) output.cluster_of[i] = smallest[clusters.find(i)];
  for (const RefusedEdge& edge : refused) {
    if (output.cluster_of[edge.edge.a] != output.cluster_of[edge.edge.b]) output.refused.push_back(edge);
  }
  return output;
}

}  // namespace rasso::linkage
