#pragma once
// What the store keeps of identity resolution: the latest run's resolved-person assignment, its
// accepted links with their evidence, the review queue, and every reviewer's decision (append-
// only; the latest decision about a pair is the one in force).

#include <cstdint>
#include <string>
#include <vector>

namespace rasso {

struct StoredLink {
  std::string person_ref_a;
  std::string person_ref_b;
  std::int64_t resolved_id = 0;
  double match_weight = 0;
  double probability = 0;
  std::string source;    // "model" or "reviewer"
  std::string evidence;  // field-by-field evidence, JSON
};

struct StoredReviewCandidate {
  std::string person_ref_a;
  std::string person_ref_b;
  double match_weight = 0;
  double probability = 0;
  bool linked = false;
  std::string evidence;  // JSON
};

struct StoredLinkDecision {
  std::string person_ref_a;
  std::string person_ref_b;
  std::string decision;  // same, different, never_link, withdrawn
  std::string decided_by;
  std::string decided_at;
  std::string reason;
};

struct LinkageRunRecord {
  std::string started_at;
  std::string finished_at;
  std::string mode;  // "full" or "incremental"
  std::size_t records = 0;
  std::size_t resolved_people = 0;
  std::size_t compared_pairs = 0;
  std::string summary_json;
  std::vector<std::pair<std::string, std::int64_t>> assignment;  // person_ref -> resolved id
  std::vector<StoredLink> links;
  std::vector<StoredReviewCandidate> review_queue;
};

}  // namespace rasso
