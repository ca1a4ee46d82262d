#include "analytics/repeat_suspects.h"

#include <gtest/gtest.h>

namespace rasso {
namespace {

CivilDate date(const char* iso) { return *CivilDate::parse_iso(iso); }

CrimeRecord crime(const char* ref, const char* force, const char* offence, const char* reported, int outcome = 0) {
  CrimeRecord record;
  record.crime_ref = ref;
  record.force_code = force;
  record.offence_code = offence;
  record.reported_date = date(reported);
  record.outcome_code = outcome;
  return record;
}

InvolvementRecord named(const char* crime_ref, const char* person_ref, InvolvementRole role) {
  InvolvementRecord record;
  record.crime_ref = crime_ref;
  record.person_ref = person_ref;
  record.role = role;
  return record;
}

class RepeatSuspectsTest : public testing::Test {
 protected:
  RepeatSuspectsTest() {
    offences_ = {{"19C", {"Rape of a female aged 16 and over", "rape", false, 1825}},
                 {"19E", {"Rape of a female child under 13", "rape", true, 3650}},
                 {"20A", {"Sexual assault on a female aged 13 and over", "sexual_assault", false, 365}}};
    crimes_ = {crime("C1", "WD", "20A", "2023-01-10", 16), crime("C2", "WD", "19C", "2025-08-01"),
               crime("C3", "WM", "19E", "2024-06-01", 15), crime("C4", "WD", "20A", "2025-01-01", 1),
               crime("C5", "WD", "20A", "2025-02-01", 1)};
    // Robert (records P1, P2, P3 resolved to 7) is named in C1, C2, C3; Ann (P9) in C4 only;
    // Dan (P5 and P6 unresolved, separate) in C4 and C5 under different records.
    involvements_ = {named("C1", "P1", InvolvementRole::Suspect), named("C1", "V1", InvolvementRole::Victim),
                     named("C2", "P2", InvolvementRole::Suspect), named("C2", "V2", InvolvementRole::Victim),
                     named("C3", "P3", InvolvementRole::Suspect), named("C3", "V3", InvolvementRole::Victim),
                     named("C4", "P9", InvolvementRole::Suspect), named("C4", "P5", InvolvementRole::Suspect),
                     named("C5", "P6", InvolvementRole::Suspect), named("C5", "V3b", InvolvementRole::Victim)};
    resolved_ = {{"P1", 7}, {"P2", 7}, {"P3", 7}, {"V3", 40}, {"V3b", 40}};
    inputs_.crimes = &crimes_;
    inputs_.involvements = &involvements_;
    inputs_.resolved = &resolved_;
    inputs_.offences = &offences_;
  }

  std::vector<RepeatSuspect> run(const RepeatSuspectDefinition& definition = {}) {
    return find_repeat_suspects(inputs_, definition, RankingWeights{}, date("2025-09-30"));
  }

