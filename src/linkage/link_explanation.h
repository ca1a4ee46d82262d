#pragma once
// Explanations: why the engine believes records are one person. For a resolved person, every
// accepted link with, field by field, the comparison level and the weight it contributed (the
// log2 Bayes factor of the level, and for an exact name the term-frequency adjustment), as data
// for the API and as text for the CLI.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "linkage/record_linkage.h"

namespace rasso::linkage {

struct FieldEvidence {
  Field field{};
  std::string_view level;  // level_name(), e.g. "nickname"
  std::string value_a;     // cleaned value compared ("ROBERT", "1985-03-04"), "" if missing
  std::string value_b;
  double weight = 0.0;                     // log2(m / u) of the level; 0 when missing
  double term_frequency_adjustment = 0.0;  // only for exact forename or surname
};

struct LinkExplanation {
  std::string person_ref_a;
  std::string person_ref_b;
  LinkSource source = LinkSource::Model;
  double prior_weight = 0.0;
  double match_weight = 0.0;  // prior + sum of field weights and adjustments
  double probability = 0.0;
  std::vector<FieldEvidence> fields;  // kFields order
};

struct PersonExplanation {
  ResolvedPersonId id;
  std::vector<std::string> person_refs;  // in record order
  std::vector<LinkExplanation> links;    // in (record a, record b) order
};

/// The evidence for records a and b (indices into result.records) under the result's model.
LinkExplanation explain_pair(const LinkageResult& result, std::uint32_t a, std::uint32_t b,
                             LinkSource source = LinkSource::Model);

/// Every accepted link of the resolved person `id`, or nullopt if no record has that ID.
std::optional<PersonExplanation> explain_resolved_person(const LinkageResult& result, ResolvedPersonId id);

/// Plain-text rendering for the CLI, one block per link:
///   link WM-1 ~ WM-7  weight 18.4  probability 1.000  (model)
///     forename    ROBERT | BOB           nickname          +6.1
std::string render_explanation(const PersonExplanation& explanation);

}  // namespace rasso::linkage
