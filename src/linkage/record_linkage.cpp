#include "linkage/record_linkage.h"

#include <algorithm>
#include <cmath>
#include <span>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "linkage/pair_scorer.h"
#include "linkage/parallel_ranges.h"
#include "linkage/person_comparison.h"
#include "linkage/training_sessions.h"

namespace rasso::linkage {
namespace {

void announce(const LinkageOptions& options, std::string_view phase) {
  if (options.on_phase) options.on_phase(phase);
}

BlockingOptions blocking_options(const LinkageOptions& options) {
  BlockingOptions blocking = options.blocking;
  blocking.threads = options.threads;
  return blocking;
}

// EM can in principle settle on a split that is not "same person vs not" (e.g. by postcode).
// A field whose exact level ends up less likely among matches than among random pairs is
// reset to the default m and reported.
void check_em_fit(FellegiSunterModel& model, std::vector<std::string>& warnings) {
  const FellegiSunterModel defaults = default_model();
  for (Field field : {Field::Forename, Field::Surname, Field::DateOfBirth}) {
    const auto f = static_cast<std::size_t>(field);
    if (model.m[f][1] > model.u[f][1]) continue;
    model.m[f] = defaults.m[f];
    warnings.push_back(
        fmt::format("EM gave {} an implausible m for exact agreement; default m used", field_name(field)));
  }
}

FellegiSunterModel estimate_model(const PreparedPeople& people, const std::vector<std::uint32_t>& patterns,
                                  const LinkageOptions& options, std::vector<std::string>& warnings) {
  FellegiSunterModel model = default_model();
  UEstimationOptions u_options = options.u_estimation;
  u_options.threads = options.threads;
  model.u = estimate_u_from_random_pairs(people, u_options, model.u_sample_pairs);

  std::vector<std::uint64_t> histogram(pattern_count(), 0);
  for (std::uint32_t pattern : patterns) ++histogram[pattern];
  const EmResult em = estimate_m_by_em(histogram, model.m, model.u, options.em);
  model.m = em.m;
  model.em_pairs = patterns.size();
  model.em_iterations = em.iterations;
  model.em_converged = em.converged;
  model.em_match_share = em.match_share;
  const double n = static_cast<double>(people.size());
  if (n >= 2 && !patterns.empty()) {
    const double expected_matches = em.match_share * static_cast<double>(patterns.size());
    model.prior = std::clamp(expected_matches / (n * (n - 1) / 2), 1e-12, 0.5);
  }

  // Training sessions give less biased m (see training_sessions.h) where they have the data.
  TrainingOptions training = options.training;
  training.seed = options.u_estimation.seed;
  training.threads = options.threads;
  training.em = options.em;
  const SessionEstimates sessions = estimate_m_by_sessions(people, model.u, default_model().m, training);
  for (std::size_t f = 0; f < kFieldCount; ++f) {
    if (sessions.estimated[f]) model.m[f] = sessions.m[f];
  }
  if (sessions.prior) model.prior = *sessions.prior;
  // Final prior: the share of all pairs that match, given the final m and u, counting the
  // expected matches among the candidates (blocking is meant to keep nearly all matches).
  if (n >= 2 && !patterns.empty()) {
    model.prior = estimate_match_prior(histogram, model.m, model.u, n * (n - 1) / 2, model.prior, options.em);
  }
  model.em_pairs += sessions.pairs;
  model.em_iterations += sessions.iterations;
  check_em_fit(model, warnings);
  return model;
}

struct ScoredPair {
  std::uint32_t a;
  std::uint32_t b;
  double weight;
};

// Pairs whose weight is at least `keep_from`, in the candidates' order.
std::vector<ScoredPair> score_candidates(const PreparedPeople& people, const std::vector<std::uint64_t>& pairs,
                                         const std::vector<std::uint32_t>& patterns, const PairScorer& scorer,
                                         double keep_from, std::size_t threads) {
  std::vector<std::vector<ScoredPair>> kept(std::max<std::size_t>(1, threads));
  run_in_parallel_ranges(pairs.size(), threads, [&](std::size_t begin, std::size_t end, std::size_t thread) {
    for (std::size_t k = begin; k < end; ++k) {
      const std::uint32_t a = pair_first(pairs[k]);
      const double weight = scorer.match_weight(people[a], pattern_levels(patterns[k]));
      if (weight >= keep_from) kept[thread].push_back({a, pair_second(pairs[k]), weight});
    }
  });
  std::vector<ScoredPair> scored = std::move(kept[0]);
  for (std::size_t t = 1; t < kept.size(); ++t) scored.insert(scored.end(), kept[t].begin(), kept[t].end());
  return scored;
}

class ModelPairOracle : public PairOracle {
 public:
  ModelPairOracle(const PreparedPeople& people, const PairScorer& scorer) : people_(people), scorer_(scorer) {}

