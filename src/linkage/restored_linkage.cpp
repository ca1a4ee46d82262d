#include "linkage/restored_linkage.h"

#include <algorithm>
#include <unordered_map>

namespace rasso::linkage {
namespace {

// Record indices of a pair, a < b, or nullopt when either record is unknown.
std::optional<std::pair<std::uint32_t, std::uint32_t>> indices_of(
    const std::unordered_map<std::string_view, std::uint32_t>& index, const RestoredPair& pair) {
  const auto a = index.find(pair.person_ref_a);
  const auto b = index.find(pair.person_ref_b);
  if (a == index.end() || b == index.end() || a->second == b->second) return std::nullopt;
  return std::make_pair(std::min(a->second, b->second), std::max(a->second, b->second));
}

}  // namespace

LinkageResult restore_linkage_result(StoredRunState state, std::shared_ptr<const NicknameIndex> nicknames,
                                     bool term_frequency_adjustments, std::size_t threads) {
  LinkageResult result;
  result.records = std::move(state.records);
  result.resolved_ids = std::move(state.resolved_ids);
  result.model = std::move(state.model);
  result.term_frequency_adjustments = term_frequency_adjustments;

  auto prepared = std::make_shared<PreparedPeople>(std::move(nicknames));
  prepared->append(result.records, threads);
  result.prepared = prepared;
  result.term_frequencies =
      std::make_shared<TermFrequencies>(TermFrequencies::count(prepared->people(), prepared->names().size()));

  // A cluster is named by its smallest record index, as the clustering itself names them.
  std::unordered_map<std::uint64_t, std::uint32_t> first_of_id;
  result.cluster_of.resize(result.records.size());
  for (std::uint32_t i = 0; i < result.records.size(); ++i) {
    result.cluster_of[i] = first_of_id.try_emplace(result.resolved_ids[i].value, i).first->second;
  }

  std::unordered_map<std::string_view, std::uint32_t> index;
  index.reserve(result.records.size());
  for (std::uint32_t i = 0; i < result.records.size(); ++i) index.emplace(result.records[i].person_ref, i);
  for (const RestoredPair& link : state.links) {
    const auto pair = indices_of(index, link);
    if (!pair || result.cluster_of[pair->first] != result.cluster_of[pair->second]) continue;
    result.links.push_back({pair->first, pair->second, link.match_weight, link.probability,
                            link.reviewer ? LinkSource::Reviewer : LinkSource::Model});
  }
  std::sort(result.links.begin(), result.links.end(),
            [](const AcceptedLink& x, const AcceptedLink& y) { return std::tie(x.a, x.b) < std::tie(y.a, y.b); });
  for (const RestoredPair& candidate : state.review_queue) {
    const auto pair = indices_of(index, candidate);
    if (!pair) continue;
    result.review_queue.push_back({pair->first, pair->second, candidate.match_weight, candidate.probability,
                                   result.cluster_of[pair->first] == result.cluster_of[pair->second]});
  }
  return result;
}

}  // namespace rasso::linkage
