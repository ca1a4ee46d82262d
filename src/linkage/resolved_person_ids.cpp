#include "linkage/resolved_person_ids.h"

#include <algorithm>
#include <limits>
#include <string_view>
#include <unordered_set>

namespace rasso::linkage {
namespace {

constexpr std::uint32_t kNoCluster = std::numeric_limits<std::uint32_t>::max();

struct Overlap {
  std::uint32_t count;
  std::uint64_t previous_id;
  std::uint32_t cluster;
};

// Dense cluster numbers 0..k-1 in order of first appearance, and each cluster's smallest ref.
struct Clusters {
  std::vector<std::uint32_t> number_of_record;
  std::vector<std::string_view> smallest_ref;
};

Clusters number_clusters(std::span<const std::uint32_t> cluster_of, std::span<const PersonRecord> records) {
  Clusters clusters;
  std::vector<std::uint32_t> number_of_key(cluster_of.size(), kNoCluster);
  clusters.number_of_record.resize(cluster_of.size());
  for (std::size_t i = 0; i < cluster_of.size(); ++i) {
    std::uint32_t& number = number_of_key[cluster_of[i]];
    const std::string_view ref = records[i].person_ref;
    if (number == kNoCluster) {
      number = static_cast<std::uint32_t>(clusters.smallest_ref.size());
      clusters.smallest_ref.push_back(ref);
    } else if (ref < clusters.smallest_ref[number]) {
      clusters.smallest_ref[number] = ref;
    }
    clusters.number_of_record[i] = number;
  }
  return clusters;
}

std::vector<Overlap> overlaps_with_previous(const Clusters& clusters, std::span<const ResolvedPersonId> previous_ids) {
  std::vector<std::pair<std::uint32_t, std::uint64_t>> cells;
  for (std::size_t i = 0; i < previous_ids.size(); ++i) {
    if (previous_ids[i].value != 0) cells.emplace_back(clusters.number_of_record[i], previous_ids[i].value);
  }
  std::sort(cells.begin(), cells.end());
  std::vector<Overlap> overlaps;
  for (std::size_t start = 0; start < cells.size();) {
    std::size_t end = start + 1;
    while (end < cells.size() && cells[end] == cells[start]) ++end;
    overlaps.push_back({static_cast<std::uint32_t>(end - start), cells[start].second, cells[start].first});
    start = end;
  }
  std::sort(overlaps.begin(), overlaps.end(), [&](const Overlap& x, const Overlap& y) {
    if (x.count != y.count) return x.count > y.count;
    if (x.previous_id != y.previous_id) return x.previous_id < y.previous_id;
    if (clusters.smallest_ref[x.cluster] != clusters.smallest_ref[y.cluster]) {
      return clusters.smallest_ref[x.cluster] < clusters.smallest_ref[y.cluster];
    }
    return x.cluster < y.cluster;
  });
  return overlaps;
}

}  // namespace

std::vector<ResolvedPersonId> previous_ids_by_record(std::span<const PersonRecord> records,
                                                     const ResolvedPersonAssignment& previous) {
  std::vector<ResolvedPersonId> ids(records.size());
  if (previous.empty()) return ids;
  for (std::size_t i = 0; i < records.size(); ++i) {
    if (const auto found = previous.find(records[i].person_ref); found != previous.end()) ids[i] = found->second;
  }
  return ids;
}

std::vector<ResolvedPersonId> assign_stable_ids(std::span<const std::uint32_t> cluster_of,
                                                std::span<const PersonRecord> records,
                                                std::span<const ResolvedPersonId> previous_ids,
                                                std::uint64_t next_id_floor) {
  const Clusters clusters = number_clusters(cluster_of, records);
  std::vector<std::uint64_t> id_of_cluster(clusters.smallest_ref.size(), 0);
  std::unordered_set<std::uint64_t> taken;
  std::uint64_t largest_seen = next_id_floor > 0 ? next_id_floor - 1 : 0;
  for (const ResolvedPersonId& id : previous_ids) largest_seen = std::max(largest_seen, id.value);

  for (const Overlap& overlap : overlaps_with_previous(clusters, previous_ids)) {
    if (id_of_cluster[overlap.cluster] != 0 || taken.contains(overlap.previous_id)) continue;
    id_of_cluster[overlap.cluster] = overlap.previous_id;
    taken.insert(overlap.previous_id);
  }

  std::vector<std::uint32_t> fresh;
  for (std::uint32_t cluster = 0; cluster < id_of_cluster.size(); ++cluster) {
    if (id_of_cluster[cluster] == 0) fresh.push_back(cluster);
  }
  std::sort(fresh.begin(), fresh.end(), [&](std::uint32_t x, std::uint32_t y) {
    if (clusters.smallest_ref[x] != clusters.smallest_ref[y])
      return clusters.smallest_ref[x] < clusters.smallest_ref[y];
    return x < y;
  });
  std::uint64_t next_id = largest_seen + 1;
  for (std::uint32_t cluster : fresh) id_of_cluster[cluster] = next_id++;

  std::vector<ResolvedPersonId> ids(cluster_of.size());
  for (std::size_t i = 0; i < cluster_of.size(); ++i) ids[i] = {id_of_cluster[clusters.number_of_record[i]]};
  return ids;
}

}  // namespace rasso::linkage
