// Parameter estimation and scoring: term-frequency adjustment, EM, u from random pairs, prior.

#include <gtest/gtest.h>

#include <cmath>
#include <memory>
#include <random>

#include "linkage/em_estimation.h"
#include "linkage/pair_scorer.h"
#include "linkage/person_comparison.h"
#include "linkage/u_estimation.h"

namespace rasso::linkage {
namespace {

constexpr auto kForename = static_cast<std::size_t>(Field::Forename);
constexpr auto kSurname = static_cast<std::size_t>(Field::Surname);
constexpr auto kDob = static_cast<std::size_t>(Field::DateOfBirth);

PersonRecord person(std::string forename, std::string surname, std::string dob = "") {
  PersonRecord r;
  r.person_ref = forename + surname + dob;
  r.forename = std::move(forename);
  r.surname = std::move(surname);
  r.dob = std::move(dob);
  return r;
}

TEST(LinkageTermFrequency, RareNameAgreementOutweighsCommonNameAgreement) {
  std::vector<PersonRecord> records;
  for (int i = 0; i < 40; ++i) records.push_back(person("John", "Smith"));
  for (int i = 0; i < 40; ++i) records.push_back(person("Name" + std::to_string(i), "Surname" + std::to_string(i)));
  records.push_back(person("Zbigniew", "Wojciechowski"));
  records.push_back(person("Zbigniew", "Wojciechowski"));
  PreparedPeople people(std::make_shared<const NicknameIndex>());
  people.append(records);
  const TermFrequencies frequencies = TermFrequencies::count(people.people(), people.names().size());
  const PairScorer scorer(default_model(), frequencies);

  const ComparisonVector johns = compare_people(people[0], people[1], people.names());
  const ComparisonVector zbigniews = compare_people(people[80], people[81], people.names());
  ASSERT_EQ(johns, zbigniews);  // same levels: both agree exactly on both names
  EXPECT_GT(scorer.match_weight(people[80], zbigniews), scorer.match_weight(people[0], johns));
  EXPECT_LT(scorer.term_frequency_adjustment(Field::Surname, people[0], johns),
            scorer.term_frequency_adjustment(Field::Surname, people[80], zbigniews));
  EXPECT_EQ(scorer.term_frequency_adjustment(Field::DateOfBirth, people[0], johns), 0.0);

  const PairScorer unadjusted(default_model(), frequencies, false);
  EXPECT_DOUBLE_EQ(unadjusted.match_weight(people[80], zbigniews), unadjusted.match_weight(people[0], johns));
}

// Draws a level of each field from `probabilities` (level 0 never drawn).
ComparisonVector draw(const FieldProbabilities& probabilities, std::mt19937_64& random) {
  ComparisonVector levels;
  for (std::size_t f = 0; f < kFieldCount; ++f) {
    std::vector<double> weights(probabilities[f].begin(), probabilities[f].end());
    weights[0] = 0.0;
    std::discrete_distribution<int> pick(weights.begin(), weights.end());
    levels.levels[f] = static_cast<Level>(pick(random));
  }
  return levels;
}

TEST(LinkageEm, RecoversMAboveUForKeyFieldsFromUnlabelledPairs) {
  FellegiSunterModel truth = default_model();
  truth.m[kForename] = {0, 0.85, 0.05, 0.01, 0.04, 0.02, 0.03};
  truth.u[kForename] = {0, 0.02, 0.01, 0.001, 0.02, 0.05, 0.899};
  truth.m[kSurname] = {0, 0.88, 0.01, 0.01, 0.05, 0.02, 0.03};
  truth.u[kSurname] = {0, 0.03, 0.001, 0.004, 0.02, 0.05, 0.895};
  truth.m[kDob] = {0, 0.90, 0.02, 0.04, 0.02, 0.02};
  truth.u[kDob] = {0, 0.01, 0.002, 0.02, 0.06, 0.908};

  std::mt19937_64 random(42);
  std::vector<std::uint64_t> histogram(pattern_count(), 0);
  for (int i = 0; i < 3000; ++i) ++histogram[pattern_index(draw(truth.m, random))];
  for (int i = 0; i < 27000; ++i) ++histogram[pattern_index(draw(truth.u, random))];

  const FellegiSunterModel start = default_model();
  const EmResult fit = estimate_m_by_em(histogram, start.m, start.u, EmOptions{});
  EXPECT_TRUE(fit.converged);
  EXPECT_NEAR(fit.match_share, 0.1, 0.02);
  for (std::size_t f : {kForename, kSurname, kDob}) {
    EXPECT_GT(fit.m[f][1], fit.u_among_candidates[f][1]) << field_name(kFields[f]);
    EXPECT_NEAR(fit.m[f][1], truth.m[f][1], 0.05) << field_name(kFields[f]);
    EXPECT_NEAR(fit.u_among_candidates[f][1], truth.u[f][1], 0.02) << field_name(kFields[f]);
  }

  // With u known, the prior's fixed point recovers the share of matches.
  const double prior = estimate_match_prior(histogram, truth.m, truth.u, 30000.0, 0.5, EmOptions{});
  EXPECT_NEAR(prior, 0.1, 0.01);
}

TEST(LinkageEm, DeterministicForTheSameInput) {
  std::vector<std::uint64_t> histogram(pattern_count(), 0);
  ComparisonVector agree;
  agree.levels = {1, 1, 1, 1, 1, 0, 0};
  ComparisonVector disagree;
  disagree.levels = {6, 6, 5, 2, 3, 0, 0};
  histogram[pattern_index(agree)] = 100;
  histogram[pattern_index(disagree)] = 900;
  const FellegiSunterModel start = default_model();
  const EmResult first = estimate_m_by_em(histogram, start.m, start.u, EmOptions{});
  const EmResult second = estimate_m_by_em(histogram, start.m, start.u, EmOptions{});
  EXPECT_EQ(first.m, second.m);
  EXPECT_EQ(first.match_share, second.match_share);
}

TEST(LinkageUEstimation, RandomPairsRarelyAgree) {
  std::vector<PersonRecord> records;
  const char* forenames[] = {"Ann", "Ben", "Cara", "Dev", "Eve", "Finn", "Gail", "Hugh"};
  for (int i = 0; i < 400; ++i) {
    records.push_back(
        person(forenames[i % 8], "Surname" + std::to_string(i % 50),
               std::to_string(1950 + i % 40) + "-0" + std::to_string(1 + i % 9) + "-1" + std::to_string(i % 10)));
  }
  PreparedPeople people(std::make_shared<const NicknameIndex>());
  people.append(records);
  UEstimationOptions options;
  options.sample_pairs = 20000;  // fewer than the 79,800 pairs: sampled
  std::size_t used = 0;
  const FieldProbabilities u = estimate_u_from_random_pairs(people, options, used);
  EXPECT_EQ(used, 20000u);
  EXPECT_NEAR(u[kForename][1], 1.0 / 8.0, 0.02);
  EXPECT_LT(u[kSurname][1], 0.05);
  EXPECT_LT(u[kDob][1], 0.01);
  double total = 0.0;
  for (double p : u[kDob]) total += p;
  EXPECT_NEAR(total, 1.0, 1e-9);

  // Same seed, different thread count: same estimate.
  options.threads = 1;
  EXPECT_EQ(estimate_u_from_random_pairs(people, options, used), u);
}

}  // namespace
}  // namespace rasso::linkage
