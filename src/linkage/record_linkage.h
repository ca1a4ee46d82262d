#pragma once
// Identity resolution: person records in, resolved people out, with the evidence for every link.
// The pipeline (each step in its own file):
//   prepare (parse, fold, intern)  ->  block (candidate pairs from several rules, united)
//   -> compare (a level per field)  ->  estimate (u from random pairs, m by EM, the prior)
//   -> score (match weight with term-frequency adjustment)
//   -> cluster (constrained, resisting chaining; reviewers' decisions override the model)
//   -> stable resolved-person IDs, review queue.
// Pure: no I/O, no clock; the same input and options give the same result.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "linkage/blocking.h"
#include "linkage/constrained_clustering.h"
#include "linkage/em_estimation.h"
#include "linkage/fellegi_sunter_model.h"
#include "linkage/nickname_index.h"
#include "linkage/person_record.h"
#include "linkage/prepared_person.h"
#include "linkage/resolved_person_ids.h"
#include "linkage/reviewer_decision.h"
#include "linkage/term_frequencies.h"
#include "linkage/training_sessions.h"
#include "linkage/u_estimation.h"

namespace rasso::linkage {

struct LinkageOptions {
  BlockingOptions blocking;
  UEstimationOptions u_estimation;  // holds the seed of the random-pair sample
  EmOptions em;
  TrainingOptions training;  // seed, threads and EM options are taken from the fields above
  ClusteringOptions clustering;
  /// A pair whose match probability is at least this is linked (subject to the clustering guards).
  double match_threshold = 0.9;
  /// Adjust exact name agreement by how common the name is (pair_scorer.h).
  bool term_frequency_adjustments = true;
  /// Pairs with a probability in [review_low, review_high] go to the human review queue.
  double review_low = 0.5;
  double review_high = 0.99;
  /// Threads for blocking, comparison and the random-pair sample (overrides the ones inside).
  std::size_t threads = 2;
  /// When set, these parameters are used as they are and nothing is estimated.
  std::optional<FellegiSunterModel> model;
  /// IDs given to new clusters start at or above this (see resolved_person_ids.h).
  std::uint64_t next_id_floor = 1;
  /// Called with the name of each phase as it starts ("prepare", "block", ...); may be empty.
  std::function<void(std::string_view)> on_phase;
};

enum class LinkSource : std::uint8_t { Model, Reviewer };

/// A link between two records of one resolved person.
struct AcceptedLink {
  std::uint32_t a = 0;  // record indices into LinkageResult::records, a < b
  std::uint32_t b = 0;
  double match_weight = 0.0;
  double probability = 0.0;
  LinkSource source = LinkSource::Model;
};

/// A pair for a person to decide: its probability is near the threshold.
struct ReviewCandidate {
  std::uint32_t a = 0;
  std::uint32_t b = 0;
  double match_weight = 0.0;
  double probability = 0.0;
  bool linked = false;  // whether the two records ended in one resolved person
};

/// A pair above the threshold whose merge the clustering refused, with the reason.
struct RefusedLink {
  std::uint32_t a = 0;
  std::uint32_t b = 0;
  double match_weight = 0.0;
  MergeRefusal reason{};
};

struct LinkageResult {
  std::vector<PersonRecord> records;
  std::shared_ptr<const PreparedPeople> prepared;  // records, cleaned, same order
  std::shared_ptr<const TermFrequencies> term_frequencies;
  FellegiSunterModel model;
  bool term_frequency_adjustments = true;  // as in the options of the run

  std::vector<ResolvedPersonId> resolved_ids;  // per record
  std::vector<std::uint32_t> cluster_of;       // per record: smallest record index of its cluster

  std::vector<AcceptedLink> links;            // sorted by (a, b)
  std::vector<ReviewCandidate> review_queue;  // closest to the threshold first
  std::vector<RefusedLink> refused_links;     // sorted by weight, strongest first
  BlockingReport blocking;
  std::size_t compared_pairs = 0;  // candidate pairs compared in this run
  /// Things the caller should tell a person: decisions naming unknown records, must-links
  /// overruled by cannot-links, an implausible EM fit.
  std::vector<std::string> warnings;

  /// Number of resolved people.
  std::size_t resolved_person_count() const;
  /// person_ref -> resolved-person ID, to pass to the next run.
  ResolvedPersonAssignment assignment() const;
  /// Record indices of a resolved person, ascending; empty if the ID is unknown.
  std::vector<std::uint32_t> members_of(ResolvedPersonId id) const;
  /// Index of the first record with this person_ref, or nullopt. A linear scan.
  std::optional<std::uint32_t> index_of(std::string_view person_ref) const;
};

/// Resolves `records` into people. person_refs must be unique (decisions and stable IDs refer
/// to records by them). `nicknames` must not be null. `decisions` override the model (unknown
/// person_refs are reported in warnings, not errors). `previous` is the last run's assignment,
/// for stable IDs (empty on a first run). Never fails; an empty input gives an empty result.
LinkageResult link_records(std::vector<PersonRecord> records, std::shared_ptr<const NicknameIndex> nicknames,
                           const LinkageOptions& options, const std::vector<ReviewerDecision>& decisions = {},
                           const ResolvedPersonAssignment& previous = {});

/// Links `new_records` into an earlier result without redoing it: the new records are blocked
/// against all records, only pairs involving a new record are compared, with the earlier
/// model's parameters (options.model is ignored), and merged into the earlier clusters, which
/// are kept as they were — except a cluster that a "different" decision now splits, which is
/// re-clustered from its own links. IDs stay stable against `previous`. The result covers old and
/// new records (old first, in their earlier order). `previous` is taken by value: move it in
/// when it is no longer needed, to save copying its records.
LinkageResult link_incremental(LinkageResult previous, std::vector<PersonRecord> new_records,
                               const LinkageOptions& options, const std::vector<ReviewerDecision>& decisions = {});

}  // namespace rasso::linkage
