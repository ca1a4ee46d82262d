#include "linkage/resolved_person_ids.h"

#include <algorithm>
#include <map>
#include <string_view>
#include <tuple>

namespace rasso::linkage {
namespace {

struct Overlap {
  std::size_t count;
  std::uint64_t previous_id;
  std::size_t cluster;  // index into the clusters ordered by smallest person_ref
};

}  // namespace

std::vector<ResolvedPersonId> assign_stable_ids(std::span<const std::uint32_t> cluster_of,
                                                std::span<const PersonRecord> records,
                                                const ResolvedPersonAssignment& previous,
                                                std::uint64_t next_id_floor) {
  // Dense cluster numbers, in order of each cluster's smallest person_ref.
  std::unordered_map<std::uint32_t, std::string_view> smallest_ref;
  for (std::size_t i = 0; i < cluster_of.size(); ++i) {
    auto [entry, inserted] = smallest_ref.try_emplace(cluster_of[i], records[i].person_ref);
    if (!inserted && std::string_view(records[i].person_ref) < entry->second) entry->second = records[i].person_ref;
  }
  std::vector<std::pair<std::string_view, std::uint32_t>> order;
  order.reserve(smallest_ref.size());
  for (const auto& [key, ref] : smallest_ref) order.emplace_back(ref, key);
  std::sort(order.begin(), order.end());
  std::unordered_map<std::uint32_t, std::size_t> cluster_number;
  cluster_number.reserve(order.size());
  for (std::size_t k = 0; k < order.size(); ++k) cluster_number[order[k].second] = k;

  std::uint64_t largest_seen = next_id_floor > 0 ? next_id_floor - 1 : 0;
  for (const auto& [ref, id] : previous) largest_seen = std::max(largest_seen, id.value);

  std::map<std::pair<std::size_t, std::uint64_t>, std::size_t> overlap_counts;
  for (std::size_t i = 0; i < cluster_of.size(); ++i) {
    const auto found = previous.find(records[i].person_ref);
    if (found != previous.end()) ++overlap_counts[{cluster_number[cluster_of[i]], found->second.value}];
  }
  std::vector<Overlap> overlaps;
  overlaps.reserve(overlap_counts.size());
  for (const auto& [key, count] : overlap_counts) overlaps.push_back({count, key.second, key.first});
  std::sort(overlaps.begin(), overlaps.end(), [](const Overlap& x, const Overlap& y) {
    return std::tie(y.count, x.previous_id, x.cluster) < std::tie(x.count, y.previous_id, y.cluster);
  });

  std::vector<std::uint64_t> id_of_cluster(order.size(), 0);
  std::unordered_map<std::uint64_t, bool> id_taken;
  for (const Overlap& overlap : overlaps) {
    if (id_of_cluster[overlap.cluster] != 0 || id_taken[overlap.previous_id]) continue;
    id_of_cluster[overlap.cluster] = overlap.previous_id;
    id_taken[overlap.previous_id] = true;
  }
  std::uint64_t next_id = largest_seen + 1;
  for (std::uint64_t& id : id_of_cluster) {
    if (id == 0) id = next_id++;
  }

  std::vector<ResolvedPersonId> ids(cluster_of.size());
  for (std::size_t i = 0; i < cluster_of.size(); ++i) ids[i] = {id_of_cluster[cluster_number[cluster_of[i]]]};
  return ids;
}

}  // namespace rasso::linkage