  PairAssessment assess(std::uint32_t i, std::uint32_t j) const override {
    const ComparisonVector levels = compare_people(people_[i], people_[j], people_.names());
    return {match_probability(scorer_.match_weight(people_[i], levels)),
            levels[Field::DateOfBirth] == static_cast<Level>(DobLevel::Different) &&
                levels[Field::Sex] == static_cast<Level>(SexLevel::Different)};
  }

 private:
  const PreparedPeople& people_;
  const PairScorer& scorer_;
};

using IndexPair = std::pair<std::uint32_t, std::uint32_t>;

IndexPair ordered(std::uint32_t a, std::uint32_t b) { return a < b ? IndexPair{a, b} : IndexPair{b, a}; }

struct ResolvedDecisions {
  std::vector<IndexPair> must_link;
  std::vector<IndexPair> cannot_link;
  std::unordered_set<std::uint64_t> decided;  // pack_pair of ordered pairs
};

using RefIndex = std::unordered_map<std::string_view, std::uint32_t>;

// Record index by person_ref; the first record wins when a ref repeats.
RefIndex index_by_ref(const std::vector<PersonRecord>& records) {
  RefIndex index;
  index.reserve(records.size());
  for (std::uint32_t i = 0; i < records.size(); ++i) index.try_emplace(records[i].person_ref, i);
  return index;
}

std::optional<std::uint32_t> lookup(const RefIndex& index, std::string_view person_ref) {
  const auto found = index.find(person_ref);
  if (found == index.end()) return std::nullopt;
  return found->second;
}

ResolvedDecisions resolve_decisions(const RefIndex& index, const std::vector<ReviewerDecision>& decisions,
                                    std::vector<std::string>& warnings) {
  ResolvedDecisions resolved;
  for (const ReviewerDecision& decision : decisions) {
    const auto a = lookup(index, decision.person_ref_a);
    const auto b = lookup(index, decision.person_ref_b);
    if (!a || !b) {
      warnings.push_back(fmt::format("reviewer decision {} ~ {} names a record not in this run; ignored",
                                     decision.person_ref_a, decision.person_ref_b));
      continue;
    }
    if (*a == *b) continue;
    const IndexPair pair = ordered(*a, *b);
    (decision.decision == ReviewDecision::Same ? resolved.must_link : resolved.cannot_link).push_back(pair);
    resolved.decided.insert(pack_pair(pair.first, pair.second));
  }
  return resolved;
}

// What an incremental run carries over from the earlier result.
struct CarriedOver {
  std::vector<std::uint32_t> initial_cluster_of;
  std::vector<ResolvedPersonId> previous_ids;   // per record; ResolvedPersonId{} for new records
  std::vector<ClusterEdge> reconsidered_edges;  // links inside dissolved clusters
  std::vector<AcceptedLink> links;
  std::vector<ReviewCandidate> review_queue;
  std::vector<RefusedLink> refused_links;
};

// The clustering's input: decisions as constraints, model edges at or above the threshold.
ClusteringInput clustering_input(const LinkageResult& result, const std::vector<ScoredPair>& scored,
                                 CarriedOver& carried, const ResolvedDecisions& resolved, double threshold_weight,
                                 std::vector<std::uint32_t>& pncs) {
  const PreparedPeople& people = *result.prepared;
  pncs.resize(people.size());
  for (std::size_t i = 0; i < people.size(); ++i) pncs[i] = people[i].pnc;
  ClusteringInput input;
  input.record_count = people.size();
  input.pnc_of_record = pncs;
  input.initial_cluster_of = std::move(carried.initial_cluster_of);
  input.must_link = resolved.must_link;
  input.cannot_link = resolved.cannot_link;
  input.edges = std::move(carried.reconsidered_edges);
  for (const ScoredPair& pair : scored) {
    if (pair.weight >= threshold_weight) input.edges.push_back({pair.a, pair.b, pair.weight});
  }
  return input;
}

bool same_cluster(const LinkageResult& result, std::uint32_t a, std::uint32_t b) {
  return result.cluster_of[a] == result.cluster_of[b];
}

// Every link inside a final cluster, one per pair; a reviewer's link wins over the model's.
void collect_links(LinkageResult& result, const std::vector<AcceptedLink>& carried,
                   const std::vector<ClusterEdge>& edges, const std::vector<IndexPair>& must_link,
                   const PairScorer& scorer) {
  const PreparedPeople& people = *result.prepared;
  for (const AcceptedLink& link : carried) {
    if (same_cluster(result, link.a, link.b)) result.links.push_back(link);
  }
  for (const ClusterEdge& edge : edges) {
    if (same_cluster(result, edge.a, edge.b)) {
      result.links.push_back({edge.a, edge.b, edge.weight, match_probability(edge.weight), LinkSource::Model});
    }
  }
  for (const auto& [a, b] : must_link) {
    if (!same_cluster(result, a, b)) continue;
    const double weight = scorer.match_weight(people[a], compare_people(people[a], people[b], people.names()));
    result.links.push_back({a, b, weight, match_probability(weight), LinkSource::Reviewer});
  }
  std::sort(result.links.begin(), result.links.end(), [](const AcceptedLink& x, const AcceptedLink& y) {
    if (x.a != y.a) return x.a < y.a;
    if (x.b != y.b) return x.b < y.b;
    return x.source == LinkSource::Reviewer && y.source != LinkSource::Reviewer;
  });
  result.links.erase(std::unique(result.links.begin(), result.links.end(),
                                 [](const AcceptedLink& x, const AcceptedLink& y) { return x.a == y.a && x.b == y.b; }),
                     result.links.end());
}

// Refused merges whose records stayed apart, strongest first.
void collect_refusals(LinkageResult& result, const std::vector<RefusedLink>& carried,
                      const std::vector<RefusedEdge>& refused) {
  for (const RefusedLink& refusal : carried) {
    if (!same_cluster(result, refusal.a, refusal.b)) result.refused_links.push_back(refusal);
  }
  for (const RefusedEdge& refusal : refused) {
    const IndexPair pair = ordered(refusal.edge.a, refusal.edge.b);
    result.refused_links.push_back({pair.first, pair.second, refusal.edge.weight, refusal.reason});
  }
  std::sort(result.refused_links.begin(), result.refused_links.end(), [](const RefusedLink& x, const RefusedLink& y) {
    if (x.match_weight != y.match_weight) return x.match_weight > y.match_weight;
    return std::tie(x.a, x.b) < std::tie(y.a, y.b);
  });
}

// Undecided pairs in the review band, closest to the threshold first.
void build_review_queue(LinkageResult& result, const std::vector<ReviewCandidate>& carried,
                        const std::vector<ScoredPair>& scored, const ResolvedDecisions& resolved,
                        const LinkageOptions& options) {
  const double threshold_weight = match_weight_for_probability(options.match_threshold);
  const double review_low = match_weight_for_probability(options.review_low);
  const double review_high = match_weight_for_probability(options.review_high);
  auto undecided = [&](std::uint32_t a, std::uint32_t b) { return !resolved.decided.contains(pack_pair(a, b)); };
  for (ReviewCandidate candidate : carried) {
    if (!undecided(candidate.a, candidate.b)) continue;
    candidate.linked = same_cluster(result, candidate.a, candidate.b);
    result.review_queue.push_back(candidate);
  }
  for (const ScoredPair& pair : scored) {
    if (pair.weight < review_low || pair.weight > review_high || !undecided(pair.a, pair.b)) continue;
    result.review_queue.push_back(
        {pair.a, pair.b, pair.weight, match_probability(pair.weight), same_cluster(result, pair.a, pair.b)});
  }
  std::sort(result.review_queue.begin(), result.review_queue.end(),
            [&](const ReviewCandidate& x, const ReviewCandidate& y) {
              const double distance_x = std::abs(x.match_weight - threshold_weight);
              const double distance_y = std::abs(y.match_weight - threshold_weight);
              if (distance_x != distance_y) return distance_x < distance_y;
              return std::tie(x.a, x.b) < std::tie(y.a, y.b);
            });
}

// Clusters, assigns IDs and fills links, review queue and refusals.
void resolve(LinkageResult& result, const std::vector<ScoredPair>& scored, CarriedOver carried,
             const std::vector<ReviewerDecision>& decisions, std::uint64_t next_id_floor, const PairScorer& scorer,
             const LinkageOptions& options) {
  const ResolvedDecisions resolved = decisions.empty()
                                         ? ResolvedDecisions{}
                                         : resolve_decisions(index_by_ref(result.records), decisions, result.warnings);
  std::vector<std::uint32_t> pncs;
  const ClusteringInput input =
      clustering_input(result, scored, carried, resolved, match_weight_for_probability(options.match_threshold), pncs);
  const ModelPairOracle oracle(*result.prepared, scorer);
  ClusteringOutput clusters = cluster_records(input, oracle, options.clustering);
  result.cluster_of = std::move(clusters.cluster_of);
  result.resolved_ids = assign_stable_ids(result.cluster_of, result.records, carried.previous_ids, next_id_floor);

  collect_links(result, carried.links, input.edges, resolved.must_link, scorer);
  collect_refusals(result, carried.refused_links, clusters.refused);
  build_review_queue(result, carried.review_queue, scored, resolved, options);
  for (const auto& [a, b] : clusters.unapplied_must_links) {
    result.warnings.push_back(
        fmt::format("reviewer 'same' decision {} ~ {} conflicts with a 'different' decision; "
                    "not applied",
                    result.records[a].person_ref, result.records[b].person_ref));
  }
}

// Earlier clusters (keyed by cluster_of) that a "different" decision falls inside.
std::unordered_set<std::uint32_t> clusters_split_by(const LinkageResult& previous,
                                                    const std::vector<ReviewerDecision>& decisions) {
  std::unordered_set<std::uint32_t> split;
  if (decisions.empty()) return split;
  const RefIndex index = index_by_ref(previous.records);
  for (const ReviewerDecision& decision : decisions) {
    if (decision.decision != ReviewDecision::Different) continue;
    const auto a = lookup(index, decision.person_ref_a);
    const auto b = lookup(index, decision.person_ref_b);
    if (a && b && previous.cluster_of[*a] == previous.cluster_of[*b]) split.insert(previous.cluster_of[*a]);
  }
  return split;
}

double keep_from_weight(const LinkageOptions& options) {
  return match_weight_for_probability(std::min(options.review_low, options.match_threshold));
}

}  // namespace

std::size_t LinkageResult::resolved_person_count() const {
  std::size_t count = 0;
  for (std::size_t i = 0; i < cluster_of.size(); ++i) count += cluster_of[i] == i ? 1 : 0;
  return count;
}

ResolvedPersonAssignment LinkageResult::assignment() const {
  ResolvedPersonAssignment assignment;
  assignment.reserve(records.size());
  for (std::size_t i = 0; i < records.size(); ++i) assignment.emplace(records[i].person_ref, resolved_ids[i]);
  return assignment;
}

std::vector<std::uint32_t> LinkageResult::members_of(ResolvedPersonId id) const {
  std::vector<std::uint32_t> members;
  for (std::uint32_t i = 0; i < resolved_ids.size(); ++i) {
    if (resolved_ids[i] == id) members.push_back(i);
  }
  return members;
}

std::optional<std::uint32_t> LinkageResult::index_of(std::string_view person_ref) const {
  for (std::uint32_t i = 0; i < records.size(); ++i) {
    if (records[i].person_ref == person_ref) return i;
  }
  return std::nullopt;
}

LinkageResult link_records(std::vector<PersonRecord> records, std::shared_ptr<const NicknameIndex> nicknames,
                           const LinkageOptions& options, const std::vector<ReviewerDecision>& decisions,
                           const ResolvedPersonAssignment& previous) {
  LinkageResult result;
  result.records = std::move(records);
  result.term_frequency_adjustments = options.term_frequency_adjustments;

  announce(options, "prepare");
  auto prepared = std::make_shared<PreparedPeople>(std::move(nicknames));
  prepared->append(result.records, options.threads);
  result.prepared = prepared;
  result.term_frequencies =
      std::make_shared<TermFrequencies>(TermFrequencies::count(prepared->people(), prepared->names().size()));

  announce(options, "block");
  CandidatePairs candidates = block_candidate_pairs(*prepared, blocking_options(options));
  result.blocking = std::move(candidates.report);
  result.compared_pairs = candidates.pairs.size();

  announce(options, "compare");
  std::vector<std::uint32_t> patterns = comparison_patterns(*prepared, candidates.pairs, options.threads);

  announce(options, "estimate");
  result.model = options.model ? *options.model : estimate_model(*prepared, patterns, options, result.warnings);

  announce(options, "score");
  const PairScorer scorer(result.model, *result.term_frequencies, options.term_frequency_adjustments);
  const std::vector<ScoredPair> scored =
      score_candidates(*prepared, candidates.pairs, patterns, scorer, keep_from_weight(options), options.threads);
  std::vector<std::uint64_t>().swap(candidates.pairs);
  std::vector<std::uint32_t>().swap(patterns);

  announce(options, "cluster");
  CarriedOver carried;
  carried.previous_ids = previous_ids_by_record(result.records, previous);
  std::uint64_t next_id_floor = std::max<std::uint64_t>(options.next_id_floor, 1);
  for (const auto& [ref, id] : previous) next_id_floor = std::max(next_id_floor, id.value + 1);
  resolve(result, scored, std::move(carried), decisions, next_id_floor, scorer, options);
  return result;
}

LinkageResult link_incremental(LinkageResult previous, std::vector<PersonRecord> new_records,
                               const LinkageOptions& options, const std::vector<ReviewerDecision>& decisions) {
  const auto old_count = static_cast<std::uint32_t>(previous.records.size());
  const std::unordered_set<std::uint32_t> dissolved = clusters_split_by(previous, decisions);
  LinkageResult result;
  result.records = std::move(previous.records);
  result.records.insert(result.records.end(), std::make_move_iterator(new_records.begin()),
                        std::make_move_iterator(new_records.end()));
  result.model = previous.model;
  result.term_frequency_adjustments = options.term_frequency_adjustments;

  announce(options, "prepare");
  auto prepared = std::make_shared<PreparedPeople>(*previous.prepared);
  prepared->append(std::span<const PersonRecord>(result.records).subspan(old_count), options.threads);
  result.prepared = prepared;
  result.term_frequencies =
      std::make_shared<TermFrequencies>(TermFrequencies::count(prepared->people(), prepared->names().size()));

  announce(options, "block");
  CandidatePairs candidates = block_candidate_pairs(*prepared, blocking_options(options), old_count);
  result.blocking = std::move(candidates.report);
  result.compared_pairs = candidates.pairs.size();

  announce(options, "compare");
  std::vector<std::uint32_t> patterns = comparison_patterns(*prepared, candidates.pairs, options.threads);

  announce(options, "score");
  const PairScorer scorer(result.model, *result.term_frequencies, options.term_frequency_adjustments);
  const std::vector<ScoredPair> scored =
      score_candidates(*prepared, candidates.pairs, patterns, scorer, keep_from_weight(options), options.threads);

  announce(options, "cluster");
  // Earlier clusters are kept whole, except those a "different" decision now falls inside: they
  // are dissolved and their links reconsidered under the constraints.
  CarriedOver carried;
  const std::size_t total = result.records.size();
  carried.initial_cluster_of.resize(total);
  carried.previous_ids.resize(total);
  for (std::uint32_t i = 0; i < total; ++i) {
    const bool kept = i < old_count && !dissolved.contains(previous.cluster_of[i]);
    carried.initial_cluster_of[i] = kept ? previous.cluster_of[i] : i;
    if (i < old_count) carried.previous_ids[i] = previous.resolved_ids[i];
  }
  for (const AcceptedLink& link : previous.links) {
    if (dissolved.contains(previous.cluster_of[link.a])) {
      if (link.source == LinkSource::Model) carried.reconsidered_edges.push_back({link.a, link.b, link.match_weight});
    } else {
      carried.links.push_back(link);
    }
  }
  carried.review_queue = std::move(previous.review_queue);
  carried.refused_links = std::move(previous.refused_links);
  resolve(result, scored, std::move(carried), decisions, options.next_id_floor, scorer, options);
  return result;
}

}  // namespace rasso::linkage
