#pragma once
// Blocking: the candidate pairs worth comparing, found by several rules whose pairs are united,
// so that one typo or blank in a field does not hide a match (a pair needs to share the key of
// only one rule). Each rule puts records with equal keys in one block; every pair inside a
// block is a candidate. Rules keyed on the whole date of birth take day and month in either
// order, so a day/month swap still meets.
//
// A rule keyed on names alone would grow quadratically with the data (every "John Smith" against
// every other), so the names-only rule pairs a block's records only with those of its records
// that have no date of birth: the other pairs are left to the rules that use the date.
//
// A block bigger than max_block_size (a very common name, a default date such as 1900-01-01) would make the
// work quadratic. It is split once by a finer key of its rule (sub-blocking); a sub-block that
// is still too big is skipped and reported, not compared.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "linkage/prepared_person.h"
#include "linkage/record_pair.h"

namespace rasso::linkage {

enum class BlockingRule : std::uint8_t {
  PncId,                      // same PNC ID                                        sub-blocks by birth year
  CroNumber,                  // same CRO number                                    by birth year
  SurnamePhoneticBirthMonth,  // NYSIIS of the surname (or of a word of it) + year
                              // and month of birth                                 by forename initial
  ForenameFormDob,            // a canonical form of the forename + dob             by surname initial
  DistrictDob,                // postcode district + dob                            by surname initial
  InitialsDob,                // forename and surname initials + dob                by surname NYSIIS
  FullNamePhoneticDobParts,   // NYSIIS of forename and of surname, in either order,
                              // + two of the three parts of the dob (a key for each
                              // pair of parts, so one wrong part still meets)      by dob
  FullNamePhoneticNoDob,      // NYSIIS of forename and of surname, in either order;
                              // only pairs where a record has no date of birth     by postcode district
  SurnamePhoneticPostcode,    // NYSIIS of surname + postcode (the district when
                              // only the outward code was recorded)                by forename initial
};

/// Every rule, in declaration order.
std::vector<BlockingRule> all_blocking_rules();

/// Stable snake_case name of a rule ("surname_phonetic_birth_month").
std::string_view blocking_rule_name(BlockingRule rule);

struct BlockingOptions {
  std::vector<BlockingRule> rules = all_blocking_rules();
  /// Largest block compared whole; bigger ones are sub-blocked, then skipped if still bigger.
  std::size_t max_block_size = 1000;
  /// Threads used (rules are shared between them); 1 or more.
  std::size_t threads = 2;
};

struct BlockingRuleStats {
  BlockingRule rule{};
  std::size_t blocks = 0;           // blocks (and sub-blocks) of two or more records compared
  std::size_t pairs = 0;            // pairs emitted by this rule, before de-duplication
  std::size_t largest_block = 0;    // largest block compared
  std::size_t sub_blocked = 0;      // oversize blocks that were split
  std::size_t skipped_blocks = 0;   // (sub-)blocks still oversize, not compared
  std::size_t skipped_records = 0;  // records in those skipped blocks
};

/// An oversize block, for the report: the rule, its size and one record in it.
struct OversizeBlock {
  BlockingRule rule{};
  std::size_t size = 0;
  std::uint32_t example_record = 0;
  bool skipped = false;  // false: it was split into sub-blocks small enough to compare
};

struct BlockingReport {
  std::vector<BlockingRuleStats> rules;
  std::vector<OversizeBlock> oversize_blocks;  // the first 1,000, in rule then key order
  std::size_t candidate_pairs = 0;             // distinct pairs after uniting all rules
};

struct CandidatePairs {
  /// Distinct pairs (i << 32) | j with i < j, sorted ascending.
  std::vector<std::uint64_t> pairs;
  BlockingReport report;
};

/// Candidate pairs among `people`. When `first_new` > 0 only pairs with at least one record at
/// index >= first_new are produced (incremental linking: the blocks are built over all records,
/// but pairs of two old records were compared before). Deterministic for the same input.
CandidatePairs block_candidate_pairs(const PreparedPeople& people, const BlockingOptions& options,
                                     std::uint32_t first_new = 0);

/// A readable description of the key `rule` gives `person` ("surname NYSIIS SNATH, born 1985"),
/// for reporting oversize blocks.
std::string describe_blocking_key(BlockingRule rule, const PreparedPerson& person, const PreparedPeople& people);

}  // namespace rasso::linkage