  std::map<std::string, OffenceInfo, std::less<>> offences_;
  std::vector<CrimeRecord> crimes_;
  std::vector<InvolvementRecord> involvements_;
  std::unordered_map<std::string, std::uint64_t> resolved_;
  RepeatSuspectInputs inputs_;
};

TEST_F(RepeatSuspectsTest, FindsTheResolvedPersonAcrossRecordsAndForces) {
  const auto suspects = run();
  ASSERT_EQ(suspects.size(), 1u);  // Dan's two records were never resolved together
  const RepeatSuspect& robert = suspects[0];
  EXPECT_EQ(robert.resolved_id, 7u);
  EXPECT_EQ(robert.crimes.size(), 3u);
  EXPECT_EQ(robert.person_refs, (std::vector<std::string>{"P1", "P2", "P3"}));
  EXPECT_EQ(robert.forces, (std::vector<std::string>{"WD", "WM"}));
  EXPECT_EQ(robert.distinct_victims, 3);
  EXPECT_EQ(robert.crimes.front().crime_ref, "C1");  // oldest first
  EXPECT_EQ(robert.latest_crime, date("2025-08-01"));
}

TEST_F(RepeatSuspectsTest, ScoresRecencyFrequencyGravityAndVictims) {
  const RepeatSuspect robert = run()[0];
  EXPECT_EQ(robert.recency_points, 5);  // latest crime under 3 months before the as-of date
  const double gravity = (365 + 1825 + 3650) / 365.0;
  EXPECT_NEAR(robert.gravity_years, gravity, 1e-9);
  EXPECT_NEAR(robert.score, 5 + 3 + gravity + 3, 0.01);
}

TEST_F(RepeatSuspectsTest, FlagsEarlierCrimesClosedWithoutChargeAsColdCases) {
  const RepeatSuspect robert = run()[0];
  EXPECT_TRUE(robert.crimes[0].cold_case);   // C1 outcome 16
  EXPECT_TRUE(robert.crimes[1].cold_case);   // C3 outcome 15
  EXPECT_FALSE(robert.crimes[2].cold_case);  // C2 is the latest crime
  bool reason_given = false;
  for (const std::string& reason : robert.reasons) reason_given |= reason.find("cold-case") != std::string::npos;
  EXPECT_TRUE(reason_given);
}

TEST_F(RepeatSuspectsTest, ALookBackWindowExcludesOldCrimes) {
  RepeatSuspectDefinition definition;
  definition.look_back_months = 12;
  EXPECT_TRUE(run(definition).empty());  // only C2 is within a year for Robert
  definition.look_back_months = 24;
  ASSERT_EQ(run(definition).size(), 1u);
  EXPECT_EQ(run(definition)[0].crimes.size(), 2u);
}

TEST_F(RepeatSuspectsTest, OffenceGroupsAcrossForcesAndDistinctVictimsOptions) {
  RepeatSuspectDefinition rape_only;
  rape_only.offence_groups = {"rape"};
  ASSERT_EQ(run(rape_only).size(), 1u);
  EXPECT_EQ(run(rape_only)[0].crimes.size(), 2u);
  RepeatSuspectDefinition child;
  child.offence_groups = {"child_sexual_offence"};
  EXPECT_TRUE(run(child).empty());
  RepeatSuspectDefinition across;
  across.across_forces_only = true;
  EXPECT_EQ(run(across).size(), 1u);
  RepeatSuspectDefinition three_victims;
  three_victims.min_crimes = 3;
  three_victims.distinct_victims_required = true;
  EXPECT_EQ(run(three_victims).size(), 1u);
}

TEST_F(RepeatSuspectsTest, AResolvedVictimCountsOnce) {
  // Dan's records resolved together: two crimes, and his two victims V3/V3b are one person.
  resolved_["P5"] = 9;
  resolved_["P6"] = 9;
  const auto suspects = run();
  ASSERT_EQ(suspects.size(), 2u);
  const RepeatSuspect& dan = suspects[1].resolved_id == 9 ? suspects[1] : suspects[0];
  EXPECT_EQ(dan.crimes.size(), 2u);
  EXPECT_EQ(dan.distinct_victims, 1);
}

TEST_F(RepeatSuspectsTest, ResolvedIdsByInvolvementRowGiveTheSameListAsTheAssignment) {
  resolved_["P5"] = 9;
  resolved_["P6"] = 9;
  const auto from_assignment = run();
  // The same resolution given row by row (0: unresolved); the assignment is then not consulted.
  std::vector<std::uint64_t> by_row;
  for (const InvolvementRecord& involvement : involvements_) {
    const auto found = resolved_.find(involvement.person_ref);
    by_row.push_back(found == resolved_.end() ? 0 : found->second);
  }
  inputs_.involvement_resolution = &by_row;
  inputs_.resolved = nullptr;
  const auto from_rows = run();
  ASSERT_EQ(from_rows.size(), 2u);
  ASSERT_EQ(from_rows.size(), from_assignment.size());
  for (std::size_t i = 0; i < from_rows.size(); ++i) {
    EXPECT_EQ(from_rows[i].resolved_id, from_assignment[i].resolved_id);
    EXPECT_EQ(from_rows[i].person_refs, from_assignment[i].person_refs);
    EXPECT_EQ(from_rows[i].distinct_victims, from_assignment[i].distinct_victims);
    EXPECT_EQ(from_rows[i].score, from_assignment[i].score);
    EXPECT_EQ(from_rows[i].reasons, from_assignment[i].reasons);
  }
  // Unresolving Dan's records row by row splits him again.
  by_row[7] = 0;
  by_row[8] = 0;
  EXPECT_EQ(run().size(), 1u);
}

TEST_F(RepeatSuspectsTest, CrimesAfterTheAsOfDateAreIgnoredAndOrderIsDeterministic) {
  const auto early = find_repeat_suspects(inputs_, {}, RankingWeights{}, date("2024-12-31"));
  ASSERT_EQ(early.size(), 1u);
  EXPECT_EQ(early[0].crimes.size(), 2u);
  EXPECT_EQ(run()[0].score, run()[0].score);
}

TEST(RepeatSuspectDefinition, DescribesItself) {
  RepeatSuspectDefinition definition;
  EXPECT_EQ(definition.describe(), "A resolved person named as suspect in 2 or more separate RASSO crimes (any outcome).");
  definition.look_back_months = 36;
  definition.across_forces_only = true;
  EXPECT_NE(definition.describe().find("36 months"), std::string::npos);
  EXPECT_NE(definition.describe().find("two or more forces"), std::string::npos);
}

TEST(ClosedWithoutCharge, MatchesTheOutcomeTable) {
  EXPECT_TRUE(closed_without_charge(16));
  EXPECT_TRUE(closed_without_charge(21));
  EXPECT_FALSE(closed_without_charge(1));
  EXPECT_FALSE(closed_without_charge(0));
  EXPECT_FALSE(closed_without_charge(8));
}

}  // namespace
}  // namespace rasso
