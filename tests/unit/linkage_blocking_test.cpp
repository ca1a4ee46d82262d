// Blocking: united rules find typo'd and swapped pairs, oversize blocks are split or skipped and
// reported, and incremental blocking only pairs new records.

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

#include "linkage/blocking.h"

namespace rasso::linkage {
namespace {

PersonRecord record(std::string ref, std::string forename, std::string surname, std::string dob,
                    std::string postcode = "") {
  PersonRecord r;
  r.person_ref = std::move(ref);
  r.forename = std::move(forename);
  r.surname = std::move(surname);
  r.dob = std::move(dob);
  r.postcode = std::move(postcode);
  return r;
}

PreparedPeople prepare(const std::vector<PersonRecord>& records) {
  PreparedPeople people(std::make_shared<const NicknameIndex>(NicknameIndex::from_pairs({{"bob", "robert"}})));
  people.append(records);
  return people;
}

bool has_pair(const CandidatePairs& candidates, std::uint32_t i, std::uint32_t j) {
  return std::binary_search(candidates.pairs.begin(), candidates.pairs.end(), pack_pair(i, j));
}

TEST(LinkageBlocking, UnitedRulesFindVariantsOfOnePerson) {
  const PreparedPeople people = prepare({
      record("1", "Robert", "Smith", "1985-04-03", "B15 2TT"),
      record("2", "Bob", "Smith", "1985-03-04"),                 // nickname and day/month swap
      record("3", "", "SMITH, Robert James", "1985-04-03"),      // comma form
      record("4", "Smith", "Robert", ""),                        // swapped names, no date of birth
      record("5", "Robert", "Smithe", "1985-04-08", "B15 2TT"),  // surname and dob typos
      record("6", "Zbigniew", "Wojciechowski", "1970-01-01"),
  });
  const CandidatePairs candidates = block_candidate_pairs(people, BlockingOptions{});
  EXPECT_TRUE(has_pair(candidates, 0, 1));
  EXPECT_TRUE(has_pair(candidates, 0, 2));
  EXPECT_TRUE(has_pair(candidates, 1, 2));
  EXPECT_TRUE(has_pair(candidates, 0, 3));
  EXPECT_TRUE(has_pair(candidates, 0, 4));
  for (std::uint32_t i = 0; i < 5; ++i) EXPECT_FALSE(has_pair(candidates, i, 5));
  EXPECT_TRUE(std::is_sorted(candidates.pairs.begin(), candidates.pairs.end()));
  EXPECT_EQ(std::adjacent_find(candidates.pairs.begin(), candidates.pairs.end()), candidates.pairs.end());
  EXPECT_EQ(candidates.report.candidate_pairs, candidates.pairs.size());
  EXPECT_EQ(candidates.report.rules.size(), all_blocking_rules().size());
}

TEST(LinkageBlocking, OversizeBlocksAreSplitThenSkippedAndReported) {
  std::vector<PersonRecord> records;
  for (int i = 0; i < 30; ++i) records.push_back(record(std::to_string(i), "John", "Smith", "1980-01-01"));
  // Same names, different years: the full-name block is oversize but splits by year.
  for (int i = 0; i < 6; ++i)
    records.push_back(record("y" + std::to_string(i), "Mary", "Jones", std::to_string(1950 + i) + "-06-01"));
  const PreparedPeople people = prepare(records);
  BlockingOptions options;
  options.max_block_size = 10;
  options.threads = 1;
  const CandidatePairs candidates = block_candidate_pairs(people, options);

  EXPECT_FALSE(candidates.report.oversize_blocks.empty());
  const bool any_skipped =
      std::any_of(candidates.report.oversize_blocks.begin(), candidates.report.oversize_blocks.end(),
                  [](const OversizeBlock& block) { return block.skipped; });
  EXPECT_TRUE(any_skipped);
  std::size_t skipped = 0;
  for (const BlockingRuleStats& stats : candidates.report.rules) {
    skipped += stats.skipped_blocks;
    EXPECT_LE(stats.largest_block, options.max_block_size);
  }
  EXPECT_GT(skipped, 0u);
  // No pair of the 30 identical John Smiths survives: every block holding them was too big.
  EXPECT_FALSE(has_pair(candidates, 0, 1));
  const OversizeBlock& first = candidates.report.oversize_blocks.front();
  EXPECT_FALSE(describe_blocking_key(first.rule, people[first.example_record], people).empty());
}

TEST(LinkageBlocking, IncrementalBlockingOnlyPairsNewRecords) {
  const PreparedPeople people = prepare({
      record("1", "Robert", "Smith", "1985-04-03"),
      record("2", "Robert", "Smith", "1985-04-03"),
      record("3", "Robert", "Smith", "1985-04-03"),
  });
  const CandidatePairs all = block_candidate_pairs(people, BlockingOptions{});
  const CandidatePairs only_new = block_candidate_pairs(people, BlockingOptions{}, 2);
  EXPECT_EQ(all.pairs.size(), 3u);
  ASSERT_EQ(only_new.pairs.size(), 2u);
  EXPECT_TRUE(has_pair(only_new, 0, 2));
  EXPECT_TRUE(has_pair(only_new, 1, 2));
}

TEST(LinkageBlocking, ThreadCountDoesNotChangeTheResult) {
  std::vector<PersonRecord> records;
  const char* surnames[] = {"Smith", "Smyth", "Jones", "Brown", "Browne"};
  for (int i = 0; i < 200; ++i) {
    records.push_back(
        record(std::to_string(i), i % 3 == 0 ? "Ann" : "Anne", surnames[i % 5],
               "19" + std::to_string(60 + i % 7) + "-0" + std::to_string(1 + i % 9) + "-1" + std::to_string(i % 10)));
  }
  const PreparedPeople people = prepare(records);
  BlockingOptions one;
  one.threads = 1;
  BlockingOptions three;
  three.threads = 3;
  EXPECT_EQ(block_candidate_pairs(people, one).pairs, block_candidate_pairs(people, three).pairs);
}

}  // namespace
}  // namespace rasso::linkage
